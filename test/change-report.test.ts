// The API change report as users meet it: every example in docs/change-report.md is run here
// against a scratch copy of the seed spec.
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli, scratchProject, snapshotTree } from "./support/cli.js";
import { CLI, ROOT } from "./support/paths.js";

const SPEC_FILE = "spec/create-environment-variable.openapi.yaml";
const PAGE = readFileSync(join(ROOT, "docs", "change-report.md"), "utf8");

/** The code block after `<!-- change-report-example: <name> ... -->`. */
function example(name: string): string {
  const found = new RegExp(`<!-- change-report-example: ${name} [^>]*-->\\n\`\`\`\\w+\\n([\\s\\S]*?)\`\`\``).exec(PAGE);
  if (!found) throw new Error(`docs/change-report.md has no change-report example "${name}"`);
  return found[1]!;
}

/** The page's three edits: one breaking, one notice, one non-breaking, all in response schemas. */
const EDITS = {
  breaking: ["        - id\n        - workspace_id\n        - values\n", "        - id\n        - values\n"],
  notice: [
    "        - auth_connection\n      title: EnvironmentVariableResponseType",
    "        - auth_connection\n        - oauth\n      title: EnvironmentVariableResponseType",
  ],
  nonBreaking: [
    "        workspace_id:\n          type: string\n",
    "        workspace_id:\n          type: string\n        note:\n          type: string\n",
  ],
} as const;

/** A scratch project generated from the seed, whose spec then gets `edits`. */
function edited(...edits: (keyof typeof EDITS)[]): string {
  const dir = scratchProject();
  expect(runCli(["generate"], { cwd: dir }).status).toBe(0);
  const spec = join(dir, SPEC_FILE);
  copyFileSync(spec, join(dir, "base.yaml"));
  let text = readFileSync(spec, "utf8");
  for (const edit of edits) {
    const [from, to] = EDITS[edit];
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(spec, text);
  return dir;
}

describe("generate --check prints the API change report before the drift", () => {
  it("as in docs/change-report.md, then the files and diffs, without a diff of the model file", () => {
    const dir = edited("breaking", "notice", "nonBreaking");
    const result = runCli(["generate", "--check"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout.startsWith(example("check"))).toBe(true);
    expect(result.stdout).toContain("changed generated/.specforge/api-model.json");
    expect(result.stdout).not.toContain("--- a/generated/.specforge/api-model.json");
    expect(result.stdout).toContain("--- a/generated/types.ts");
  });

  it("as one JSON document on stdout with --format json, the rest on stderr", () => {
    const dir = edited("breaking", "notice", "nonBreaking");
    const result = runCli(["generate", "--check", "--format", "json"], { cwd: dir });
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ version: 1, base: "generated/.specforge/api-model.json", head: "spec" });
    expect(report.summary).toEqual({
      breaking: 1,
      notice: 1,
      nonBreaking: 1,
      operations: { added: 0, removed: 0, moved: 0, changed: 0 },
      schemas: { added: 0, removed: 0, changed: 2 },
    });
    expect(report.changes).toContainEqual(JSON.parse(example("json")));
    // The fields docs/change-report.md documents, and no others.
    expect(Object.keys(report)).toEqual(["version", "base", "head", "summary", "operations", "schemas", "changes", "diagnostics"]);
    const documented = ["kind", "severity", "breaking", "direction", "pointer", "identifier", "member", "operation", "schema", "message"];
    for (const change of report.changes) expect(documented).toEqual(expect.arrayContaining(Object.keys(change)));
    expect(result.stderr).toContain("changed generated/types.ts");
  });

  it("says why there is no report when the output has no recorded model", () => {
    const dir = edited("breaking");
    writeFileSync(join(dir, "generated", ".specforge", "api-model.json"), "not json");
    const result = runCli(["generate", "--check", "--format", "json"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      base: null,
      summary: null,
      changes: [],
      note: expect.stringContaining("is not valid JSON"),
    });
  });
});

