import ts from "typescript";
import type { OpenAPITSOptions } from "openapi-typescript";

/**
 * Every intended difference between our types and openapi-typescript's, with its reason. Each is
 * expressed as an openapi-typescript option, so the oracle test still compares every schema.
 */
export const ORACLE_OPTIONS: OpenAPITSOptions = {
  silent: true,
  // openapi-typescript makes every property with a `default` required. A client may omit such a
  // property in a request, and a server need not send it, so we keep them optional.
  defaultNonNullable: false,
  // `format: binary` is raw bytes: we type it as Blob (what fetch and FormData take and give);
  // openapi-typescript types it as string.
  //
  // `{type: object}` with no (or empty) properties and no additionalProperties is any object: we
  // write `{ [key: string]: unknown }`; openapi-typescript writes Record<string, never>, which only
  // an empty object satisfies. A nullable one stays nullable.
  transform(schema) {
    if (schema.format === "binary") return ts.factory.createTypeReferenceNode("Blob");
    const raw = schema as Record<string, unknown>;
    const properties = raw.properties as Record<string, unknown> | undefined;
    const types: unknown[] = Array.isArray(raw.type) ? raw.type : [raw.type];
    const nullable = types.includes("null") || raw.nullable === true;
    const isBareObject =
      types.includes("object") &&
      types.every((t) => t === "object" || t === "null") &&
      (properties === undefined || Object.keys(properties).length === 0) &&
      raw.additionalProperties === undefined;
    if (
      isBareObject &&
      raw.patternProperties === undefined &&
      raw.allOf === undefined &&
      raw.oneOf === undefined &&
      raw.anyOf === undefined
    ) {
      const record = ts.factory.createTypeReferenceNode("Record", [
        ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
        ts.factory.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword),
      ]);
      return nullable ? ts.factory.createUnionTypeNode([record, ts.factory.createLiteralTypeNode(ts.factory.createNull())]) : record;
    }
    return undefined;
  },
};

/**
 * Schemas where the difference is one of meaning, by `<spec file name>#<schema name>`. The oracle
 * test checks these are still different, so an entry cannot outlive its reason.
 */
export const ORACLE_EXCLUDED: Record<string, string> = {
  "zoo-3.1.yaml#Animal":
    "allOf polymorphism (OpenAPI §4.8.25): a discriminator parent is the union of its children, so a switch on `kind` is exhaustive; openapi-typescript keeps the parent as its base object.",
  "zoo-3.1.yaml#Body_Create_Animal_animals_post": "contains Animal, above.",
  "zoo-3.1.yaml#Switch": "contains On and Off, below.",
  "zoo-3.1.yaml#On":
    'the variant\'s `const: true` gives its discriminator value; openapi-typescript injects the schema name (`"On"`) as an implicit mapping even where the const makes that value impossible.',
  "zoo-3.1.yaml#Off": "as On.",
  "required-3.0.yaml#Listed":
    "`allOf: [Base, {required: [id]}]`: JSON Schema's `required` applies to the whole instance, so Base's `id` is required; openapi-typescript ignores a member that only lists `required` (Base & unknown).",
  "required-3.0.yaml#Mixed": "as Listed: a member requires `name`, which Base declares; openapi-typescript leaves it optional.",
  "required-3.0.yaml#EitherOr":
    "`anyOf: [{required: [email]}, {required: [phone]}]` beside `properties`: each branch requires its property, so an object with neither is refused; openapi-typescript makes the branches `unknown`.",
  "required-3.0.yaml#ContactRef": "as EitherOr, over an allOf.",
  "zoo-3.1.yaml#Path":
    "`items` after `prefixItems` types the rest of the tuple ([string, ...Point[]]); openapi-typescript drops it ([string]).",
};

/** Our type name and the spec's schema name of every component schema the oracle compares, and of every excluded one. */
export function oraclePairs(
  specFileName: string,
  pairs: [string, string][],
): { compared: [string, string][]; excluded: [string, string][] } {
  const excluded = (schema: string): boolean => `${specFileName}#${schema}` in ORACLE_EXCLUDED;
  return { compared: pairs.filter(([, schema]) => !excluded(schema)), excluded: pairs.filter(([, schema]) => excluded(schema)) };
}
