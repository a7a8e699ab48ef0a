import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkConfig, findConfig, resolveApis } from "../generator/config/load.js";
import { runCli, snapshotTree } from "./support/cli.js";
import { ts, typeCheck } from "./support/compile.js";
import { tempFiles } from "./support/inputs.js";
import { FIXTURES, ROOT } from "./support/paths.js";

const SEED = join(ROOT, "spec");
const PAGES = join(FIXTURES, "pages");

/** A project folder with `specforge` installed (a link to this repository) and the given files. */
function project(files: Record<string, string>): string {
  const dir = tempFiles({ "package.json": '{ "type": "module" }\n', ...files }, "specforge-config-");
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules", "specforge"), "dir");
  return dir;
}

const TWO_APIS = `import { isMainThread } from "node:worker_threads";
import { defineConfig } from "specforge";

// Each API's functions say which thread named them, so the test can see the worker threads.
const thread = () => (isMainThread ? "OnMain" : "OnWorker");

export default defineConfig({
  defaults: { naming: { operation: (name) => name + thread() } },
  apis: [
    { name: "seed", input: ${JSON.stringify(SEED)}, output: "src/seed" },
    {
      input: ${JSON.stringify(PAGES)},
      output: "src/env",
      filters: { include: { operations: ["GET **"] } },
    },
  ],
});
`;

