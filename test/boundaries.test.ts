// The folders of generator/ form a layered graph: no folder imports, even through others or for a
// type alone, from a folder that imports it back. Run alone with `npx vitest run test/boundaries.test.ts`.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cycles, folderOf, importEdges, type ImportEdge } from "./support/import-graph.js";
import { ROOT } from "./support/paths.js";

describe("import graph of generator/", () => {
  const edges = importEdges(join(ROOT, "generator"));

  it("has no cycle between folders (root-level files count as their own unit)", () => {
    const folders = edges.map(({ from, to }) => ({ from: folderOf(from), to: folderOf(to) })).filter((e) => e.from !== e.to);
    // Name the file imports that make up each cycle, so a failure says what to move.
    const explained = cycles(folders).map((component) =>
      edges.filter(
        (e) => component.includes(folderOf(e.from)) && component.includes(folderOf(e.to)) && folderOf(e.from) !== folderOf(e.to),
      ),
    );
    expect(explained.map((list) => list.map((e) => `${e.from} -> ${e.to}`))).toEqual([]);
  });

  it("sees the imports that matter: static, type-only and dynamic", () => {
    const from = (file: string): string[] => edges.filter((e) => e.from === file).map((e) => e.to);
    expect(from("pipeline.ts")).toContain("emit/types-emit.ts"); // await import(...)
    expect(from("pipeline.ts")).toContain("files.ts"); // import type
    expect(from("ir/operations.ts")).toContain("openapi.ts");
  });
});

describe("cycles", () => {
  const graph = (...pairs: string[]): ImportEdge[] => pairs.map((p) => ({ from: p[0]!, to: p[1]! }));

  it("finds a cycle through any number of nodes, and only the nodes on it", () => {
    expect(cycles(graph("ab", "bc", "ca", "cd"))).toEqual([["a", "b", "c"]]);
  });

  it("finds separate cycles separately", () => {
    expect(cycles(graph("ab", "ba", "cd", "dc", "bc"))).toEqual([
      ["c", "d"],
      ["a", "b"],
    ]);
  });

  it("passes a layered graph", () => {
    expect(cycles(graph("ab", "ac", "bc", "cd"))).toEqual([]);
  });
});
