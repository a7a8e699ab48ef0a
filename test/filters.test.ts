import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { filterDocument, globPattern, type Filters } from "../generator/load/filter.js";
import { generate } from "../generator/pipeline.js";
import { runCli } from "./support/cli.js";
import { compileOutput, generated, tempFiles } from "./support/inputs.js";

const ok = (ref: string) => ({
  "200": { description: "OK", content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } },
});

/** Pets, stores and an undeclared path parameter that only the admin operation has. */
const SPEC = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/pets": {
      get: { operationId: "listPets", tags: ["pets"], responses: ok("PetList") },
      post: { operationId: "addPet", tags: ["pets"], responses: ok("Pet") },
    },
    "/pets/{id}/photos": {
      get: {
        operationId: "listPhotos",
        tags: ["subpackage_photos"],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: ok("Photo"),
      },
    },
    "/stores": { get: { operationId: "listStores", tags: ["stores"], responses: ok("Store") } },
    "/admin/{tenant}/stats": { get: { operationId: "stats", tags: ["admin"], responses: ok("Stats") } },
  },
  components: {
    schemas: {
      PetList: { type: "array", items: { $ref: "#/components/schemas/Pet" } },
      // A discriminator parent: its children extend it with allOf and are its variants.
      Pet: { type: "object", required: ["kind"], properties: { kind: { type: "string" } }, discriminator: { propertyName: "kind" } },
      Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }, { type: "object", properties: { purrs: { type: "boolean" } } }] },
      Dog: {
        allOf: [{ $ref: "#/components/schemas/Pet" }, { type: "object", properties: { owner: { $ref: "#/components/schemas/Owner" } } }],
      },
      Owner: { type: "object", properties: { name: { type: "string" } } },
      Photo: { type: "object", properties: { url: { type: "string" } } },
      Store: { type: "object", properties: { pets: { $ref: "#/components/schemas/PetList" } } },
      Stats: { type: "object", properties: { count: { type: "integer" } } },
      Unused: { type: "string" },
    },
  },
};

const kept = (filters: Filters) => {
  const result = filterDocument(structuredClone(SPEC), filters) as typeof SPEC;
  const operations = Object.values(result.paths).flatMap((item) =>
    Object.values(item).map((o) => (o as { operationId: string }).operationId),
  );
  return { operations, schemas: Object.keys(result.components.schemas) };
};

describe("globs", () => {
  it.each([
    ["/v1/voices/**", "/v1/voices/{voice_id}/settings", true],
    ["/v1/voices/*", "/v1/voices/{voice_id}", true],
    ["/v1/voices/*", "/v1/voices/{voice_id}/settings", false],
    ["/v1/voices/{voice_id}", "/v1/voices/{voice_id}", true],
    ["/v1/voices", "/v1/voices/x", false],
    ["GET /v1/*", "GET /v1/models", true],
    ["list*", "listPets", true],
    ["pets", "pets2", false],
  ])("%s matches %s: %s", (glob, value, want) => expect(globPattern(glob).test(value)).toBe(want));
});

describe("filters", () => {
  it.each<{ given: string; filters: Filters; operations: string[]; schemas: string[] }>([
    {
      given: "a tag",
      filters: { include: { tags: ["pets"] } },
      operations: ["listPets", "addPet"],
      schemas: ["PetList", "Pet", "Cat", "Dog", "Owner"],
    },
    { given: "a Fern tag by its group name", filters: { include: { tags: ["photos"] } }, operations: ["listPhotos"], schemas: ["Photo"] },
    { given: "a path glob", filters: { include: { paths: ["/pets/**"] } }, operations: ["listPhotos"], schemas: ["Photo"] },
    {
      given: "an operationId and a METHOD path",
      filters: { include: { operations: ["listStores", "POST /pets"] } },
      operations: ["addPet", "listStores"],
      schemas: ["PetList", "Pet", "Cat", "Dog", "Owner", "Store"],
    },
    {
      given: "an exclusion, which wins over an inclusion",
      filters: { include: { tags: ["pets", "stores"] }, exclude: { operations: ["list*"] } },
      operations: ["addPet"],
      schemas: ["Pet", "Cat", "Dog", "Owner"],
    },
    {
      given: "an exclusion alone",
      filters: { exclude: { tags: ["admin"] } },
      operations: ["listPets", "addPet", "listPhotos", "listStores"],
      schemas: ["PetList", "Pet", "Cat", "Dog", "Owner", "Photo", "Store"],
    },
    {
      given: "keepUnusedSchemas",
      filters: { include: { tags: ["stores"] }, keepUnusedSchemas: true },
      operations: ["listStores"],
      schemas: Object.keys(SPEC.components.schemas),
    },
  ])("by $given keep the operations it names and the schemas they reach", ({ filters, operations, schemas }) => {
    expect(kept(filters)).toEqual({ operations, schemas });
  });

  it("leave the document they filter as it was", () => {
    const document = structuredClone(SPEC);
    filterDocument(document, { include: { tags: ["stores"] } });
    expect(document).toEqual(SPEC);
  });

  it("run before validation: what they leave out neither warns nor stops the run, and the output compiles", async () => {
    const dir = tempFiles({ "openapi.json": JSON.stringify(SPEC) });
    const all = await generate(join(dir, "openapi.json"));
    expect(all.diagnostics.map((d) => d.code)).toEqual(["W_PATH_PARAM_UNDECLARED"]);
    const result = await generated({ specs: [join(dir, "openapi.json")], filters: { exclude: { tags: ["admin"] } } });
    expect(result.diagnostics).toEqual([]);
    expect(result.model.schemas.Stats).toBeUndefined();
    expect(compileOutput(result.files, "bundler")).toEqual([]);
  });

  it("are CLI flags, and part of the fingerprint: --check with other filters is drift", () => {
    const dir = tempFiles({ "openapi.json": JSON.stringify(SPEC) });
    const spec = join(dir, "openapi.json");
    const out = join(dir, "out");
    const first = runCli(["generate", "--spec", spec, "--out", out, "--include-tag", "pets", "--exclude-operation", "POST /pets"]);
    expect(first.stderr).toBe("");
    expect(first.stdout).toMatch(/1 operation, /);
    expect(
      runCli(["generate", "--check", "--spec", spec, "--out", out, "--include-tag", "pets", "--exclude-operation", "POST /pets"]).status,
    ).toBe(0);
    const other = runCli(["generate", "--check", "--spec", spec, "--out", out, "--include-tag", "pets"]);
    expect(other.status).toBe(1);
    expect(other.stdout).toMatch(/addPet/);
  });
});
