import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/paths.js";

// The README is a front page: short, and the way to every page under docs/.
const docs = readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md"));
const pages = ["README.md", ...docs.map((f) => `docs/${f}`)];

describe("the README", () => {
  it("is at most 12 KB", () => {
    expect(statSync(join(ROOT, "README.md")).size).toBeLessThanOrEqual(12 * 1024);
  });

  it("links to every page under docs/", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(docs.filter((f) => !readme.includes(`](docs/${f}`))).toEqual([]);
  });
});

describe.each(pages)("the links of %s", (page) => {
  it("name files that exist", () => {
    // Code (fenced blocks and inline) is not prose: `handlers[kind](body)` is no link.
    const text = readFileSync(join(ROOT, page), "utf8")
      .replace(/```[\s\S]*?```/g, "")
      .replace(/`[^`\n]*`/g, "");
    const targets = [...text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z]+:/i.test(t));
    expect(targets.filter((t) => !existsSync(join(ROOT, dirname(page), t)))).toEqual([]);
  });
});
