import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI } from "./support/paths.js";
import { scratchProject } from "./support/cli.js";

/**
 * prettier is off the hot path: `generate` prints with prettier's document printer
 * (`prettier/doc`, which has no parser) and never loads prettier itself unless `--prettier` asks
 * for the user's own style. The modules a run loads are recorded by a resolve hook
 * (`module.register`, public since Node 20.6) in the generator's own process.
 */
const hooks = mkdtempSync(join(tmpdir(), "specforge-loads-"));
writeFileSync(
  join(hooks, "hooks.mjs"),
  `import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.SPECFORGE_LOADED, resolved.url + "\\n");
  return resolved;
}
`,
);
writeFileSync(join(hooks, "register.mjs"), `import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url);\n`);

/** The prettier modules a CLI run loads, and its exit status. */
function prettierModules(args: string[], cwd: string): { status: number | null; loaded: string[]; stderr: string } {
  const log = join(cwd, "loaded.txt");
  writeFileSync(log, "");
  const run = spawnSync(process.execPath, ["--import", join(hooks, "register.mjs"), CLI, ...args], {
    cwd,
    env: { ...process.env, SPECFORGE_LOADED: log },
    encoding: "utf8",
  });
  const loaded = readFileSync(log, "utf8")
    .split("\n")
    .filter((url) => url.includes("/node_modules/prettier/"))
    .map((url) => url.slice(url.indexOf("/node_modules/prettier/") + "/node_modules/prettier/".length));
  return { status: run.status, loaded: [...new Set(loaded)].sort(), stderr: run.stderr };
}

describe("prettier is loaded only for --prettier", () => {
  it("generate loads prettier's document printer and nothing else of prettier", () => {
    const run = prettierModules(["generate"], scratchProject());
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.loaded).toEqual(["doc.mjs"]);
  });

  it("--prettier loads prettier and formats with the user's .prettierrc", () => {
    const dir = scratchProject();
    writeFileSync(join(dir, ".prettierrc"), JSON.stringify({ singleQuote: true, semi: false, printWidth: 80 }));
    const run = prettierModules(["generate", "--prettier"], dir);
    expect(run.status).toBe(0);
    expect(run.loaded).toContain("index.mjs");
    const operations = readFileSync(join(dir, "generated", "operations", "environmentVariables.ts"), "utf8");
    expect(operations).toContain("operation: 'createEnvironmentVariable',");
    expect(operations).not.toMatch(/;$/m);
    // The same options make --check agree; another config is drift.
    expect(spawnSync(process.execPath, [CLI, "generate", "--check", "--prettier"], { cwd: dir }).status).toBe(0);
    writeFileSync(join(dir, ".prettierrc"), JSON.stringify({ singleQuote: false }));
    expect(spawnSync(process.execPath, [CLI, "generate", "--check", "--prettier"], { cwd: dir }).status).toBe(1);
  });
});
