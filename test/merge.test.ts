import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate } from "../generator/pipeline.js";
import { runCli } from "./support/cli.js";
import { compileOutput, generated, page, tempFiles, withoutHeaders } from "./support/inputs.js";
import { FIXTURES } from "./support/paths.js";
import { SHARED, sharedAvailable } from "./support/shared.js";

const ELEVENLABS_PAGES = join(SHARED, "specs", "elevenlabs", "pages");
const SEED_PAGE = join(SHARED, "seed", "create-environment-variable.md");
const ENV_PAGES = join(FIXTURES, "pages");

/** The OpenAPI document of a page. */
const pageDocument = (file: string): Record<string, unknown> => {
  const text = readFileSync(file, "utf8");
  const start = text.indexOf("```yaml\n", text.indexOf("## OpenAPI Specification")) + "```yaml\n".length;
  return parse(text.slice(start, text.indexOf("\n```", start))) as Record<string, unknown>;
};

/** A minimal 3.1 document: `paths` and `schemas` as given. */
const doc = (paths: Record<string, unknown>, schemas: Record<string, unknown>, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths, components: { schemas }, ...extra }, null, 2);

const getReturning = (ref: string, operationId: string, tag = "things") => ({
  get: {
    operationId,
    tags: [tag],
    responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } } },
  },
});

describe.runIf(sharedAvailable(ELEVENLABS_PAGES, "the 20 ElevenLabs documentation pages"))("the 20 ElevenLabs pages merged", () => {
  const files = () =>
    readdirSync(ELEVENLABS_PAGES)
      .filter((n) => n.endsWith(".md"))
      .sort()
      .map((n) => join(ELEVENLABS_PAGES, n));

  it("make one client that compiles strictly, with one HTTPValidationError and a group per tag", async () => {
    const result = await generated(ELEVENLABS_PAGES);
    expect(result.diagnostics).toEqual([]);
    expect(result.api.operations).toHaveLength(20);
    const types = result.files.find((f) => f.path === "types.ts")!.content;
    expect(types.match(/^export (interface|type) HTTPValidationError\b/gm)).toHaveLength(1);
    expect(types).not.toMatch(/HTTPValidationError\d|HTTPValidationError_/);
    const client = result.files.find((f) => f.path === "client.ts")!.content;
    for (const group of ["history", "models", "textToSpeech", "user", "voices"])
      expect(client).toMatch(new RegExp(`^    ${group}: \\{$`, "m"));
    expect(result.model.operations["GET /v1/history"]!.client).toBe("history.list");
    expect(result.model.operations["POST /v1/text-to-speech/{voice_id}"]!.client).toBe("textToSpeech.convert");
    expect(result.model.inputs).toHaveLength(20);
    expect(compileOutput(result.files, "nodenext")).toEqual([]);
    expect(compileOutput(result.files, "bundler")).toEqual([]);
  }, 300_000);

  it("equal, type for type, what one spec holding the same operations gives", async () => {
    // One spec cannot repeat operationIds, so there each says its group and method as Fern's do.
    const single: Record<string, any> = {
      openapi: "3.1.0",
      info: { title: "api", version: "1.0.0" },
      paths: {},
      components: { schemas: {} },
    };
    for (const file of files()) {
      const d = pageDocument(file) as Record<string, any>;
      single.servers ??= d.servers;
      for (const [path, item] of Object.entries<Record<string, any>>(d.paths)) {
        for (const operation of Object.values<Record<string, any>>(item)) {
          const group = String(operation.tags[0]).replace(/^subpackage_/, "");
          Object.assign(operation, { "x-fern-sdk-group-name": group, "x-fern-sdk-method-name": operation.operationId });
          operation.operationId = `${group}_${operation.operationId}`;
        }
        single.paths[path] = { ...single.paths[path], ...item };
      }
      Object.assign(single.components.schemas, d.components?.schemas);
    }
    const dir = tempFiles({ "openapi.json": JSON.stringify(single) });
    const one = await generated(join(dir, "openapi.json"));
    const merged = await generated(files());
    expect(merged.model.schemas).toEqual(one.model.schemas);
    const calls = (r: typeof one) =>
      Object.fromEntries(Object.entries(r.model.operations).map(([key, { pointer: _p, operationId: _id, ...rest }]) => [key, rest]));
    expect(calls(merged)).toEqual(calls(one));
    // Every component type is declared with the same text.
    const declarations = (r: typeof one) =>
      r.files
        .find((f) => f.path === "types.ts")!
        .content.split(/\n(?=export )/)
        .filter((d) =>
          Object.values(r.model.schemas).some(
            (s) => d.startsWith(`export interface ${s.identifier} `) || d.startsWith(`export type ${s.identifier} `),
          ),
        );
    expect(declarations(merged)).toEqual(declarations(one));
    expect(declarations(one).length).toBeGreaterThan(40);
  }, 300_000);

  it("the same set given as files, as a folder or in another order gives the same types", async () => {
    const byFolder = await generated(ELEVENLABS_PAGES);
    const reversed = await generated(files().reverse());
    const schemaTypes = (r: typeof byFolder) =>
      Object.fromEntries(Object.entries(r.model.schemas).map(([name, s]) => [name, [s.identifier, JSON.stringify(s.type)]]));
    expect(schemaTypes(reversed)).toEqual(schemaTypes(byFolder));
  }, 300_000);
});

