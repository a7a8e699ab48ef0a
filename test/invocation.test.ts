import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { rerunCommand, type Invocation } from "../generator/cli/invocation.js";
import { runCli, scratchProject } from "./support/cli.js";
import { CLI } from "./support/paths.js";

const at = (argv: string[], env: Invocation["env"] = {}): Invocation => ({ argv: ["/usr/bin/node", ...argv], env, cwd: "/work/app" });

describe("the command a hint names is the one the user ran, without --check", () => {
  it("npx specforge, with the arguments as typed", () => {
    const invocation = at(
      ["/home/u/.npm/_npx/1/node_modules/.bin/specforge", "generate", "--spec", "api v2/x.yaml", "--check", "--out", "src/api"],
      {
        npm_command: "exec",
      },
    );
    expect(rerunCommand(invocation)).toBe("npx specforge generate --spec 'api v2/x.yaml' --out src/api");
  });

  it("node with the entry point when npx started something else that started it", () => {
    expect(rerunCommand(at(["/repo/dist/cli.js", "generate", "--check"], { npm_command: "exec", npm_lifecycle_event: "npx" }))).toBe(
      "node ../../repo/dist/cli.js generate",
    );
  });

  it("specforge from the PATH, and node with the entry point relative to the current folder", () => {
    expect(rerunCommand(at(["/usr/local/bin/specforge", "--check"]))).toBe("specforge");
    expect(rerunCommand(at(["/work/app/tools/specforge/dist/cli.js", "generate", "--check"]))).toBe(
      "node tools/specforge/dist/cli.js generate",
    );
  });

  it("npm run <script>, with what followed --", () => {
    const env = { npm_lifecycle_event: "generate", npm_lifecycle_script: "npm run -s build && node dist/cli.js generate" };
    expect(rerunCommand(at(["/repo/dist/cli.js", "generate", "--check"], env))).toBe("npm run generate");
    expect(rerunCommand(at(["/repo/dist/cli.js", "generate", "--spec", "a.yaml", "--out", "b", "--check"], env))).toBe(
      "npm run generate -- --spec a.yaml --out b",
    );
  });

  it("the script without --check, when a check script ran", () => {
    const dir = scratchProject();
    const manifest = join(dir, "package.json");
    writeFileSync(
      manifest,
      JSON.stringify({ scripts: { api: "specforge generate --out src/api", "api:check": "specforge generate --out src/api --check" } }),
    );
    const env = {
      npm_lifecycle_event: "api:check",
      npm_lifecycle_script: "specforge generate --out src/api --check",
      npm_package_json: manifest,
    };
    expect(rerunCommand(at(["/p/node_modules/.bin/specforge", "generate", "--out", "src/api", "--check"], env))).toBe("npm run api");
    // No such script: the command itself.
    writeFileSync(manifest, JSON.stringify({ scripts: {} }));
    expect(rerunCommand(at(["/p/node_modules/.bin/specforge", "generate", "--out", "src/api", "--check"], env))).toBe(
      "specforge generate --out src/api",
    );
  });

  it("a script that does not run this CLI (npm test running a test that runs it) is not named", () => {
    const env = { npm_lifecycle_event: "test", npm_lifecycle_script: "vitest run" };
    expect(rerunCommand(at(["/repo/dist/cli.js", "generate", "--check"], env))).toBe("node ../../repo/dist/cli.js generate");
  });
});

describe("--check's Fix line, end to end", () => {
  const drifted = (): string => {
    const dir = scratchProject();
    expect(runCli(["generate"], { cwd: dir }).status).toBe(0);
    const spec = join(dir, "spec", "create-environment-variable.openapi.yaml");
    writeFileSync(spec, readFileSync(spec, "utf8").replace("Unique label for the environment variable.", "A label."));
    return dir;
  };

  it("names `npm run generate` when that script ran it", () => {
    const dir = drifted();
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ private: true, scripts: { generate: `node ${JSON.stringify(CLI)} generate` } }),
    );
    const result = spawnSync("npm", ["run", "-s", "generate", "--", "--check"], { cwd: dir, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe("specforge: generated/ does not match the spec. Fix: npm run generate");
  });

  it("names the command as run otherwise, with the paths as typed", () => {
    const dir = drifted();
    const env = { npm_lifecycle_event: "", npm_lifecycle_script: "", npm_command: "" };
    const result = runCli(["generate", "--check", "--spec", "./spec/"], { cwd: dir, env });
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe(
      `specforge: generated/ does not match the spec. Fix: node ${relative(dir, CLI)} generate --spec ./spec/`,
    );
  });
});
