import type { BuildContext } from "./context.js";
import type { Literal, ObjectNode, TypeNode } from "./model.js";

/**
 * A variant of a discriminated union must carry its discriminator as a required literal, even when
 * the spec declares it optional (`const` + `default`) or as a plain string; otherwise a `switch`
 * on it cannot be exhaustive. Applied after all schemas exist, since variants are often components.
 */
export function applyDiscriminatorPins(ctx: BuildContext): void {
  const byId = new Map(ctx.schemas.map((s) => [s.id, s]));
  for (const pin of ctx.discriminatorPins) {
    const schema = byId.get(pin.target);
    if (schema) schema.type = pinProperty(schema.type, pin.property, pin.values);
  }
}

function pinProperty(type: TypeNode, property: string, values: Literal[]): TypeNode {
  const literal: TypeNode =
    values.length === 1 ? { kind: "literal", value: values[0]! } : { kind: "union", members: values.map((value) => ({ kind: "literal", value })) };
  if (type.kind === "object") {
    const existing = type.properties.find((p) => p.name === property);
    const pinned = { name: property, type: literal, required: true, doc: existing?.doc ?? {}, pointer: existing?.pointer ?? "" };
    const properties = existing ? type.properties.map((p) => (p === existing ? pinned : p)) : [pinned, ...type.properties];
    return { ...type, properties } satisfies ObjectNode;
  }
  const tag: ObjectNode = { kind: "object", properties: [{ name: property, type: literal, required: true, doc: {}, pointer: "" }] };
  return { kind: "intersection", members: [type, tag] };
}