describe.runIf(sharedAvailable(SEED_PAGE, "the seed page"))("the seed page with the list, get and update pages of its API", () => {
  it("merge into one client of four operations that compiles strictly, each shared schema once", async () => {
    const result = await generated([SEED_PAGE, ENV_PAGES]);
    // The pages write nullable fields and the type enum differently (anyOf/null, type arrays, $ref or
    // inline) and carry different documentation: all the same meaning, so no warning.
    expect(result.diagnostics).toEqual([]);
    // The list page's GET shares its path with the seed's POST, and a path's operations go in method order.
    expect(Object.values(result.model.operations).map((o) => [o.function, o.client])).toEqual([
      ["listEnvironmentVariables", "environmentVariables.list"],
      ["createEnvironmentVariable", "environmentVariables.create"],
      ["getEnvironmentVariable", "environmentVariables.get"],
      ["updateEnvironmentVariable", "environmentVariables.update"],
    ]);
    const types = result.files.find((f) => f.path === "types.ts")!.content;
    for (const name of ["EnvironmentVariableResponse", "HTTPValidationError", "ValidationError"])
      expect(types.match(new RegExp(`^export (interface|type) ${name}\\b`, "gm"))).toHaveLength(1);
    expect(compileOutput(result.files, "nodenext")).toEqual([]);
  });
});

