import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { syntaxKinds, ts, typeCheck } from "./support/compile.js";
import { ROOT } from "./support/paths.js";

const fixture = (name: string): string => join(ROOT, "test", "fixtures", name);

/** Generates a fixture next to its usage file and type-checks both as a strict consumer. */
function generateWithUsage(spec: string, usage: string): { dir: string; errors: string[]; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), "specforge-types-"));
  // A Node ESM consumer: the generated code is ESM, so the package around it is too.
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  const result = runCli(["generate", "--spec", spec, "--out", join(dir, "out")]);
  expect(result.status).toBe(0);
  copyFileSync(usage, join(dir, "usage.ts"));
  return { dir, errors: typeCheck([join(dir, "usage.ts")], "nodenext"), stderr: result.stderr };
}

describe("the zoo fixture: every schema feature", () => {
  const { dir, errors, stderr } = generateWithUsage(fixture("zoo-3.1.yaml"), join(ROOT, "test", "usage", "fixtures", "zoo.ts"));
  const types = readFileSync(join(dir, "out", "types.ts"), "utf8");

  it("compiles strictly with every @ts-expect-error claim holding", () => expect(errors).toEqual([]));
  it("generates without diagnostics", () => expect(stderr).toBe(""));

  it("names schemas by the documented rules", () => {
    for (const name of [
      "CreateAnimalBody",
      "ClientModel",
      "ErrorModel",
      "ResponseModel",
      "RecordModel",
      "PromiseModel",
      "DateModel",
      "BlobModel",
      "PartialModel",
      "Pet",
      "Pet2",
      "CafeCreme",
      "_2faCode",
      "UserId",
      "UserId2",
      "Class",
      "AnimalBase",
      "KeeperWritable",
      "ShapeUnion",
      "DrawingShapesItem",
    ]) {
      expect(types).toMatch(new RegExp(`export (type|interface) ${name}\\b`));
    }
  });

  it("has no any", () => {
    expect(syntaxKinds("types.ts", types).has(ts.SyntaxKind.AnyKeyword)).toBe(false);
  });

  it("the usage claims can fail: a wrong claim is reported", () => {
    writeFileSync(
      join(dir, "wrong.ts"),
      'import type { Keeper } from "./out/index.js";\nexport const k: Keeper = { id: "1", name: "n", password: "p" };\n',
    );
    expect(typeCheck([join(dir, "wrong.ts")], "nodenext").join("\n")).toMatch(/password/);
  });
});

describe("a spec split across files and folders", () => {
  const { dir, errors, stderr } = generateWithUsage(
    fixture("multi-file/openapi.yaml"),
    join(ROOT, "test", "usage", "fixtures", "multi-file.ts"),
  );

  it("resolves refs relative to each file, through a cycle between files", () => {
    expect(stderr).toBe("");
    expect(errors).toEqual([]);
    const types = readFileSync(join(dir, "out", "types.ts"), "utf8");
    expect(types).toContain("export interface Owner {");
    expect(types).toContain("export interface Pet {");
    expect(types).not.toMatch(/Owner2|= unknown/);
  });

  it("reports a missing file at the file and line of the $ref, and generates nothing", () => {
    const broken = mkdtempSync(join(tmpdir(), "specforge-multi-"));
    cpSync(fixture("multi-file"), broken, { recursive: true });
    writeFileSync(
      join(broken, "schemas", "owner.yaml"),
      `${readFileSync(join(broken, "schemas", "owner.yaml"), "utf8")}  bad:\n    $ref: "./missing.yaml#/X"\n`,
    );
    const result = runCli(["generate", "--spec", join(broken, "openapi.yaml"), "--out", join(broken, "out")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/schemas\/owner\.yaml:\d+:\d+ error E_REF_EXTERNAL/);
    expect(result.stderr).toContain("at #/properties/bad/$ref");
  });
});

describe("a spec whose only parts are parameters from another file", () => {
  it("takes them in place, with a diagnostic inside one at its file and line", () => {
    const dir = mkdtempSync(join(tmpdir(), "specforge-params-"));
    writeFileSync(
      join(dir, "openapi.yaml"),
      "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: getA\n      parameters:\n        - $ref: './params.yaml#/Limit'\n      responses:\n        '200': {description: ok}\n",
    );
    writeFileSync(join(dir, "params.yaml"), "Limit:\n  name: limit\n  in: query\n  schema:\n    type: integr\n");
    const result = runCli(["generate", "--spec", join(dir, "openapi.yaml"), "--out", join(dir, "out")]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/params\.yaml:5:5 warning W_SCHEMA_TYPE/);
    expect(readFileSync(join(dir, "out", "operations", "default.ts"), "utf8")).toContain("limit?: unknown;");
  });
});

describe("edge cases found in review", () => {
  const { errors, stderr } = generateWithUsage(fixture("edges-3.1.yaml"), join(ROOT, "test", "usage", "fixtures", "edges.ts"));

  it("compile strictly with every claim holding", () => expect(errors).toEqual([]));
  it("generate without diagnostics", () => expect(stderr).toBe(""));
});

describe("required over allOf and union branches (issue 18)", () => {
  const { dir, errors, stderr } = generateWithUsage(fixture("required-3.0.yaml"), join(ROOT, "test", "usage", "fixtures", "required.ts"));
  const types = readFileSync(join(dir, "out", "types.ts"), "utf8");

  it("compiles strictly with every optionality claim holding", () => expect(errors).toEqual([]));
  it("generates without diagnostics", () => expect(stderr).toBe(""));
  it("keeps the base a reference and adds only what the required list changes", () => {
    expect(types).toContain("export type Extended = Base & { id: string };");
    expect(types).toContain("export type Listed = Base & { id: string };");
    expect(types).toContain("export type Mixed = Base & { extra: number; name: string };");
    expect(types).toContain("export type Undeclared = Base;");
    expect(types).toContain("export type EitherOrUnion = { email: string } | { phone: string };");
  });
});
