import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { specFingerprint } from "../generator/cache/inputs.js";
import { FINGERPRINT_FILE, outputCurrent } from "../generator/write/fingerprint.js";
import { runCli, scratchProject } from "./support/cli.js";
import { SEED_SPEC } from "./support/paths.js";

/** The inputs a `--check` shortcut depends on: any change that could change the output must show. */
describe("the spec's fingerprint", () => {
  const folder = (): string => mkdtempSync(join(tmpdir(), "specforge-fp-"));

  it("does not change with the file's name or folder, which no generated file carries, but with its bytes", () => {
    const dir = folder();
    cpSync(SEED_SPEC, join(dir, "a.yaml"));
    const before = specFingerprint(join(dir, "a.yaml"));
    renameSync(join(dir, "a.yaml"), join(dir, "b.yaml"));
    expect(specFingerprint(join(dir, "b.yaml"))).toBe(before);
    expect(specFingerprint(dir)).toBe(before);
    writeFileSync(join(dir, "b.yaml"), readFileSync(join(dir, "b.yaml"), "utf8") + "\n");
    expect(specFingerprint(join(dir, "b.yaml"))).not.toBe(before);
  });

  it("covers the files a spec refers to, and gives up on a reference that leaves its folder", () => {
    const dir = folder();
    mkdirSync(join(dir, "api"));
    writeFileSync(join(dir, "api", "parts.json"), JSON.stringify({ Pet: { type: "string" } }));
    const spec = {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {},
      components: { schemas: { Pet: { $ref: "parts.json#/Pet" } } },
    };
    writeFileSync(join(dir, "api", "openapi.json"), JSON.stringify(spec));
    const before = specFingerprint(join(dir, "api", "openapi.json"));
    writeFileSync(join(dir, "api", "parts.json"), JSON.stringify({ Pet: { type: "integer" } }));
    expect(specFingerprint(join(dir, "api", "openapi.json"))).not.toBe(before);

    spec.components.schemas.Pet.$ref = "../shared.json#/Pet";
    writeFileSync(join(dir, "api", "openapi.json"), JSON.stringify(spec));
    expect(specFingerprint(join(dir, "api", "openapi.json"))).toBeUndefined();
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
