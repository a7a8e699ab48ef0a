import { describe, expect, it } from "vitest";
import type { DiagnosticInput, Severity } from "../generator/diagnostics.js";
import { validateDocument } from "../generator/validate/document.js";

type Want = [code: string, severity: Severity, pointer: string];

function validate(document: unknown): { result: Record<string, unknown> | undefined; got: Want[]; all: DiagnosticInput[] } {
  const all: DiagnosticInput[] = [];
  const result = validateDocument(document, (d) => all.push(d));
  return { result, got: all.map((d) => [d.code, d.severity, d.pointer]), all };
}

const info = { title: "t", version: "1" };
/** A 3.1 document with the given components.schemas and paths. */
const doc31 = (schemas: Record<string, unknown> = {}, paths: Record<string, unknown> = {}): Record<string, unknown> => ({
  openapi: "3.1.0",
  info,
  paths,
  components: { schemas },
});
const ok = { "200": { description: "ok" } };
const pathParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });

describe("validateDocument: not an OpenAPI 3.0/3.1 document", () => {
  it.each<{ given: string; document: unknown; want: Want[] }>([
    { given: "a string", document: "openapi: 3.1.0", want: [["E_NOT_OPENAPI", "error", ""]] },
    { given: "null", document: null, want: [["E_NOT_OPENAPI", "error", ""]] },
    { given: "a number", document: 42, want: [["E_NOT_OPENAPI", "error", ""]] },
    { given: "an array", document: [{ openapi: "3.1.0" }], want: [["E_NOT_OPENAPI", "error", ""]] },
    { given: "an empty object", document: {}, want: [["E_NOT_OPENAPI", "error", ""]] },
    { given: "no openapi field", document: { info, paths: {} }, want: [["E_NOT_OPENAPI", "error", ""]] },
    { given: "swagger 1.2", document: { swagger: "1.2", info, paths: {} }, want: [["E_VERSION_UNSUPPORTED", "error", "/swagger"]] },
    { given: "openapi 2.5", document: { openapi: "2.5", info, paths: {} }, want: [["E_VERSION_UNSUPPORTED", "error", "/openapi"]] },
    { given: "openapi 3.2.0", document: { openapi: "3.2.0", info, paths: {} }, want: [["E_VERSION_UNSUPPORTED", "error", "/openapi"]] },
    { given: "openapi 3.2", document: { openapi: "3.2", info, paths: {} }, want: [["E_VERSION_UNSUPPORTED", "error", "/openapi"]] },
    { given: "openapi 3.10", document: { openapi: "3.10", info, paths: {} }, want: [["E_VERSION_UNSUPPORTED", "error", "/openapi"]] },
    { given: "openapi 4.0.0", document: { openapi: "4.0.0", info, paths: {} }, want: [["E_VERSION_UNSUPPORTED", "error", "/openapi"]] },
    {
      given: "openapi 3.1.0-rc",
      document: { openapi: "3.1.0-rc", info, paths: {} },
      want: [["E_VERSION_UNSUPPORTED", "error", "/openapi"]],
    },
  ])("$given", ({ document, want }) => {
    const { result, got } = validate(document);
    expect(got).toEqual(want);
    expect(result).toBeUndefined();
  });

  it("names the version it got and the versions it accepts", () => {
    const { all } = validate({ openapi: 3.2, info, paths: {} });
    expect(all[0]!.message).toBe("The document says `openapi: 3.2`; specforge reads OpenAPI 3.0, 3.0.x, 3.1 or 3.1.x.");
    expect(validate({ openapi: "2.5", info, paths: {} }).all[0]!.message).toContain('`openapi: "2.5"`');
  });

  it("stops at the version: a swagger document's refs are not checked", () => {
    expect(validate({ swagger: "2.0", definitions: { A: { $ref: "https://example.com/a.yaml" } } }).got).toEqual([
      ["E_VERSION_UNSUPPORTED", "error", "/swagger"],
    ]);
  });

  // BUG (generator/validate/document.ts): `swagger: 2.0` unquoted in YAML loads as the number 2,
  // and only a string `swagger` is recognised, so a Swagger 2 document is reported as
  // E_NOT_OPENAPI ("The document has no openapi version field", hint: add `openapi: 3.1.0`)
  // instead of E_VERSION_UNSUPPORTED with its advice to convert the document.
  it("numeric swagger 2 (YAML `swagger: 2.0`) -> E_VERSION_UNSUPPORTED at /swagger", () => {
    expect(validate({ swagger: 2, info, paths: {} }).got).toEqual([["E_VERSION_UNSUPPORTED", "error", "/swagger"]]);
  });
});