describe("a config file", () => {
  it("with two APIs: `generate` with no flags runs both, on worker threads, each to its folder", () => {
    const dir = project({ "specforge.config.ts": TWO_APIS });
    const result = runCli(["generate"], { cwd: dir });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\[seed\]\nspecforge: 1 operation, 17 schemas -> src\/seed\/: 9 written/);
    expect(result.stdout).toMatch(/\[env\]\nspecforge: 2 operations, \d+ schemas -> src\/env\/: \d+ written/);
    const seed = snapshotTree(join(dir, "src/seed"));
    const env = snapshotTree(join(dir, "src/env"));
    expect(seed["operations/environmentVariables.ts"]).toContain("createEnvironmentVariableOnWorker");
    expect(Object.values(env).join("\n")).toContain("listEnvironmentVariablesOnWorker");
    expect(Object.values(env).join("\n")).not.toContain("updateEnvironmentVariable");
    // --check takes the config too.
    expect(runCli(["generate", "--check"], { cwd: dir }).status).toBe(0);
  });

  it("a changed naming hook is drift for --check, as the names it gives change the output", () => {
    const config = (suffix: string): string =>
      `export default { input: ${JSON.stringify(SEED)}, output: "gen", naming: { operation: (name) => name + "${suffix}" } };`;
    const dir = project({ "specforge.config.mjs": config("One") });
    expect(runCli(["generate"], { cwd: dir }).status).toBe(0);
    expect(runCli(["generate", "--check"], { cwd: dir }).status).toBe(0);
    writeFileSync(join(dir, "specforge.config.mjs"), config("Two"));
    const check = runCli(["generate", "--check"], { cwd: dir });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain("createEnvironmentVariableTwo");
  });

  it("one API's failure does not stop the others: exit 2 at the end, the failed output untouched", () => {
    const dir = project({
      "specforge.config.mjs": `export default [
        { input: ${JSON.stringify(SEED)}, output: "ok" },
        { name: "broken", input: "broken.yaml", output: "kept" },
      ];`,
      "broken.yaml": "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x: {get: {operationId: [}}\n",
      "kept/notes.md": "mine\n",
    });
    const result = runCli(["generate"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/broken\.yaml:4:\d+ error E_SYNTAX/);
    expect(result.stdout).toMatch(/failed, left as they were: broken/);
    expect(snapshotTree(join(dir, "kept"))).toEqual({ "notes.md": "mine\n" });
    expect(Object.keys(snapshotTree(join(dir, "ok")))).toContain("index.ts");
  });

  it("is found from a sub-folder of the project, and --config names one anywhere", () => {
    const dir = project({ "specforge.config.json": JSON.stringify({ input: SEED, output: "gen" }), "src/app/.keep": "" });
    expect(findConfig(join(dir, "src", "app"))).toBe(join(dir, "specforge.config.json"));
    expect(findConfig(join(dir, "node_modules"))).toBe(join(dir, "specforge.config.json"));
    const result = runCli(["generate"], { cwd: join(dir, "src", "app") });
    expect(result.status).toBe(0);
    expect(Object.keys(snapshotTree(join(dir, "gen")))).toContain("types.ts");
    const elsewhere = tempFiles({ "c.json": JSON.stringify({ apis: [{ input: SEED, output: "x" }] }) });
    expect(runCli(["generate", "--config", join(elsewhere, "c.json")], { cwd: dir }).status).toBe(0);
    expect(Object.keys(snapshotTree(join(elsewhere, "x")))).toContain("types.ts");
  });

  it("sets --prettier for its APIs (defaults apply unless an API says otherwise)", () => {
    const dir = project({
      "specforge.config.json": JSON.stringify({
        defaults: { prettier: true },
        apis: [
          { input: SEED, output: "mine" },
          { input: SEED, output: "pinned", prettier: false },
        ],
      }),
      ".prettierrc": '{ "semi": false }\n',
    });
    expect(runCli(["generate"], { cwd: dir }).status).toBe(0);
    expect(snapshotTree(join(dir, "mine"))["types.ts"]).toMatch(/^  label: string$/m);
    expect(snapshotTree(join(dir, "pinned"))["types.ts"]).toMatch(/^  label: string;$/m);
  });

  it("a JSON config with a mistake -> E_CONFIG_INVALID at its line, nothing generated", () => {
    const text = `{
  "$schema": "./node_modules/specforge/schema/config.schema.json",
  // comments are allowed, as in tsconfig.json
  "apis": [
    { "input": "spec", "output": "gen", "filters": { "include": { "tag": ["voices"] } } }
  ]
}
`;
    const dir = project({ "specforge.config.json": text });
    const result = runCli(["generate"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /specforge\.config\.json:5:\d+ error E_CONFIG_INVALID: The config at \/apis\/0\/filters\/include must NOT have additional properties "tag"/,
    );
    expect(result.stderr).toContain("at #/apis/0/filters/include/tag");
  });

  it.each([
    [{ apis: [] }, "/apis"],
    [{ input: "a" }, ""],
    [{ input: "a", output: "b", importExtension: ".mjs" }, "/importExtension"],
    [[{ input: "a", output: "b", naming: { type: "Foo" } }], "/0/naming/type"],
    [{ apis: [{ input: "a", output: "b" }], defaults: { naming: { rename: () => "" } } }, "/defaults/naming/rename"],
  ])("checks %j: a problem at %s", (config, pointer) => {
    expect(checkConfig(config).map((p) => p.pointer)).toContain(pointer);
  });

  it("applies defaults, and resolves paths from the config's folder", () => {
    const apis = resolveApis(
      {
        defaults: { strict: true, filters: { include: { tags: ["a"] } } },
        apis: [{ input: ["x", "/abs/y"], output: "out/one", filters: {} }],
      },
      "/p",
    );
    expect(apis).toEqual([{ name: "one", specs: ["/p/x", "/abs/y"], out: "/p/out/one", strict: true, filters: {} }]);
  });

  it("is typed by defineConfig from 'specforge': a mistake in specforge.config.ts does not compile", () => {
    const dir = project({
      "specforge.config.ts": TWO_APIS,
      "bad.config.ts": `import { defineConfig } from "specforge";\nexport default defineConfig({ apis: [{ input: "a", output: "b", strict: "yes" }] });\n`,
    });
    expect(typeCheck([join(dir, "specforge.config.ts")], "nodenext")).toEqual([]);
    expect(typeCheck([join(dir, "bad.config.ts")], "nodenext").join("\n")).toMatch(/Type 'string' is not assignable to type 'boolean'/);
  });

  it("has a JSON Schema with the same options as the TypeScript types (less the naming hooks)", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, "schema", "config.schema.json"), "utf8")) as {
      definitions: Record<string, { properties: Record<string, unknown> }>;
    };
    const source = ts.createSourceFile("public.ts", readFileSync(join(ROOT, "generator", "public.ts"), "utf8"), ts.ScriptTarget.ES2022);
    const interfaces = new Map<string, string[]>();
    for (const statement of source.statements) {
      if (!ts.isInterfaceDeclaration(statement)) continue;
      const own = statement.members.flatMap((m) => (m.name && ts.isIdentifier(m.name) ? [m.name.text] : []));
      const inherited = (statement.heritageClauses ?? []).flatMap((h) =>
        h.types.flatMap((t) => interfaces.get(t.expression.getText(source)) ?? []),
      );
      interfaces.set(statement.name.text, [...inherited, ...own]);
    }
    for (const name of ["Config", "ApiOptions", "ApiConfig", "Filters", "Selection"]) {
      const keys = Object.keys(schema.definitions[name]!.properties).filter((k) => k !== "$schema");
      expect([name, keys.sort()]).toEqual([
        name,
        interfaces
          .get(name)!
          .filter((k) => k !== "naming")
          .sort(),
      ]);
    }
  });
});
