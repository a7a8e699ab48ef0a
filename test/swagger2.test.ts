import { readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { swaggerPointer } from "../generator/load/swagger2.js";
import { generate, type Generation } from "../generator/pipeline.js";
import { compileOutput, generated, tempFiles } from "./support/inputs.js";
import { HEY_API_FIXTURES, sharedAvailable } from "./support/shared.js";

/** A Swagger 2.0 document with a body parameter, a form upload, a response schema and definitions. */
const PETSTORE = `swagger: 2.0
info:
  title: Pets
  version: "1"
host: pets.example.com
basePath: /v2
schemes:
  - https
securityDefinitions:
  key:
    type: apiKey
    in: header
    name: X-Key
security:
  - key: []
paths:
  /pets:
    get:
      operationId: listPets
      parameters:
        - name: limit
          in: query
          type: integer
      responses:
        "200":
          description: OK
          schema:
            type: array
            items:
              $ref: "#/definitions/Pet"
    post:
      operationId: addPet
      consumes:
        - application/json
      parameters:
        - name: pet
          in: body
          required: true
          schema:
            $ref: "#/definitions/NewPet"
      responses:
        "201":
          description: Created
          schema:
            $ref: "#/definitions/Pet"
  /pets/{petId}/photo:
    post:
      operationId: uploadPhoto
      consumes:
        - multipart/form-data
      parameters:
        - name: petId
          in: path
          required: true
          type: string
        - name: file
          in: formData
          type: file
          required: true
        - name: caption
          in: formData
          type: string
      responses:
        "204":
          description: Stored
definitions:
  NewPet:
    type: object
    required: [name]
    properties:
      name:
        type: string
      tag:
        type: string
        x-nullable: true
  Pet:
    allOf:
      - $ref: "#/definitions/NewPet"
      - type: object
        required: [id]
        properties:
          id:
            type: integer
            format: int64
`;

describe("Swagger 2.0", () => {
  it("is read through swagger2openapi: bodies, form uploads, servers, security and definitions", async () => {
    const dir = tempFiles({ "petstore.yaml": PETSTORE });
    const result = await generated(join(dir, "petstore.yaml"));
    expect(result.diagnostics).toEqual([]);
    expect(result.api.servers.map((s) => s.url)).toEqual(["https://pets.example.com/v2"]);
    const [list, add, upload] = result.api.operations;
    expect(list!.parameters.map((p) => [p.name, p.in, p.type.kind])).toEqual([["limit", "query", "integer"]]);
    expect(add!.body).toMatchObject({ mediaType: "application/json", encoding: "json", required: true });
    expect(upload!.body).toMatchObject({ mediaType: "multipart/form-data", encoding: "multipart" });
    expect(add!.security).toEqual([{ kind: "apiKey", in: "header", name: "X-Key" }]);
    expect(Object.keys(result.model.schemas).sort()).toEqual(["NewPet", "Pet"]);
    const types = result.files.find((f) => f.path === "types.ts")!.content;
    // `x-nullable` is 2.0's `nullable`.
    expect(types).toMatch(/tag\?: string \| null/);
    expect(compileOutput(result.files, "nodenext")).toEqual([]);
  });

  it.each([
    {
      part: "a definition",
      find: '- $ref: "#/definitions/NewPet"',
      swap: '- $ref: "#/definitions/Gone"',
      pointer: "/definitions/Pet/allOf/0/$ref",
    },
    {
      part: "a body parameter's schema",
      find: '$ref: "#/definitions/NewPet"\n      responses',
      swap: '$ref: "#/definitions/Gone"\n      responses',
      pointer: "/paths/~1pets/post/parameters/0/schema/$ref",
    },
    {
      part: "a response schema",
      find: 'items:\n              $ref: "#/definitions/Pet"',
      swap: 'items:\n              $ref: "#/definitions/Gone"',
      pointer: "/paths/~1pets/get/responses/200/schema/items/$ref",
    },
  ])("a problem in $part is reported at its line in the 2.0 file, with its 2.0 pointer", async ({ find, swap, pointer }) => {
    const text = PETSTORE.replace(find, swap);
    expect(text).not.toBe(PETSTORE);
    const dir = tempFiles({ "petstore.yaml": text });
    const result = await generate(join(dir, "petstore.yaml"));
    const dangling = result.diagnostics.find((d) => d.code === "W_REF_DANGLING")!;
    expect(dangling).toMatchObject({ file: join(dir, "petstore.yaml"), pointer });
    expect(text.split("\n")[dangling.line! - 1]!.slice(dangling.column! - 1)).toBe('$ref: "#/definitions/Gone"');
  });

  it("maps the converter's places back to 2.0 pointers, else to the nearest part the 2.0 file has", () => {
    const original = {
      swagger: "2.0",
      host: "h",
      definitions: { A: { properties: { x: {} } } },
      responses: { NotFound: { schema: {} } },
      paths: {
        "/p": {
          post: {
            parameters: [
              { name: "q", in: "query", type: "string" },
              { name: "body", in: "body", schema: {} },
              { name: "f", in: "formData", type: "file" },
            ],
          },
        },
      },
    };
    expect(swaggerPointer(original, "/components/schemas/A/properties/x")).toBe("/definitions/A/properties/x");
    expect(swaggerPointer(original, "/components/responses/NotFound/content/application~1json/schema")).toBe("/responses/NotFound/schema");
    expect(swaggerPointer(original, "/paths/~1p/post/parameters/0/schema")).toBe("/paths/~1p/post/parameters/0");
    expect(swaggerPointer(original, "/paths/~1p/post/requestBody/content/application~1json/schema")).toBe(
      "/paths/~1p/post/parameters/1/schema",
    );
    expect(swaggerPointer(original, "/paths/~1p/post/requestBody/content/multipart~1form-data/schema/properties/f")).toBe(
      "/paths/~1p/post/parameters/2",
    );
    expect(swaggerPointer(original, "/servers/0/url")).toBe("/host");
    expect(swaggerPointer(original, "/components/schemas/A/properties/nothing/here")).toBe("/definitions/A/properties");
  });
});

/** hey-api's 2.0.x fixtures we refuse, and why; everything else must generate and compile strictly. */
const REFUSED_2_0: Record<string, string> = {
  "external-shared.json": "E_NOT_OPENAPI",
  "invalid/operationId-unique.yaml": "E_OPERATION_ID_DUPLICATE",
};

const FIXTURES_2_0 = join(HEY_API_FIXTURES, "2.0.x");

describe.runIf(sharedAvailable(FIXTURES_2_0, "hey-api's Swagger 2.0 fixtures"))("hey-api's 2.0.x fixtures", () => {
  const fixtures = () =>
    ["", "invalid/"].flatMap((folder) =>
      readdirSync(join(FIXTURES_2_0, folder))
        .filter((name) => /\.(ya?ml|json)$/.test(name))
        .sort()
        .map((name) => `${folder}${name}`),
    );
  const refused = new Map<string, string>();
  const files: Extract<Generation, { ok: true }>["files"][] = [];

  beforeAll(async () => {
    for (const fixture of fixtures()) {
      const result = await generate(join(FIXTURES_2_0, fixture));
      if (result.ok) files.push(result.files.map((f) => ({ ...f, path: `${fixture.replace(/\.\w+$/, "")}/${f.path}` })));
      else refused.set(fixture, [...new Set(result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code))].join(","));
    }
  }, 300_000);

  it("refuse exactly the invalid one and the non-root fragment", () => {
    expect(Object.fromEntries(refused)).toEqual(REFUSED_2_0);
  });

  it("generate strictly compiling output for every other fixture", () => {
    expect(files.length).toBeGreaterThanOrEqual(24);
    expect(compileOutput(files.flat(), "nodenext")).toEqual([]);
  });
});