describe("validateDocument: OpenAPI versions", () => {
  // YAML reads an unquoted `openapi: 3.0` as the number 3 and `openapi: 3.1` as 3.1.
  it.each<{ given: string; openapi: unknown }>([
    { given: "3.0 (YAML number)", openapi: 3 },
    { given: "3.1 (YAML number)", openapi: 3.1 },
    { given: '"3.0"', openapi: "3.0" },
    { given: '"3.1"', openapi: "3.1" },
    { given: "3.0.0", openapi: "3.0.0" },
    { given: "3.0.4", openapi: "3.0.4" },
    { given: "3.1.1", openapi: "3.1.1" },
  ])("accepts openapi $given", ({ openapi }) => {
    const { result, got } = validate({ openapi, info, paths: {} });
    expect(got).toEqual([]);
    expect(result).toBeDefined();
  });
});

describe("validateDocument: valid documents", () => {
  const valid303 = {
    openapi: "3.0.3",
    info,
    servers: [{ url: "https://api.example.com" }],
    paths: {
      "/pets/{petId}": {
        parameters: [{ $ref: "#/components/parameters/PetId" }],
        get: {
          operationId: "getPet",
          responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } } },
        },
        delete: { operationId: "deletePet", responses: { "204": { description: "gone" } } },
      },
      "/pets": {
        get: {
          operationId: "listPets",
          parameters: [{ name: "limit", in: "query", schema: { type: "integer" } }],
          responses: {
            "200": {
              description: "ok",
              content: { "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/Pet" } } } },
            },
          },
        },
      },
    },
    components: {
      parameters: { PetId: pathParam("petId") },
      schemas: {
        Pet: { type: "object", required: ["id"], properties: { id: { type: "string" }, owner: { $ref: "#/components/schemas/Owner" } } },
        Owner: { type: "object", nullable: true, properties: { name: { type: "string" } } },
      },
    },
  };
  const valid310 = {
    openapi: "3.1.0",
    info,
    paths: {
      "/v1/convai/environment-variables/{id}": {
        patch: {
          operationId: "update",
          tags: ["subpackage_environmentVariables"],
          parameters: [pathParam("id"), { name: "xi-api-key", in: "header", required: false, schema: { type: "string" } }],
          requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Update%20Request" } } } },
          responses: {
            "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/a~1b" } } } },
            "422": {
              description: "bad",
              content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } },
            },
          },
        },
      },
    },
    webhooks: {},
    components: {
      schemas: {
        "Update Request": { type: "object", properties: { label: { type: ["string", "null"] } } },
        "a/b": { oneOf: [{ $ref: "#/components/schemas/HTTPValidationError" }, { type: "null" }] },
        HTTPValidationError: { type: "object", properties: { detail: { type: "array", items: { $ref: "#" } } } },
      },
    },
  };

  it.each([
    { given: "3.0.3", document: valid303 },
    { given: "3.1.0", document: valid310 },
    { given: "3.1.0 without paths", document: { openapi: "3.1.0", info, webhooks: {} } },
    { given: "3.0.0 with empty paths", document: { openapi: "3.0.0", info, paths: {} } },
  ])("$given gives no diagnostics and returns the document", ({ document }) => {
    const { result, got } = validate(document);
    expect(got).toEqual([]);
    expect(result).toBe(document);
  });
});

