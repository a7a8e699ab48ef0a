import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { classify } from "../generator/changes/classify.js";
import { diffApiModels } from "../generator/changes/diff.js";
import type { ApiChange, ApiModel } from "../generator/changes/model.js";
import { MODEL_FILE, modelFile, readRecordedModel } from "../generator/changes/record.js";
import { buildApiModel } from "../generator/changes/snapshot.js";
import { isGeneratedFile } from "../generator/emit/header.js";
import { FIXTURES } from "./support/paths.js";
import { irOf } from "./support/pipeline.js";

type Schemas = Record<string, unknown>;

/** Req flows only into a request body, Res only out of a response, Both both ways; Spare is used by nothing. */
function spec(schemas: Schemas, paths?: Record<string, unknown>): Record<string, unknown> {
  const json = (ref: string) => ({ content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: paths ?? {
      "/items": {
        post: {
          operationId: "createItem",
          requestBody: json("Req"),
          responses: { "200": { description: "ok", ...json("Res") } },
        },
        put: {
          operationId: "putItem",
          requestBody: json("Both"),
          responses: { "200": { description: "ok", ...json("Both") } },
        },
      },
    },
    components: { schemas: { Req: { type: "object" }, Res: { type: "object" }, Both: { type: "object" }, ...schemas } },
  };
}

const modelOf = (document: Record<string, unknown>): ApiModel => {
  const { api, names } = irOf(document);
  return buildApiModel(api, names);
};
const changes = (
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Pick<ApiChange, "kind" | "severity" | "identifier" | "member">[] =>
  diffApiModels(modelOf(before), modelOf(after)).changes.map(({ kind, severity, identifier, member }) => ({
    kind,
    severity,
    identifier,
    member,
  }));

const object = (properties: Record<string, unknown>, required: string[] = []) => ({ type: "object", properties, required });
const nullable = (schema: unknown) => ({ anyOf: [schema, { type: "null" }] });

describe("classification follows the direction the data flows", () => {
  it.each([
    ["Req", "non-breaking", "CreateItemBody"],
    ["Res", "breaking", "Res"],
    ["Both", "breaking", "Both"],
    ["Spare", "breaking", "Spare"],
  ])("a field of %s turning nullable is %s", (schema, severity) => {
    const before = spec({ [schema]: object({ a: { $ref: "#/components/schemas/Leaf" } }), Leaf: { type: "string" } });
    const after = spec({ [schema]: object({ a: nullable({ $ref: "#/components/schemas/Leaf" }) }), Leaf: { type: "string" } });
    expect(changes(before, after)).toEqual([{ kind: "nullable-added", severity, identifier: schema, member: "a" }]);
  });

  it.each([
    // kind, in a request, in a response
    [
      "required-property-added",
      object({ a: { type: "string" } }),
      object({ a: { type: "string" }, b: { type: "string" } }, ["b"]),
      "breaking",
      "non-breaking",
    ],
    [
      "property-added",
      object({ a: { type: "string" } }),
      object({ a: { type: "string" }, b: { type: "string" } }),
      "non-breaking",
      "non-breaking",
    ],
    [
      "property-removed",
      object({ a: { type: "string" }, b: { type: "string" } }),
      object({ a: { type: "string" } }),
      "breaking",
      "breaking",
    ],
    ["property-now-optional", object({ a: { type: "string" } }, ["a"]), object({ a: { type: "string" } }), "non-breaking", "breaking"],
    ["property-now-required", object({ a: { type: "string" } }), object({ a: { type: "string" } }, ["a"]), "breaking", "non-breaking"],
    ["value-added", { enum: ["a", "b"] }, { enum: ["a", "b", "c"] }, "non-breaking", "notice"],
    ["value-removed", { enum: ["a", "b"] }, { enum: ["a"] }, "breaking", "notice"],
    ["type-narrowed", { type: "string" }, { enum: ["a", "b"] }, "breaking", "non-breaking"],
    ["type-widened", { enum: ["a", "b"] }, { type: "string" }, "non-breaking", "breaking"],
    ["type-changed", { type: "string" }, { type: "integer" }, "breaking", "breaking"],
    ["nullable-removed", { type: ["string", "null"] }, { type: "string" }, "breaking", "non-breaking"],
  ])("%s: %s in a request, %s in a response", (kind, before, after, inRequest, inResponse) => {
    for (const [schema, severity] of [
      ["Req", inRequest],
      ["Res", inResponse],
    ] as const) {
      expect(changes(spec({ [schema]: before }), spec({ [schema]: after })).map((c) => [c.kind, c.severity])).toEqual([[kind, severity]]);
    }
  });

  it("a data flowing both ways takes the stricter severity", () => {
    expect(classify("value-added", "both")).toBe("notice");
    expect(classify("property-now-optional", "both")).toBe("breaking");
  });
});

describe("what the IR already makes equal is not a change", () => {
  it("allOf [$ref X] with sibling keywords becoming $ref X with the same siblings reports nothing", () => {
    const before = spec({
      Res: object({ a: { allOf: [{ $ref: "#/components/schemas/Leaf" }], description: "A leaf.", default: "x" } }),
      Leaf: { type: "string" },
    });
    const after = spec({
      Res: object({ a: { $ref: "#/components/schemas/Leaf", description: "Another text.", default: "x" } }),
      Leaf: { type: "string" },
    });
    expect(changes(before, after)).toEqual([]);
  });

  it("documentation changes are not API changes", () => {
    expect(
      changes(spec({ Res: { type: "string", description: "a" } }), spec({ Res: { type: "string", description: "b", title: "T" } })),
    ).toEqual([]);
  });
});

describe("unions and discriminators", () => {
  const variant = (tag: string) => object({ kind: { const: tag }, x: { type: "string" } }, ["kind"]);
  const union = (mapping: Record<string, string>) => ({
    oneOf: [...new Set(Object.values(mapping))].map((name) => ({ $ref: `#/components/schemas/${name}` })),
    discriminator: {
      propertyName: "kind",
      mapping: Object.fromEntries(Object.entries(mapping).map(([v, n]) => [v, `#/components/schemas/${n}`])),
    },
  });

  it("a variant added to a response union is a notice; removed from a request union, breaking", () => {
    const two = { A: variant("a"), B: variant("b") };
    expect(changes(spec({ ...two, Res: union({ a: "A" }) }), spec({ ...two, Res: union({ a: "A", b: "B" }) }))).toEqual([
      { kind: "variant-added", severity: "notice", identifier: "Res", member: "" },
    ]);
    expect(changes(spec({ ...two, Req: union({ a: "A", b: "B" }) }), spec({ ...two, Req: union({ a: "A" }) }))).toContainEqual({
      kind: "variant-removed",
      severity: "breaking",
      identifier: "Req",
      member: "",
    });
  });

  it("a changed discriminator value is breaking", () => {
    const before = spec({ A: variant("a"), B: variant("b"), Res: union({ a: "A", b: "B" }) });
    const after = spec({ A: variant("a"), B: variant("bee"), Res: union({ a: "A", bee: "B" }) });
    expect(changes(before, after)).toContainEqual({ kind: "discriminator-changed", severity: "breaking", identifier: "Res", member: "" });
  });
});

describe("operations", () => {
  const op = (operationId: string, parameters: unknown[] = []) => ({
    operationId,
    parameters,
    responses: { "204": { description: "none" } },
  });
  const paths = (entries: Record<string, unknown>) => spec({}, entries);

  it("a path that only lost its trailing slash is a move; the generated function keeps its name", () => {
    const report = diffApiModels(
      modelOf(paths({ "/things/": { get: op("listThings") } })),
      modelOf(paths({ "/things": { get: op("listThings2") } })),
    );
    expect(report.operations).toEqual({ added: [], removed: [], moved: [{ from: "GET /things/", to: "GET /things" }], changed: [] });
    expect(report.changes.map((c) => [c.kind, c.severity])).toEqual([
      ["operation-moved", "non-breaking"],
      ["function-renamed", "breaking"],
      ["client-method-moved", "breaking"],
    ]);
  });

  it("removed operations and new required parameters break callers; new optional ones do not", () => {
    const query = (name: string, required: boolean) => ({ name, in: "query", required, schema: { type: "string" } });
    const before = paths({ "/a": { get: op("getA") }, "/b": { get: op("getB") } });
    const after = paths({ "/a": { get: op("getA", [query("page", false), query("token", true)]) }, "/c": { get: op("getC") } });
    // Identifiers come from names/: whatever it decides, each change names the generated function or params type.
    const [base, head] = [modelOf(before), modelOf(after)];
    expect(changes(before, after)).toEqual([
      { kind: "operation-removed", severity: "breaking", identifier: base.operations["GET /b"]!.function, member: "" },
      { kind: "operation-added", severity: "non-breaking", identifier: head.operations["GET /c"]!.function, member: "" },
      { kind: "parameter-added", severity: "non-breaking", identifier: head.operations["GET /a"]!.paramsType, member: "page" },
      { kind: "required-parameter-added", severity: "breaking", identifier: head.operations["GET /a"]!.paramsType, member: "token" },
    ]);
  });
});

describe("the recorded model", () => {
  it("is deterministic, key-sorted JSON that opens with the generated marker", () => {
    const document = spec({ Res: object({ b: { type: "string" }, a: { type: "string" }, constructor: { type: "string" } }) });
    const first = modelFile(modelOf(document)).content;
    expect(modelFile(modelOf(document)).content).toBe(first);
    expect(isGeneratedFile(first)).toBe(true);
    const parsed = JSON.parse(first) as Record<string, unknown> & ApiModel;
    expect(Object.keys(parsed)).toEqual(["//", "format", "operations", "schemas", "title", "version"]);
    expect(Object.keys(parsed.schemas.Res!.type.kind === "object" ? parsed.schemas.Res!.type.properties : {})).toEqual([
      "a",
      "b",
      "constructor",
    ]);
    // A spec property named like an Object.prototype member is data, not a lookup into the prototype.
    expect(diffApiModels(parsed, modelOf(document)).changes).toEqual([]);
  });

  it("writes a pointer below its parent's as the rest after it, and reads it back whole, as format 2 wrote it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "specforge-model-"));
    const document = parse(readFileSync(join(FIXTURES, "zoo-3.1.yaml"), "utf8")) as Record<string, unknown>;
    const model = modelOf(document);
    const file = modelFile(model);
    mkdirSync(join(dir, ".specforge"));
    writeFileSync(join(dir, MODEL_FILE), file.content);
    expect(file.content).toContain('"pointer":"+/');
    const read = readRecordedModel(dir);
    expect("model" in read && read.model).toEqual({ ...JSON.parse(JSON.stringify(model)), "//": expect.any(String) });
    // A model of format 2, every pointer whole, reads the same.
    writeFileSync(join(dir, MODEL_FILE), JSON.stringify({ ...model, format: 2 }));
    const old = readRecordedModel(dir);
    expect("model" in old && old.model).toEqual(JSON.parse(JSON.stringify(model)));
    // Round trips through the change report: nothing changed.
    expect("model" in read && diffApiModels(read.model, model).changes).toEqual([]);
  });

  it("records a hoisted schema used from many places once, by name (a Writable twin reached 2^16 ways)", () => {
    const document = parse(readFileSync(join(FIXTURES, "changes", "writable-diamonds.yaml"), "utf8")) as Record<string, unknown>;
    const model = modelOf(document);
    const body = model.operations["POST /nodes"]!.body!.type;
    // Used once (the body), Level16's twin is expanded there; the twins it reaches are used twice each.
    expect(body).toMatchObject({ kind: "object", name: "Level16Writable" });
    const left = body.kind === "object" ? body.properties.left!.type : undefined;
    expect(left).toEqual({ kind: "ref", schema: "Level15#writable" });
    expect(modelFile(model).content.length).toBeLessThan(50_000);
  });
});
