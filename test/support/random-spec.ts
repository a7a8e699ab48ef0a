import fc from "fast-check";

/**
 * Random specs for the property test: a handful of component schemas that refer to each other
 * (recursion included), nested unions, discriminated unions with and without a mapping, and names
 * and strings drawn partly from hostile characters.
 */
type Doc = Record<string, unknown>;

/** Names: mostly plain, sometimes with characters that names/ and escape.ts must handle. */
const nameArb = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_ $\-./*`'"{}]{0,12}$/);
const textArb = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom("*/", "/*", "${x}", "`", "\\", "\u2028", "\u0000", "__proto__", "constructor"),
);

const ref = (name: string): Doc => ({ $ref: `#/components/schemas/${encodeURIComponent(name.replace(/~/g, "~0").replace(/\//g, "~1"))}` });

/** One schema, given the names of all components (so it may refer to any of them, itself included). */
function schemaArb(names: string[], depth: number): fc.Arbitrary<Doc> {
  const leaf = fc.oneof(
    fc.constantFrom<Doc>({ type: "string" }, { type: "integer" }, { type: "boolean" }, { type: ["string", "null"] }, {}),
    fc.uniqueArray(textArb, { minLength: 1, maxLength: 4 }).map((values): Doc => ({ type: "string", enum: values })),
    fc.constantFrom(...names).map(ref),
  );
  if (depth <= 0) return leaf;
  const inner = schemaArb(names, depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    fc.record({ description: textArb, items: inner }).map((r): Doc => ({ type: "array", ...r })),
    fc
      .dictionary(nameArb, inner, { maxKeys: 4 })
      .chain((properties) => fc.subarray(Object.keys(properties)).map((required): Doc => ({ type: "object", properties, required }))),
    fc.array(inner, { minLength: 1, maxLength: 3 }).map((members): Doc => ({ anyOf: members })),
  );
}

/** A discriminated union over fresh object variants, with a const on each, a mapping or neither. */
const discriminatedArb = (names: string[]): fc.Arbitrary<{ union: Doc; variants: Record<string, Doc> }> =>
  fc
    .record({
      property: nameArb,
      values: fc.uniqueArray(textArb, { minLength: 1, maxLength: 3 }),
      style: fc.constantFrom("const", "mapping", "both", "names"),
      extra: schemaArb(names, 1),
    })
    .map(({ property, values, style, extra }) => {
      const variants: Record<string, Doc> = {};
      const mapping: Record<string, string> = {};
      values.forEach((value, i) => {
        const name = `Variant${i}_${names.length}`;
        const tag = style === "const" || style === "both" ? { [property]: { const: value } } : { [property]: { type: "string" } };
        variants[name] = { type: "object", required: [property], properties: { ...tag, extra } };
        mapping[value] = `#/components/schemas/${name}`;
      });
      const discriminator = style === "mapping" || style === "both" ? { propertyName: property, mapping } : { propertyName: property };
      return { union: { oneOf: Object.keys(variants).map(ref), discriminator }, variants };
    });

export const randomSpecArb: fc.Arbitrary<Doc> = fc
  .uniqueArray(nameArb, { minLength: 1, maxLength: 5, comparator: (a, b) => a.toLowerCase() === b.toLowerCase() })
  .chain((names) =>
    fc
      .record({
        bodies: fc.tuple(...names.map(() => schemaArb(names, 3))),
        unions: fc.array(discriminatedArb(names), { maxLength: 2 }),
        title: textArb,
      })
      .map(({ bodies, unions, title }) => buildSpec(names, bodies, unions, title)),
  );

/** Every component, each union under `Union<i>`, and one operation returning each component. */
function buildSpec(names: string[], bodies: Doc[], unions: { union: Doc; variants: Record<string, Doc> }[], title: string): Doc {
  const schemas: Doc = Object.fromEntries(names.map((name, i) => [name, bodies[i]]));
  unions.forEach(({ union, variants }, i) => Object.assign(schemas, variants, { [`Union${i}`]: union }));
  const paths: Doc = {};
  Object.keys(schemas).forEach((name, i) => {
    paths[`/r${i}/{id}`] = {
      get: {
        operationId: `get${i}`,
        summary: title,
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: title, content: { "application/json": { schema: ref(name) } } } },
      },
    };
  });
  return { openapi: "3.1.0", info: { title, version: "1" }, servers: [{ url: "https://api.example.com" }], paths, components: { schemas } };
}