describe("validateDocument: refs", () => {
  it.each<{ given: string; document: Record<string, unknown>; want: Want[] }>([
    {
      given: "remote https ref",
      document: doc31({ A: { $ref: "https://example.com/schemas.yaml#/Pet" } }),
      want: [["E_REF_REMOTE", "error", "/components/schemas/A/$ref"]],
    },
    {
      given: "remote http ref without fragment",
      document: doc31({ A: { $ref: "http://example.com/pet.json" } }),
      want: [["E_REF_REMOTE", "error", "/components/schemas/A/$ref"]],
    },
    {
      given: "external relative file",
      document: doc31({ A: { $ref: "./schemas.yaml#/Pet" } }),
      want: [["E_REF_EXTERNAL", "error", "/components/schemas/A/$ref"]],
    },
    {
      given: "external bare file name",
      document: doc31({ A: { $ref: "pet.json" } }),
      want: [["E_REF_EXTERNAL", "error", "/components/schemas/A/$ref"]],
    },
    {
      given: "dangling local ref",
      document: doc31({ A: { $ref: "#/components/schemas/Missing" } }),
      want: [["W_REF_DANGLING", "warning", "/components/schemas/A/$ref"]],
    },
    {
      given: "dangling ref inside an array",
      document: doc31({ A: { allOf: [{ type: "object" }, { $ref: "#/components/schemas/Missing" }] } }),
      want: [["W_REF_DANGLING", "warning", "/components/schemas/A/allOf/1/$ref"]],
    },
    {
      given: "dangling ref under a path with slashes and a media type",
      document: doc31(
        {},
        {
          "/items/{id}": {
            get: {
              parameters: [pathParam("id")],
              responses: {
                "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Nope" } } } },
              },
            },
          },
        },
      ),
      want: [["W_REF_DANGLING", "warning", "/paths/~1items~1{id}/get/responses/200/content/application~1json/schema/$ref"]],
    },
    {
      given: "ref to an inherited key (__proto__)",
      document: doc31({ A: { $ref: "#/components/schemas/__proto__" } }),
      want: [["W_REF_DANGLING", "warning", "/components/schemas/A/$ref"]],
    },
    {
      given: "ref to an inherited key (constructor)",
      document: doc31({ A: { $ref: "#/components/schemas/constructor" } }),
      want: [["W_REF_DANGLING", "warning", "/components/schemas/A/$ref"]],
    },
    {
      given: "ref whose key is in the schema name, escaped as ~1",
      document: doc31({ "a/b": { type: "string" }, A: { $ref: "#/components/schemas/a~1b" } }),
      want: [],
    },
    {
      given: "ref with a percent-escaped space",
      document: doc31({ "A B": { type: "string" }, A: { $ref: "#/components/schemas/A%20B" } }),
      want: [],
    },
    {
      given: "ref to the root",
      document: doc31({ A: { $ref: "#" } }),
      want: [],
    },
    {
      given: "a property named $ref is not a reference",
      document: doc31({ A: { type: "object", properties: { $ref: { type: "string" } } } }),
      want: [],
    },
    {
      given: "several problems, in document order",
      document: doc31({
        A: { $ref: "#/components/schemas/Missing" },
        B: { properties: { x: { $ref: "https://example.com/x.yaml" }, y: { $ref: "y.yaml" } } },
      }),
      want: [
        ["W_REF_DANGLING", "warning", "/components/schemas/A/$ref"],
        ["E_REF_REMOTE", "error", "/components/schemas/B/properties/x/$ref"],
        ["E_REF_EXTERNAL", "error", "/components/schemas/B/properties/y/$ref"],
      ],
    },
  ])("$given", ({ document, want }) => {
    const { result, got } = validate(document);
    expect(got).toEqual(want);
    expect(result).toBe(document);
  });

  it("a dangling ref's message names the ref", () => {
    const { all } = validate(doc31({ A: { $ref: "#/components/schemas/Missing" } }));
    expect(all[0]?.message).toContain('"#/components/schemas/Missing"');
  });
});

