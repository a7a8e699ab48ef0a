import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { specInputs } from "../generator/cache/inputs.js";
import { FINGERPRINT_FILE, outputCurrent } from "../generator/write/fingerprint.js";
import { runCli, scratchProject } from "./support/cli.js";
import { SEED_SPEC } from "./support/paths.js";

/** The inputs a `--check` shortcut depends on: any change that could change the output must show. */
describe("the spec's fingerprint", () => {
  const folder = (): string => mkdtempSync(join(tmpdir(), "specforge-fp-"));
  const digest = (spec: string, parts: string[] = []): string | undefined => specInputs([spec], undefined, parts, tmpdir())?.spec;

  it("does not change with the file's name or folder, which no generated file carries, but with its bytes", () => {
    const dir = folder();
    cpSync(SEED_SPEC, join(dir, "a.yaml"));
    const before = digest(join(dir, "a.yaml"));
    renameSync(join(dir, "a.yaml"), join(dir, "b.yaml"));
    expect(digest(join(dir, "b.yaml"))).toBe(before);
    expect(digest(dir)).toBe(before);
    writeFileSync(join(dir, "b.yaml"), readFileSync(join(dir, "b.yaml"), "utf8") + "\n");
    expect(digest(join(dir, "b.yaml"))).not.toBe(before);
  });

  it("covers the parts a run read, by path and bytes, wherever they are", () => {
    const dir = folder();
    mkdirSync(join(dir, "api"));
    const spec = join(dir, "api", "openapi.json");
    writeFileSync(spec, "{}");
    writeFileSync(join(dir, "shared.json"), JSON.stringify({ Pet: { type: "string" } }));
    const before = digest(spec, [join(dir, "shared.json")]);
    expect(before).not.toBe(digest(spec));
    writeFileSync(join(dir, "shared.json"), JSON.stringify({ Pet: { type: "integer" } }));
    expect(digest(spec, [join(dir, "shared.json")])).not.toBe(before);
    // A part that is gone: no fingerprint, so --check generates.
    expect(digest(spec, [join(dir, "gone.json")])).toBeUndefined();
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
