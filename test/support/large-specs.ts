/**
 * Synthetic specs at the limits issue 5 names: deep nesting, huge enums, many operations, many
 * megabytes. Written as JSON (the format large real specs use), returned as plain documents so a
 * caller can write them where it likes.
 */
type Doc = Record<string, unknown>;

const base = (paths: Doc, schemas: Doc): Doc => ({
  openapi: "3.1.0",
  info: { title: "limits", version: "1" },
  servers: [{ url: "https://api.example.com" }],
  paths,
  components: { schemas },
});

/** One operation returning `schema`, so the schema reaches types, guards and an operation. */
const returning = (operationId: string, ref: string): Doc => ({
  get: {
    operationId,
    tags: ["limits"],
    responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: ref } } } } },
  },
});

/**
 * `depth` inline schemas, each the only property of the one around it, built from the inside out
 * so that building it needs no recursion either. Alternating objects, arrays and unions exercise
 * every recursive converter.
 */
export function deeplyNested(depth: number): Doc {
  let inner: Doc = { type: "string" };
  for (let level = depth; level > 0; level--) {
    const kind = level % 3;
    inner =
      kind === 0
        ? { type: "array", items: inner }
        : kind === 1
          ? { type: "object", required: ["next"], properties: { next: inner } }
          : { anyOf: [inner, { type: "null" }] };
  }
  return base({ "/deep": returning("getDeep", "#/components/schemas/Deep") }, { Deep: inner });
}

/** A string enum of `count` values, used by a property and an operation. */
export function hugeEnum(count: number): Doc {
  const values = Array.from({ length: count }, (_, i) => `value_${i}`);
  return base(
    { "/enum": returning("getEnum", "#/components/schemas/Holder") },
    {
      Big: { type: "string", enum: values },
      Holder: { type: "object", required: ["big"], properties: { big: { $ref: "#/components/schemas/Big" } } },
    },
  );
}

/** `count` operations on distinct paths, spread over 50 tags, sharing a few schemas. */
export function manyOperations(count: number): Doc {
  const paths: Doc = {};
  for (let i = 0; i < count; i++) {
    paths[`/items${i}/{id}`] = {
      get: {
        operationId: `getItem${i}`,
        tags: [`group${i % 50}`],
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "limit", in: "query", schema: { type: "integer" } },
        ],
        responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Item" } } } } },
      },
    };
  }
  return base(paths, {
    Item: { type: "object", required: ["id"], properties: { id: { type: "string" }, tags: { type: "array", items: { type: "string" } } } },
  });
}

/**
 * A spec of at least `bytes` as JSON: 1,000 operations and component schemas, and the bulk in
 * `x-codeSamples`, which is where the size of large real specs (Stripe's, GitHub's) sits. Every
 * stage up to the IR reads all of it; the output stays proportional to the structure.
 */
export function largeSpec(bytes: number): Doc {
  const schemas: Doc = {};
  const paths: Doc = {};
  const count = 1000;
  const sample = "curl https://api.example.com/models -H 'Authorization: Bearer $TOKEN'\n".repeat(Math.ceil(bytes / count / 70) + 1);
  for (let i = 0; i < count; i++) {
    schemas[`Model${i}`] = {
      type: "object",
      description: `Model number ${i}.`,
      required: ["id"],
      properties: { id: { type: "string" }, next: { $ref: `#/components/schemas/Model${(i + 1) % count}` } },
    };
    const operation = returning(`getModel${i}`, `#/components/schemas/Model${i}`);
    paths[`/models${i}`] = { get: { ...(operation.get as Doc), "x-codeSamples": [{ lang: "shell", source: sample }] } };
  }
  return base(paths, schemas);
}