describe("validateDocument: operations", () => {
  it.each<{ given: string; paths: Record<string, unknown>; components?: Record<string, unknown>; want: Want[] }>([
    {
      given: "duplicate operationId on two paths",
      paths: { "/a": { get: { operationId: "x", responses: ok } }, "/b": { get: { operationId: "x", responses: ok } } },
      want: [["E_OPERATION_ID_DUPLICATE", "error", "/paths/~1b/get/operationId"]],
    },
    {
      given: "duplicate operationId on two methods of one path",
      paths: { "/a": { get: { operationId: "x", responses: ok }, post: { operationId: "x", responses: ok } } },
      want: [["E_OPERATION_ID_DUPLICATE", "error", "/paths/~1a/post/operationId"]],
    },
    {
      given: "three uses of one operationId",
      paths: {
        "/a": { get: { operationId: "x", responses: ok } },
        "/b": { put: { operationId: "x", responses: ok } },
        "/c/d": { delete: { operationId: "x", responses: ok } },
      },
      want: [
        ["E_OPERATION_ID_DUPLICATE", "error", "/paths/~1b/put/operationId"],
        ["E_OPERATION_ID_DUPLICATE", "error", "/paths/~1c~1d/delete/operationId"],
      ],
    },
    {
      given: "operationIds differing only in case are distinct",
      paths: { "/a": { get: { operationId: "getA", responses: ok } }, "/b": { get: { operationId: "GetA", responses: ok } } },
      want: [],
    },
    {
      given: "non-method keys are not operations",
      paths: { "/a": { get: { operationId: "x", responses: ok }, summary: "s", "x-op": { operationId: "x" } } },
      want: [],
    },
    {
      given: "undeclared path parameter",
      paths: { "/items/{id}": { get: { responses: ok } } },
      want: [["W_PATH_PARAM_UNDECLARED", "warning", "/paths/~1items~1{id}/get"]],
    },
    {
      given: "a parameter of the same name in query does not count",
      paths: { "/items/{id}": { get: { parameters: [{ name: "id", in: "query" }], responses: ok } } },
      want: [["W_PATH_PARAM_UNDECLARED", "warning", "/paths/~1items~1{id}/get"]],
    },
    {
      given: "one of two path parameters undeclared, on two operations",
      paths: {
        "/a/{a}/b/{b}": {
          get: { parameters: [pathParam("a")], responses: ok },
          post: { parameters: [pathParam("b")], responses: ok },
        },
      },
      want: [
        ["W_PATH_PARAM_UNDECLARED", "warning", "/paths/~1a~1{a}~1b~1{b}/get"],
        ["W_PATH_PARAM_UNDECLARED", "warning", "/paths/~1a~1{a}~1b~1{b}/post"],
      ],
    },
    {
      given: "declared on the operation",
      paths: { "/items/{id}": { get: { parameters: [pathParam("id")], responses: ok } } },
      want: [],
    },
    {
      given: "declared on the path item",
      paths: { "/items/{id}": { parameters: [pathParam("id")], get: { responses: ok }, delete: { responses: ok } } },
      want: [],
    },
    {
      given: "declared through a $ref",
      paths: { "/items/{item_id}": { get: { parameters: [{ $ref: "#/components/parameters/ItemId" }], responses: ok } } },
      components: { parameters: { ItemId: pathParam("item_id") } },
      want: [],
    },
    {
      given: "a $ref to a missing parameter declares nothing",
      paths: { "/items/{id}": { get: { parameters: [{ $ref: "#/components/parameters/Missing" }], responses: ok } } },
      want: [
        ["W_REF_DANGLING", "warning", "/paths/~1items~1{id}/get/parameters/0/$ref"],
        ["W_PATH_PARAM_UNDECLARED", "warning", "/paths/~1items~1{id}/get"],
      ],
    },
    {
      given: "duplicate id and undeclared parameter together",
      paths: {
        "/a": { get: { operationId: "x", responses: ok } },
        "/b/{id}": { get: { operationId: "x", responses: ok } },
      },
      want: [
        ["E_OPERATION_ID_DUPLICATE", "error", "/paths/~1b~1{id}/get/operationId"],
        ["W_PATH_PARAM_UNDECLARED", "warning", "/paths/~1b~1{id}/get"],
      ],
    },
  ])("$given", ({ paths, components, want }) => {
    const document = { openapi: "3.0.3", info, paths, ...(components === undefined ? {} : { components }) };
    const { result, got } = validate(document);
    expect(got).toEqual(want);
    expect(result).toBe(document);
  });

  it("paths that is not an object -> E_PATHS_INVALID, document still returned", () => {
    const document = { openapi: "3.1.0", info, paths: [] };
    const { result, got } = validate(document);
    expect(got).toEqual([["E_PATHS_INVALID", "error", "/paths"]]);
    expect(result).toBe(document);
  });

  it("the duplicate's message points at the first use", () => {
    const { all } = validate({
      openapi: "3.0.3",
      info,
      paths: { "/a": { get: { operationId: "x" } }, "/b": { get: { operationId: "x" } } },
    });
    expect(all.map((d) => d.message)).toEqual(['operationId "x" is already used at #/paths/~1a/get.']);
  });
});

describe("validateDocument: deep documents", () => {
  const DEPTH = 5000;

  it.each([
    {
      given: "properties inside properties",
      wrap: (inner: unknown) => ({ type: "object", properties: { a: inner } }),
      step: "/properties/a",
    },
    { given: "allOf inside allOf", wrap: (inner: unknown) => ({ allOf: [inner] }), step: "/allOf/0" },
    { given: "tuples of tuples", wrap: (inner: unknown) => ({ prefixItems: [inner] }), step: "/prefixItems/0" },
  ])(`$given, ${DEPTH} levels, does not overflow the stack`, ({ wrap, step }) => {
    let schema: unknown = { $ref: "#/components/schemas/Missing" };
    for (let i = 0; i < DEPTH; i++) schema = wrap(schema);
    const document = doc31({ Deep: schema });
    const { result, got } = validate(document);
    expect(got).toEqual([["W_REF_DANGLING", "warning", `/components/schemas/Deep${step.repeat(DEPTH)}/$ref`]]);
    expect(result).toBe(document);
  });

  it(`a ${DEPTH}-level pointer target resolves`, () => {
    let schema: unknown = { type: "string" };
    for (let i = 0; i < DEPTH; i++) schema = { properties: { a: schema } };
    const target = `#/components/schemas/Deep${"/properties/a".repeat(DEPTH)}`;
    expect(validate(doc31({ Deep: schema, Ref: { $ref: target } })).got).toEqual([]);
  });
});
