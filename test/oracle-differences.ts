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
  // `{type: object}` with no properties and no additionalProperties is any object: we write
  // `{ [key: string]: unknown }`; openapi-typescript writes Record<string, never>, which only an
  // empty object satisfies.
  transform(schema) {
    if (schema.format === "binary") return ts.factory.createTypeReferenceNode("Blob");
    const isBareObject = schema.type === "object" && schema.properties === undefined && schema.additionalProperties === undefined;
    if (
      isBareObject &&
      schema.patternProperties === undefined &&
      schema.allOf === undefined &&
      schema.oneOf === undefined &&
      schema.anyOf === undefined
    ) {
      return ts.factory.createTypeReferenceNode("Record", [
        ts.factory.createKeywordTypeNode(ts.SyntaxKind.StringKeyword),
        ts.factory.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword),
      ]);
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
