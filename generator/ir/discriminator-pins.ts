import type { BuildContext } from "./context.js";
import { flattenObject } from "./flatten.js";
import type { Literal, NamedSchema, ObjectNode, Property, TypeNode } from "./model.js";

/**
 * A variant of a discriminated union must carry its discriminator as a required literal, even when
 * the spec declares it optional (`const` + `default`), as a plain string, or through `allOf`;
 * otherwise a `switch` on it cannot be exhaustive. Applied after all schemas exist, since variants
 * are often components. A schema in several unions carries every value it is given.
 */
export function applyDiscriminatorPins(ctx: BuildContext): void {
  const byId = new Map(ctx.schemas.map((s) => [s.id, s]));
  const grouped = new Map<string, { schema: NamedSchema; property: string; values: Literal[] }>();
  for (const pin of ctx.discriminatorPins) {
    const schema = byId.get(pin.target);
    if (!schema) continue;
    const key = `${pin.property}\u0000${pin.target}`;
    const entry = grouped.get(key) ?? { schema, property: pin.property, values: [] };
    for (const value of pin.values) if (!entry.values.includes(value)) entry.values.push(value);
    grouped.set(key, entry);
  }
  for (const { schema, property, values } of grouped.values()) {
    if (
      values.length > 1 &&
      new Set(ctx.discriminatorPins.filter((p) => p.target === schema.id && p.property === property).map((p) => p.values.join())).size > 1
    ) {
      ctx.report({
        code: "W_DISCRIMINATOR_CONFLICT",
        severity: "warning",
        message: `This schema is a variant of several unions that give its "${property}" different values: ${values.map((v) => JSON.stringify(v)).join(", ")}. It accepts all of them.`,
        hint: "Give the schema one discriminator value in every mapping, or split it into one schema per value.",
        pointer: schema.id,
      });
    }
    schema.type = pinProperty(schema.type, property, values, byId);
  }
}

function pinProperty(type: TypeNode, property: string, values: Literal[], byId: Map<string, NamedSchema>): TypeNode {
  const literal: TypeNode =
    values.length === 1
      ? { kind: "literal", value: values[0]! }
      : { kind: "union", members: values.map((value) => ({ kind: "literal", value })) };
  // allOf-built variants are flattened so the pinned value replaces the inherited one instead of
  // intersecting with it (which could give never).
  const object = type.kind === "object" ? type : flattenObject(type, byId);
  if (object) {
    const existing = object.properties.find((p) => p.name === property);
    const pinned: Property = { name: property, type: literal, required: true, doc: existing?.doc ?? {}, pointer: existing?.pointer ?? "" };
    const properties = existing ? object.properties.map((p) => (p === existing ? pinned : p)) : [pinned, ...object.properties];
    return { ...object, properties } satisfies ObjectNode;
  }
  const tag: ObjectNode = { kind: "object", properties: [{ name: property, type: literal, required: true, doc: {}, pointer: "" }] };
  return { kind: "intersection", members: [type, tag] };
}