describe("generate rewriting files", () => {
  it("prints the report first, and with --fail-on breaking exits 1 after writing a breaking change", () => {
    const dir = edited("breaking", "notice");
    const result = runCli(["generate", "--fail-on", "breaking"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /^specforge: API changes from generated\/\.specforge\/api-model\.json to spec: 1 breaking, 1 notice, 0 non-breaking\n/,
    );
    expect(result.stdout).toMatch(/written/);
    expect(runCli(["generate", "--check"], { cwd: dir }).status).toBe(0);
  });
});

describe("--fail-on breaking is a gate separate from drift", () => {
  it("exits 1 for the breaking edit and 0 for notice and non-breaking ones, which still drift", () => {
    expect(runCli(["generate", "--check", "--fail-on", "breaking"], { cwd: edited("breaking", "notice", "nonBreaking") }).status).toBe(1);
    const harmless = edited("notice", "nonBreaking");
    expect(runCli(["generate", "--check", "--fail-on", "breaking"], { cwd: harmless }).status).toBe(0);
    expect(runCli(["generate", "--check"], { cwd: harmless }).status).toBe(1);
  });
});

describe("compare", () => {
  it("exits 1 for any change, and under --fail-on breaking only for breaking ones", () => {
    const dir = edited("breaking", "notice");
    const result = runCli(["compare", "--base", "base.yaml"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^specforge: API changes from base\.yaml to spec: 1 breaking, 1 notice, 0 non-breaking\n/);
    expect(runCli(["compare", "--base", "base.yaml", "--fail-on", "breaking"], { cwd: dir }).status).toBe(1);
    expect(runCli(["compare", "--base", "base.yaml", "--fail-on", "breaking"], { cwd: edited("notice") }).status).toBe(0);
  });

  it("exits 0 for identical specs and 2 for a spec it cannot read, generating nothing", () => {
    const dir = edited();
    const before = snapshotTree(join(dir, "generated"));
    const same = runCli(["compare", "--base", "base.yaml", "--spec", SPEC_FILE], { cwd: dir });
    expect(same.status).toBe(0);
    expect(same.stdout).toBe(`specforge: no API changes from base.yaml to ${SPEC_FILE}.\n`);
    const missing = runCli(["compare", "--base", "missing.yaml"], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("E_SPEC_NOT_FOUND");
    expect(runCli(["compare"], { cwd: dir }).status).toBe(2);
    expect(snapshotTree(join(dir, "generated"))).toEqual(before);
  });
});

describe("the GitHub Actions job of docs/change-report.md", () => {
  const job = parse(example("ci")) as { jobs: Record<string, { steps: { run?: string; shell?: string }[] }> };
  const steps = Object.values(job.jobs)[0]!.steps;

  it("runs the drift check, which passes on current output", () => {
    expect(steps.map((s) => s.run)).toContain("npm run generate -- --check");
    expect(runCli(["generate", "--check"], { cwd: edited() }).status).toBe(0);
  });

  it("fails a breaking pull request and writes the report to the job summary", () => {
    const gate = steps.find((s) => s.run?.includes("compare"))!;
    expect(gate.shell).toBe("bash");
    // The git lines need a remote; the base spec they would fetch is the scratch project's base.yaml.
    const command = gate
      .run!.trim()
      .split("\n")
      .at(-1)!
      .replace("node dist/cli.js", `node ${JSON.stringify(CLI)}`);
    const run = (dir: string) => {
      const summary = join(dir, "summary.md");
      const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", command], {
        cwd: dir,
        env: { ...process.env, RUNNER_TEMP: dir, GITHUB_STEP_SUMMARY: summary },
        encoding: "utf8",
      });
      return { status: result.status, summary: readFileSync(summary, "utf8") };
    };
    const breaking = run(edited("breaking"));
    expect(breaking.status).toBe(1);
    expect(breaking.summary).toContain("breaking     EnvironmentVariableResponse.workspace_id: property is now optional");
    expect(run(edited("nonBreaking")).status).toBe(0);
  });
});

describe("--format json on exit 2 still prints one JSON document, with the diagnostics", () => {
  it("compare with a spec it cannot read", () => {
    const dir = edited();
    const result = runCli(["compare", "--base", "missing.yaml", "--format", "json"], { cwd: dir });
    expect(result.status).toBe(2);
    const document = JSON.parse(result.stdout);
    expect(document).toMatchObject({ version: 1, base: "missing.yaml", head: "spec", summary: null, changes: [] });
    expect(document.diagnostics).toEqual([expect.objectContaining({ code: "E_SPEC_NOT_FOUND", severity: "error", file: "missing.yaml" })]);
    expect(result.stderr).toContain("E_SPEC_NOT_FOUND");
  });

  it("generate --check with a spec that has errors, leaving the output as it was", () => {
    const dir = edited();
    const before = snapshotTree(join(dir, "generated"));
    writeFileSync(join(dir, SPEC_FILE), "openapi: 3.1.0\ninfo: [unclosed\n");
    const result = runCli(["generate", "--check", "--format", "json"], { cwd: dir });
    expect(result.status).toBe(2);
    const document = JSON.parse(result.stdout);
    expect(document).toMatchObject({ base: null, summary: null, changes: [], note: expect.stringContaining("errors") });
    expect(document.diagnostics.length).toBeGreaterThan(0);
    expect(document.diagnostics.every((d: { file: string }) => d.file.endsWith(".yaml"))).toBe(true);
    expect(snapshotTree(join(dir, "generated"))).toEqual(before);
  });

  it("a usage error", () => {
    const result = runCli(["compare", "--format", "json"]);
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ summary: null, changes: [], diagnostics: [], note: expect.stringContaining("base") });
  });
});

describe("the nested-union example", () => {
  it("prints what docs/change-report.md shows, and fails the breaking gate", () => {
    const args = ["compare", "--base", "test/fixtures/changes/calls-v1.yaml", "--spec", "test/fixtures/changes/calls-v2.yaml"];
    const result = runCli(args);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(example("nested"));
    expect(runCli([...args, "--fail-on", "breaking"]).status).toBe(1);
  });
});