describe("merging several inputs", () => {
  it("same name, same meaning: nullable written three ways and an enum behind a $ref or inline are one schema", async () => {
    const a = doc(getReturning("Pet", "getPet").get ? { "/a": getReturning("Pet", "getA") } : {}, {
      Pet: { type: "object", properties: { name: { type: ["string", "null"] }, kind: { $ref: "#/components/schemas/Kind" } } },
      Kind: { type: "string", enum: ["cat", "dog"] },
    });
    const b = JSON.stringify({
      openapi: "3.0.3",
      info: { title: "t", version: "1" },
      paths: { "/b": getReturning("Pet", "getB") },
      components: {
        schemas: {
          Pet: {
            type: "object",
            description: "docs differ",
            properties: { name: { type: "string", nullable: true }, kind: { type: "string", enum: ["dog", "cat"] } },
          },
        },
      },
    });
    const c = doc(
      { "/c": getReturning("Pet", "getC") },
      {
        Pet: {
          type: "object",
          properties: {
            kind: { enum: ["cat", "dog"], type: "string" },
            name: { anyOf: [{ type: "string" }, { type: "null" }], title: "Name" },
          },
        },
      },
    );
    const dir = tempFiles({ "a.json": a, "b.json": b, "c.json": c });
    const result = await generated(dir);
    expect(result.diagnostics).toEqual([]);
    expect(Object.keys(result.model.schemas).sort()).toEqual(["Kind", "Pet"]);
  });

  it("same name, different meaning: a warning with both files, lines and pointers, and two stable names; --strict refuses", async () => {
    const a = doc({ "/a": getReturning("Pet", "getA") }, { Pet: { type: "object", properties: { name: { type: "string" } } } });
    const b = doc({ "/b": getReturning("Pet", "getB") }, { Pet: { type: "object", properties: { name: { type: "integer" } } } });
    const dir = tempFiles({ "a.json": a, "b.json": b });
    const result = await generated(dir);
    const [warning, ...rest] = result.diagnostics;
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({
      code: "W_MERGE_SCHEMA_CONFLICT",
      severity: "warning",
      file: join(dir, "b.json"),
      pointer: "/components/schemas/Pet",
    });
    expect(b.split("\n")[warning!.line! - 1]).toContain('"Pet": {');
    const aLine = a.split("\n").findIndex((l) => l.includes('"Pet": {')) + 1;
    expect(warning!.message).toContain(`${join(dir, "a.json")}:${aLine} #/components/schemas/Pet`);
    expect(warning!.message).toContain('"Pet_b"');
    // Each operation keeps its own input's meaning, under two names.
    const schemas = result.model.schemas;
    expect([schemas.Pet!.identifier, schemas.Pet_b!.identifier]).toEqual(["Pet", "PetB"]);
    expect(result.model.operations["GET /b"]!.responses["200"]!.type).toEqual({ kind: "ref", schema: "Pet_b" });
    // Stable: the same inputs give the same names; the first input given keeps the plain name.
    expect((await generated(dir)).model).toEqual(result.model);
    const reversed = await generated([join(dir, "b.json"), join(dir, "a.json")]);
    const typeOf = (schema: { type: unknown } | undefined) => JSON.stringify(schema?.type).replace(/"pointer":"[^"]*"/g, "");
    expect(typeOf(reversed.model.schemas.Pet)).toBe(typeOf(schemas.Pet_b));
    expect(typeOf(reversed.model.schemas.Pet_a)).toBe(typeOf(schemas.Pet));
    expect(compileOutput(result.files, "bundler")).toEqual([]);
    const strict = runCli(["generate", "--strict", "--spec", dir, "--out", join(dir, "out")]);
    expect(strict.status).toBe(2);
    expect(strict.stderr).toContain("W_MERGE_SCHEMA_CONFLICT");
  });

  it("the same METHOD path twice: one operation if both mean the same, else an error naming both", async () => {
    const a = doc(
      { "/pets": getReturning("Pet", "listPets", "pets") },
      { Pet: { type: "object", properties: { id: { type: "string" } } } },
    );
    const same = doc(
      { "/pets": getReturning("Pet", "listPets", "pets") },
      { Pet: { type: "object", description: "x", properties: { id: { type: "string" } } } },
    );
    const other = doc(
      { "/pets": getReturning("Pet", "listPets", "pets") },
      { Pet: { type: "object", properties: { id: { type: "string" } } } },
    ).replace('"description": "OK"', '"description": "OK", "headers": {}');
    const differing = JSON.stringify(
      {
        ...JSON.parse(a),
        paths: {
          "/pets": {
            get: {
              operationId: "listPets",
              tags: ["pets"],
              parameters: [{ name: "limit", in: "query", schema: { type: "integer" } }],
              responses: { "200": { description: "OK" } },
            },
          },
        },
      },
      null,
      2,
    );
    const dir = tempFiles({ "a.json": a, "same.json": same, "other.json": other, "differing.json": differing });
    const ok = await generated([join(dir, "a.json"), join(dir, "same.json"), join(dir, "other.json")]);
    expect(ok.diagnostics).toEqual([]);
    expect(ok.api.operations).toHaveLength(1);
    const bad = await generate([join(dir, "a.json"), join(dir, "differing.json")]);
    expect(bad.ok).toBe(false);
    const error = bad.diagnostics.find((d) => d.code === "E_MERGE_OPERATION_CONFLICT")!;
    expect(error).toMatchObject({ severity: "error", file: join(dir, "differing.json"), pointer: "/paths/~1pets/get" });
    expect(error.message).toContain("GET /pets");
    expect(error.message).toContain(`${join(dir, "a.json")}:`);
  });

  it("operationIds repeated on every page (`create`) are resolved through the groups", async () => {
    const create = (path: string, tag: string) =>
      doc({ [path]: { post: { operationId: "create", tags: [tag], responses: { "200": { description: "OK" } } } } }, {});
    const dir = tempFiles({
      "agents.md": page("Create agent", create("/v1/agents", "subpackage_agents")),
      "tools.md": page("Create tool", create("/v1/tools", "subpackage_tools")),
    });
    const result = await generated(dir);
    expect(result.diagnostics).toEqual([]);
    expect(
      Object.values(result.model.operations)
        .map((o) => [o.function, o.client])
        .sort(),
    ).toEqual([
      ["createAgent", "agents.create"],
      ["createTool", "tools.create"],
    ]);
  });

  it("servers and security schemes are merged, with a warning where inputs disagree", async () => {
    const withServers = (url: string, scheme: object) =>
      doc(
        { [`/${url}`]: getReturning("T", `get${url}`) },
        { T: { type: "string" } },
        {
          servers: [{ url: `https://${url}.example.com` }],
          security: [{ key: [] }],
        },
      ).replace('"components": {', `"components": { "securitySchemes": { "key": ${JSON.stringify(scheme)} },`);
    const dir = tempFiles({
      "a.json": withServers("a", { type: "apiKey", in: "header", name: "X-Key" }),
      "b.json": withServers("b", { type: "apiKey", in: "query", name: "key" }),
    });
    const result = await generated(dir);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.pointer])).toEqual(
      [
        ["W_MERGE_SERVERS_DIFFER", join(dir, "b.json"), "/servers"],
        ["W_MERGE_SECURITY_CONFLICT", join(dir, "b.json"), "/components/securitySchemes/key"],
      ]
        .sort((x, y) => (x[0]! < y[0]! ? -1 : 1))
        .sort(() => 0),
    );
    expect(result.api.servers.map((s) => s.url)).toEqual(["https://a.example.com", "https://b.example.com"]);
    // Each operation keeps its own input's scheme.
    expect(result.api.operations.map((o) => o.security)).toEqual([
      [{ kind: "apiKey", in: "header", name: "X-Key" }],
      [{ kind: "apiKey", in: "query", name: "key" }],
    ]);
  });

  it("a file that another input references is part of that document, not a root", async () => {
    const dir = tempFiles({
      "main.yaml":
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: {$ref: 'common.yaml#/components/schemas/Shared'}\n",
      "common.yaml":
        "openapi: 3.1.0\ninfo: {title: common, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    Shared: {type: string}\n",
      "other.yaml":
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /y:\n    get:\n      responses:\n        '200': {description: OK}\n",
    });
    const result = await generated(dir);
    expect(result.model.inputs).toEqual(
      expect.arrayContaining([expect.stringMatching(/main\.yaml$/), expect.stringMatching(/other\.yaml$/)]),
    );
    expect(result.model.inputs).toHaveLength(2);
    expect(result.api.operations.map((o) => o.path)).toEqual(["/x", "/y"]);
  });

  it("name the merged inputs the same from any working folder", () => {
    const a = doc({ "/a": getReturning("T", "getA") }, { T: { type: "string" } });
    const b = doc({ "/b": getReturning("T", "getB") }, { T: { type: "string" } });
    const dir = tempFiles({ "pages/a.json": a, "pages/b.json": b });
    const args = (out: string) => ["generate", "--spec", join(dir, "pages/a.json"), "--spec", join(dir, "pages/b.json"), "--out", out];
    expect(runCli(args(join(dir, "one")), { cwd: dir }).status).toBe(0);
    expect(runCli(args(join(dir, "two")), { cwd: "/" }).status).toBe(0);
    const model = readFileSync(join(dir, "one", ".specforge/api-model.json"), "utf8");
    expect(JSON.parse(model).inputs).toEqual(["a.json", "b.json"]);
    expect(readFileSync(join(dir, "two", ".specforge/api-model.json"), "utf8")).toBe(model);
  });

  it("--check and the change report work on merged inputs", () => {
    const a = doc({ "/a": getReturning("T", "getA") }, { T: { type: "string" } });
    const b = doc({ "/b": getReturning("T", "getB") }, { T: { type: "string" } });
    const dir = tempFiles({ "pages/a.json": a, "pages/b.json": b });
    const out = join(dir, "out");
    expect(runCli(["generate", "--spec", join(dir, "pages/a.json"), "--spec", join(dir, "pages/b.json"), "--out", out]).status).toBe(0);
    const model = JSON.parse(readFileSync(join(out, ".specforge/api-model.json"), "utf8"));
    expect(model.inputs).toHaveLength(2);
    expect(
      runCli(["generate", "--check", "--spec", join(dir, "pages/a.json"), "--spec", join(dir, "pages/b.json"), "--out", out]).status,
    ).toBe(0);
    writeFileSync(join(dir, "pages/b.json"), b.replace('"/b"', '"/b2"'));
    const drift = runCli(["generate", "--check", "--spec", join(dir, "pages/a.json"), "--spec", join(dir, "pages/b.json"), "--out", out]);
    expect(drift.status).toBe(1);
    expect(drift.stdout).toMatch(/GET \/b2/);
    expect(drift.stdout).toContain("--spec");
  });
});
