import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { specDigest, specInputs } from "../generator/cache/inputs.js";
import { FINGERPRINT_FILE, outputCurrent } from "../generator/write/fingerprint.js";
import { runCli, scratchProject } from "./support/cli.js";
import { spawnSync } from "node:child_process";
import { pathToFileURL } from "node:url";
import { CLI, FIXTURES, SEED_SPEC } from "./support/paths.js";

/** The inputs a `--check` shortcut depends on: any change that could change the output must show. */
describe("the spec's fingerprint", () => {
  const folder = (): string => mkdtempSync(join(tmpdir(), "specforge-fp-"));
  const out = (dir: string): string => join(dir, "out");
  const fingerprint = (dir: string, spec: string, parts: { file: string; text: string }[] = []): string | undefined => {
    const digest = specDigest([spec], out(dir));
    return digest === undefined ? undefined : specInputs(digest, undefined, parts, out(dir)).spec;
  };

  it("changes with the spec's bytes and with its name or place, which decide the parts it reads and how merged inputs are named", () => {
    const dir = folder();
    cpSync(SEED_SPEC, join(dir, "a.yaml"));
    const before = fingerprint(dir, join(dir, "a.yaml"));
    expect(fingerprint(dir, join(dir, "a.yaml"))).toBe(before);
    cpSync(join(dir, "a.yaml"), join(dir, "b.yaml"));
    expect(fingerprint(dir, join(dir, "b.yaml"))).not.toBe(before);
    writeFileSync(join(dir, "a.yaml"), readFileSync(join(dir, "a.yaml"), "utf8") + "\n");
    expect(fingerprint(dir, join(dir, "a.yaml"))).not.toBe(before);
    // A folder: each file by its name and bytes.
    mkdirSync(join(dir, "api"));
    cpSync(SEED_SPEC, join(dir, "api", "a.yaml"));
    const folderBefore = fingerprint(dir, join(dir, "api"));
    renameSync(join(dir, "api", "a.yaml"), join(dir, "api", "c.yaml"));
    expect(fingerprint(dir, join(dir, "api"))).not.toBe(folderBefore);
    expect(fingerprint(dir, join(dir, "missing.yaml"))).toBeUndefined();
  });

  it("covers the parts a run read, by path and text, wherever they are", () => {
    const dir = folder();
    writeFileSync(join(dir, "openapi.json"), "{}");
    const spec = join(dir, "openapi.json");
    const part = (text: string) => [{ file: join(dir, "..", "shared.json"), text }];
    const before = fingerprint(dir, spec, part("{}"));
    expect(before).not.toBe(fingerprint(dir, spec));
    expect(fingerprint(dir, spec, part('{"a":1}'))).not.toBe(before);
    expect(fingerprint(dir, spec, [{ file: join(dir, "other.json"), text: "{}" }])).not.toBe(before);
    expect(specInputs(specDigest([spec], out(dir))!, undefined, part("{}"), out(dir)).parts).toEqual(["../../shared.json"]);
  });

  it("is the files the loader read, not a guess from the text: a `$ref` that is data reads nothing more", () => {
    // A schema with a property named $ref (Kubernetes' JSONSchemaProps), next to many files a
    // guess would have read and hashed on every run.
    const dir = scratchProject();
    const specFile = join(dir, "spec", "create-environment-variable.openapi.yaml");
    writeFileSync(
      specFile,
      readFileSync(specFile, "utf8").replace(
        "components:\n  schemas:\n",
        "components:\n  schemas:\n    JsonSchema:\n      type: object\n      properties:\n        $ref:\n          type: string\n",
      ),
    );
    writeFileSync(join(dir, "spec", "unrelated.yaml"), "a: 1\n");
    const args = ["generate", "--spec", specFile];
    expect(runCli(args, { cwd: dir }).status).toBe(0);
    const recorded = JSON.parse(readFileSync(join(dir, "generated", FINGERPRINT_FILE), "utf8")) as Record<string, unknown>;
    expect(recorded.parts).toBeUndefined();
    // The unrelated file is no input of this spec: editing it leaves the output current.
    writeFileSync(join(dir, "spec", "unrelated.yaml"), "a: 2\n");
    expect(runCli([...args, "--check"], { cwd: dir }).stdout).toContain("spec and generator unchanged");
  });

  it("records a multi-file spec's parts, and --check sees an edit to one of them", () => {
    const dir = folder();
    writeFileSync(
      join(dir, "openapi.yaml"),
      [
        "openapi: 3.1.0",
        "info: { title: t, version: '1' }",
        "paths:",
        "  /a:",
        "    get:",
        "      operationId: getA",
        "      parameters:",
        "        - $ref: './params.yaml#/Limit'",
        "      responses:",
        "        '200': { description: ok }",
        "",
      ].join("\n"),
    );
    writeFileSync(join(dir, "params.yaml"), "Limit: { name: limit, in: query, schema: { type: integer } }\n");
    const args = ["generate", "--spec", "openapi.yaml", "--out", "out"];
    expect(runCli(args, { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, "out", "operations", "default.ts"), "utf8")).toContain("limit?: number;");
    const recorded = JSON.parse(readFileSync(join(dir, "out", FINGERPRINT_FILE), "utf8")) as Record<string, unknown>;
    expect(recorded.parts).toEqual(["../params.yaml"]);
    expect(runCli([...args, "--check"], { cwd: dir }).stdout).toContain("spec and generator unchanged");
    writeFileSync(join(dir, "params.yaml"), "Limit: { name: limit, in: query, schema: { type: string } }\n");
    const check = runCli([...args, "--check"], { cwd: dir });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("+  limit?: string;");
  });
});

