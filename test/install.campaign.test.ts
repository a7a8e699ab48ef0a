import { execFile, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendJson, startServer, type TestServer } from "./support/http-server.js";
import { ROOT } from "./support/paths.js";
import { findRuntimes } from "./support/runtimes.js";

/**
 * What a new user does, in a fresh folder outside this repository: install specforge from a git
 * URL (npm clones it and runs `prepare`, which builds dist/), generate the seed client with .ts
 * imports, and run a main.ts that calls it, unchanged, on Node 22, Node 24, Bun and Deno. Slow
 * (npm installs the clone's dependencies to build it): a campaign (npm run test:all, which .ci/run runs).
 */
const run = promisify(execFile);
const { found, missing } = findRuntimes();
const runtimes = found.filter((r) => r.runsTypeScript);
if (missing.length > 0)
  console.warn(`\n*** install.campaign.test.ts: SKIPPING ${missing.join(", ")}: not installed. Run: npm ci --prefix runtimes ***\n`);

/** A git repository holding this working tree's files as they are (committed or not), as a clone would. */
function cloneOfWorkingTree(): string {
  const clone = mkdtempSync(join(tmpdir(), "specforge-clone-"));
  const files = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], { cwd: ROOT, encoding: "utf8" })
    .split("\0")
    .filter((f) => f !== "" && !f.startsWith("runtimes/"));
  execFileSync("tar", ["-cf", join(clone, ".tree.tar"), "--null", "-T", "-"], { cwd: ROOT, input: files.join("\0") });
  execFileSync("tar", ["-xf", ".tree.tar"], { cwd: clone });
  const git = (...args: string[]): void => void execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: clone });
  git("init", "-q");
  git("add", "-A", ":!.tree.tar");
  git("commit", "-qm", "snapshot");
  return clone;
}

let server: TestServer;
let app: string;
let clone: string;

beforeAll(async () => {
  server = await startServer({
    created: (req, res) =>
      sendJson(res, 200, { ...JSON.parse(req.body), id: "e1", workspace_id: "w", created_at_unix_secs: 1, updated_at_unix_secs: 2 }),
  });
  clone = cloneOfWorkingTree();
  app = mkdtempSync(join(tmpdir(), "specforge-user-"));
  const npm = (...args: string[]) =>
    run("npm", args, { cwd: app, encoding: "utf8", env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false" } });
  await npm("init", "-y");
  // An ESM project: main.ts uses import (npm init writes "type": "commonjs").
  await npm("pkg", "set", "type=module");
  await npm("i", "-D", `git+file://${clone}`);
}, 600_000);

afterAll(async () => {
  await server?.close();
});

describe("installed from a git URL into a fresh project", () => {
  it("npx specforge generates the seed client with .ts imports", async () => {
    const seed = join(ROOT, "spec", "create-environment-variable.openapi.yaml");
    const { stdout } = await run("npx", ["specforge", "generate", "--spec", seed, "--out", "src/api", "--import-extension", ".ts"], {
      cwd: app,
      encoding: "utf8",
    });
    expect(stdout).toMatch(/^specforge: 1 operation, 17 schemas -> src\/api\/: 9 written, 0 unchanged \(\d+ ms\)\n$/);
    expect(readFileSync(join(app, "src", "api", "index.ts"), "utf8")).toContain('from "./types.ts"');
    // Nothing outside the output folder but the project's own node_modules/.cache.
    expect(execFileSync("git", ["status", "--porcelain", "--ignored"], { cwd: ROOT, encoding: "utf8" })).not.toContain(app);
    writeFileSync(
      join(app, "main.ts"),
      `import { createEnvironmentVariable } from "./src/api/index.ts";\n` +
        `const created = await createEnvironmentVariable(\n` +
        `  { body: { type: "string", label: "API_URL", values: { production: "https://example.test" } } },\n` +
        `  { baseUrl: "${server.url("created")}", apiKey: "k" },\n` +
        `);\n` +
        `console.log(created.id, created.label);\n`,
    );
  }, 120_000);

  it.each(runtimes.map((r) => [`${r.name} (${r.version})`, r] as const))("main.ts runs unchanged on %s", async (_name, runtime) => {
    const [command, ...args] = runtime.command;
    const { stdout } = await run(command!, [...args, "main.ts"], { cwd: app, encoding: "utf8" });
    expect(stdout).toBe("e1 API_URL\n");
  });

  it("npx specforge init works there too, and its generate script runs", async () => {
    const project = join(app, "second");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), '{ "name": "second", "private": true }\n');
    const init = await run(join(app, "node_modules", ".bin", "specforge"), ["init"], { cwd: project, encoding: "utf8" });
    expect(init.stdout).toContain('added to package.json the script "generate": "specforge generate".');
    // npm run puts the project's node_modules/.bin on the PATH; this project has none of its own, so give it the app's.
    const env = { ...process.env, PATH: `${join(app, "node_modules", ".bin")}:${process.env.PATH}` };
    const check = await run("npm", ["run", "-s", "generate", "--", "--check"], { cwd: project, encoding: "utf8", env });
    expect(check.stdout).toMatch(/generated\/ is up to date/);
  }, 120_000);
});

describe("installed from the path of a clone", () => {
  it("gives a working npx specforge once the clone is set up (npm ci builds dist/ by prepare)", async () => {
    await run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: clone, encoding: "utf8" });
    const project = mkdtempSync(join(tmpdir(), "specforge-path-user-"));
    writeFileSync(join(project, "package.json"), '{ "name": "path-user", "private": true }\n');
    await run("npm", ["i", "-D", "--no-audit", "--no-fund", clone], { cwd: project, encoding: "utf8" });
    const { stdout } = await run("npx", ["specforge", "generate", "--spec", join(ROOT, "spec"), "--out", "api"], {
      cwd: project,
      encoding: "utf8",
    });
    expect(stdout).toMatch(/-> api\/: 9 written/);
  }, 600_000);
});
