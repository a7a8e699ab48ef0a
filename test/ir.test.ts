import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT, SEED_SPEC } from "./support/paths.js";
import { irOf, objectOf, schemaNamed } from "./support/pipeline.js";

const seed = parse(readFileSync(SEED_SPEC, "utf8")) as Record<string, unknown>;

describe("the seed's IR and names", () => {
  const { api, names, reported } = irOf(seed);
  const typeNames = api.schemas.map((s) => names.schemas.get(s.id)!.type);

  it("reports nothing", () => expect(reported).toEqual([]));

  it("keeps every PascalCase component name exactly and converts the others", () => {
    for (const name of [
      "EnvironmentVariableResponse",
      "HTTPValidationError",
      "EnvironmentVariableResponseValues1",
      "ValidationErrorLocItems",
    ]) {
      expect(typeNames).toContain(name);
    }
    expect(typeNames).toContain("EnvironmentVariablesCreateRequest");
    expect(typeNames).not.toContain("environment_variables_create_Request");
  });

  it("turns the discriminated request oneOf into three named variants with a required literal `type`", () => {
    const union = schemaNamed(api, names, "EnvironmentVariablesCreateRequest").type;
    expect(union.kind).toBe("union");
    if (union.kind !== "union") return;
    const variants = union.discriminator!.variants.map((v) => [names.schemas.get(v.target)!.type, v.values]);
    expect(variants).toEqual([
      ["CreateStringEnvironmentVariableRequest", ["string"]],
      ["CreateSecretEnvironmentVariableRequest", ["secret"]],
      ["CreateAuthConnectionEnvironmentVariableRequest", ["auth_connection"]],
    ]);
    for (const [name, [value]] of variants as [string, string[]][]) {
      const type = objectOf(schemaNamed(api, names, name)).properties.find((p) => p.name === "type")!;
      expect(type.required).toBe(true);
      expect(type.type).toEqual({ kind: "literal", value });
    }
  });

  it("names the undiscriminated values union's inline member after its position", () => {
    const union = schemaNamed(api, names, "EnvironmentVariableResponseValues").type;
    expect(union.kind === "union" && union.discriminator === undefined).toBe(true);
    expect(union.kind === "union" && union.members.map((m) => (m.kind === "ref" ? names.schemas.get(m.target)!.type : m.kind))).toEqual([
      "EnvironmentVariableResponseValues0",
      "EnvironmentVariableResponseValues1",
      "EnvironmentVariableResponseValues2",
    ]);
  });

  it("keeps null and absent apart for created_by_user_id", () => {
    const property = objectOf(schemaNamed(api, names, "EnvironmentVariableResponse")).properties.find(
      (p) => p.name === "created_by_user_id",
    )!;
    expect(property.required).toBe(false);
    expect(property.type).toEqual({ kind: "union", members: [{ kind: "string" }, { kind: "null" }] });
  });

  it("types ValidationErrorLocItems as string | integer and 'Any type' as unknown", () => {
    expect(schemaNamed(api, names, "ValidationErrorLocItems").type).toEqual({
      kind: "union",
      members: [{ kind: "string" }, { kind: "integer" }],
    });
    const responses = api.operations[0]!.responses;
    expect(responses.find((r) => r.status === "409")!.type).toEqual({ kind: "unknown" });
  });

  it("names the operation for reading alone and for the grouped client", () => {
    expect(names.operations[0]).toMatchObject({
      fn: "createEnvironmentVariable",
      group: "environmentVariables",
      method: "create",
      parameters: ["xiApiKey"],
    });
    expect(api.operations[0]!.apiKeyHeader).toBe("xi-api-key");
  });
});

describe("variant names", () => {
  const spec = (variant: Record<string, unknown>) => ({
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {},
    components: {
      schemas: {
        shape_Request: {
          oneOf: [{ type: "object", properties: { kind: { const: "circle" }, r: { type: "number" } }, ...variant }],
          discriminator: { propertyName: "kind" },
        },
      },
    },
  });
  it.each([
    [{ title: "Round", description: "Ignored variant" }, "Round"],
    [{ description: "CircleShape variant" }, "CircleShape"],
    [{ description: "Just a circle." }, "ShapeRequestCircle"],
    [{}, "ShapeRequestCircle"],
  ])("%j -> %s", (variant, expected) => {
    const { api, names } = irOf(spec(variant));
    expect(api.schemas.map((s) => names.schemas.get(s.id)!.type)).toEqual(["ShapeRequest", expected]);
  });
});

describe("OpenAPI 3.0 JSON input", () => {
  const shelter = JSON.parse(readFileSync(join(ROOT, "test", "fixtures", "shelter-3.0.json"), "utf8")) as Record<string, unknown>;
  const { api, names } = irOf(shelter);

  it("reads `nullable` as | null", () => {
    const nickname = objectOf(schemaNamed(api, names, "Cat")).properties.find((p) => p.name === "nickname")!;
    expect(nickname.type).toEqual({ kind: "union", members: [{ kind: "string" }, { kind: "null" }] });
  });

  it("takes discriminator values from the mapping and pins them on component variants", () => {
    const cat = objectOf(schemaNamed(api, names, "Cat")).properties.find((p) => p.name === "kind")!;
    expect(cat).toMatchObject({ required: true, type: { kind: "literal", value: "cat" } });
  });

  it("merges path-level parameters and keeps path parameters required", () => {
    const get = api.operations.find((o) => o.operationId === "get_pet")!;
    expect(get.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ["pet_id", "path", true],
      ["include_owner", "query", false],
    ]);
  });

  it("names environments from server descriptions", () => {
    expect(names.environments).toEqual(["live", "localMock"]);
  });
});