describe("--check after changes its fingerprint must see", () => {
  it("the same root spec in another folder, whose parts differ", () => {
    const dir = mkdtempSync(join(tmpdir(), "specforge-fp-"));
    cpSync(join(FIXTURES, "multi-file"), join(dir, "v1"), { recursive: true });
    cpSync(join(dir, "v1"), join(dir, "v2"), { recursive: true });
    writeFileSync(
      join(dir, "v2", "schemas", "owner.yaml"),
      readFileSync(join(dir, "v2", "schemas", "owner.yaml"), "utf8") + "  nickname:\n    type: string\n",
    );
    expect(runCli(["generate", "--spec", "v1/openapi.yaml", "--out", "out"], { cwd: dir }).status).toBe(0);
    expect(runCli(["generate", "--check", "--spec", "v1/openapi.yaml", "--out", "out"], { cwd: dir }).stdout).toContain(
      "spec and generator unchanged",
    );
    const check = runCli(["generate", "--check", "--spec", "v2/openapi.yaml", "--out", "out"], { cwd: dir });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("nickname");
  });

  it("an edit saved while the run was reading the spec", () => {
    const dir = mkdtempSync(join(tmpdir(), "specforge-fp-"));
    const spec = join(dir, "spec.yaml");
    cpSync(SEED_SPEC, spec);
    // Saves an edit right after the loader has read the spec (the second read: the first is the
    // fingerprint's, before the run), as an editor could in the middle of a long run.
    const hook = join(dir, "edit-during-run.mjs");
    writeFileSync(
      hook,
      `import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
const read = fs.readFileSync;
let reads = 0;
fs.readFileSync = function (file, ...rest) {
  const result = read.call(this, file, ...rest);
  if (String(file) === ${JSON.stringify(spec)} && ++reads === 2)
    fs.writeFileSync(file, String(result).replace("Create Environment Variable", "Create An Environment Variable"));
  return result;
};
syncBuiltinESMExports();
`,
    );
    const run = spawnSync(
      process.execPath,
      ["--import", pathToFileURL(hook).href, CLI, "generate", "--spec", spec, "--out", join(dir, "out")],
      {
        encoding: "utf8",
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(spec, "utf8")).toContain("Create An Environment Variable");
    const check = runCli(["generate", "--check", "--spec", spec, "--out", join(dir, "out")]);
    expect(check.status).toBe(1);
  });
});

describe("the output's fingerprint", () => {
  it("is no shortcut when malformed, and never throws", () => {
    const dir = scratchProject();
    expect(runCli(["generate"], { cwd: dir }).status).toBe(0);
    const out = join(dir, "generated");
    const file = join(out, FINGERPRINT_FILE);
    const recorded = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    const inputs = { generator: recorded.generator as string, spec: recorded.spec as string };
    expect(outputCurrent(out, inputs)).toBe(true);
    for (const broken of [{ ...recorded, files: null }, { ...recorded, files: { operations: "0" } }, "not json"]) {
      writeFileSync(file, typeof broken === "string" ? broken : JSON.stringify(broken));
      expect(outputCurrent(out, inputs)).toBe(false);
    }
    // A line changed by hand (or by a merge) no longer matches the digest.
    const files = recorded.files as Record<string, string>;
    writeFileSync(file, JSON.stringify({ ...recorded, files: { ...files, "types.ts": "0".repeat(64) } }));
    expect(outputCurrent(out, inputs)).toBe(false);
  });

  it("is no shortcut after a run with warnings, so that they are printed again and --strict sees them", () => {
    const dir = scratchProject();
    const spec = join(dir, "spec", "create-environment-variable.openapi.yaml");
    // An undeclared path parameter is a warning (W_PATH_PARAM_UNDECLARED), an error under --strict.
    writeFileSync(
      spec,
      readFileSync(spec, "utf8").replace("/v1/convai/environment-variables:", "/v1/convai/environment-variables/{scope}:"),
    );
    const first = runCli(["generate"], { cwd: dir });
    expect(first.status).toBe(0);
    expect(first.stderr).toContain("W_PATH_PARAM_UNDECLARED");
    const check = runCli(["generate", "--check"], { cwd: dir });
    expect(check.status).toBe(0);
    expect(check.stderr).toContain("W_PATH_PARAM_UNDECLARED");
    expect(runCli(["generate", "--check", "--strict"], { cwd: dir }).status).toBe(2);
  });
});
