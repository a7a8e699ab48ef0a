import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";

const project = (manifest?: string): string => {
  const dir = mkdtempSync(join(tmpdir(), "specforge-init-"));
  if (manifest !== undefined) writeFileSync(join(dir, "package.json"), manifest);
  return dir;
};

describe("specforge init", () => {
  it("adds an example spec and the generate script, generates, and says what to do next", () => {
    const dir = project('{\n    "name": "app",\n    "version": "1.0.0"\n}\n');
    const result = runCli(["init"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^specforge: created spec\/create-environment-variable\.openapi\.yaml, an example: replace it with your API's OpenAPI document\.\n/,
    );
    expect(result.stdout).toContain('specforge: added to package.json the script "generate": "specforge generate".\n');
    expect(result.stdout).toMatch(/specforge: 1 operation, 17 schemas -> generated\/: 9 written, 0 unchanged \(\d+ ms\)\n/);
    expect(result.stdout).toContain("  - in CI, to catch output that was not regenerated: npm run generate -- --check\n");
    // The user's indentation is kept.
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(
      '{\n    "name": "app",\n    "version": "1.0.0",\n    "scripts": {\n        "generate": "specforge generate"\n    }\n}\n',
    );
    expect(readdirSync(join(dir, "generated")).sort()).toContain("index.ts");
  });

  it("leaves a spec and a generate script that are there alone, so it can run again", () => {
    const dir = project('{ "scripts": { "generate": "specforge generate --out src/api" } }');
    runCli(["init", "--out", "src/api"], { cwd: dir });
    const again = runCli(["init", "--out", "src/api"], { cwd: dir });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("specforge: spec/ holds a spec already; left as it is.\n");
    expect(again.stdout).toContain("specforge: package.json has a generate script already: specforge generate --out src/api\n");
    expect(again.stdout).toContain("-> src/api/: 0 written, 9 unchanged");
  });

  it("names non-default folders in the script it writes, and creates package.json when there is none", () => {
    const dir = project();
    const result = runCli(["init", "--spec", "api", "--out", "src/client"], { cwd: dir });
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))).toEqual({
      private: true,
      scripts: { generate: "specforge generate --spec api --out src/client" },
    });
  });
});

describe("specforge --version", () => {
  it("is this package's version, not the project's", () => {
    const dir = project('{ "name": "app", "version": "9.9.9" }');
    const { version } = JSON.parse(readFileSync(join(import.meta.dirname, "..", "package.json"), "utf8")) as { version: string };
    expect(runCli(["--version"], { cwd: dir }).stdout).toBe(`${version}\n`);
  });
});
