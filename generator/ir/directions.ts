import type { Api, NamedSchema, Operation, TypeNode } from "./model.js";
import { referencedSchemas } from "./references.js";
import { childTypes, isPrimitive } from "./walk.js";

type Direction = "request" | "response";

/**
 * `readOnly` properties are sent only by servers and `writeOnly` ones only by clients (JSON Schema
 * §9.4). So response types drop writeOnly properties, and a schema whose request shape differs
 * (directly or through a schema it references) gets a `<Name>Writable` twin without its readOnly
 * properties, which request bodies and parameters use instead.
 */
export function splitByDirection(api: Api): Api {
  const byId = new Map(api.schemas.map((s) => [s.id, s]));
  const split = differingSchemas(api.schemas, byId);
  if (split.size === 0) return api;
  const writableId = (id: string): string => `${id}#writable`;
  const view = (type: TypeNode, direction: Direction): TypeNode =>
    project(type, direction, (id) => (direction === "request" && split.has(id) ? writableId(id) : id));
  const schemas = api.schemas.flatMap((schema): NamedSchema[] => {
    const response = { ...schema, type: view(schema.type, "response") };
    if (!split.has(schema.id)) return [response];
    const writable: NamedSchema = {
      ...schema,
      id: writableId(schema.id),
      nameHint: [...schema.nameHint, "Writable"],
      origin: "inline",
      type: view(schema.type, "request"),
    };
    return [response, writable];
  });
  const operations = api.operations.map((op): Operation => {
    const result: Operation = {
      ...op,
      parameters: op.parameters.map((p) => ({ ...p, type: view(p.type, "request") })),
      responses: op.responses.map((r) => (r.type ? { ...r, type: view(r.type, "response") } : r)),
    };
    if (op.body) result.body = { ...op.body, type: view(op.body.type, "request") };
    return result;
  });
  return { ...api, schemas, operations };
}

/** Schemas with a readOnly or writeOnly property somewhere in their own type, or referencing one that has. */
function differingSchemas(schemas: NamedSchema[], byId: Map<string, NamedSchema>): Set<string> {
  const direct = schemas.filter((s) => hasAccessProperty(s.type)).map((s) => s.id);
  const referrers = new Map<string, string[]>();
  for (const s of schemas) for (const target of referencedSchemas(s.type)) referrers.set(target, [...(referrers.get(target) ?? []), s.id]);
  const result = new Set<string>();
  const pending = [...direct];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (result.has(id) || !byId.has(id)) continue;
    result.add(id);
    pending.push(...(referrers.get(id) ?? []));
  }
  return result;
}

function hasAccessProperty(type: TypeNode): boolean {
  return (type.kind === "object" && type.properties.some((p) => p.access !== undefined)) || childTypes(type).some(hasAccessProperty);
}

/** The type as seen in one direction: properties of the other direction dropped, references retargeted. */
function project(type: TypeNode, direction: Direction, target: (id: string) => string): TypeNode {
  const dropped = direction === "request" ? "readOnly" : "writeOnly";
  const again = (t: TypeNode): TypeNode => project(t, direction, target);
  if (isPrimitive(type)) return type;
  switch (type.kind) {
    case "literal":
      return type;
    case "ref":
      return { kind: "ref", target: target(type.target) };
    case "array":
      return { kind: "array", items: again(type.items) };
    case "tuple":
      return type.rest
        ? { kind: "tuple", items: type.items.map(again), rest: again(type.rest) }
        : { kind: "tuple", items: type.items.map(again) };
    case "object": {
      const properties = type.properties.filter((p) => p.access !== dropped).map((p) => ({ ...p, type: again(p.type) }));
      return type.additional ? { kind: "object", properties, additional: again(type.additional) } : { kind: "object", properties };
    }
    case "union": {
      const members = type.members.map(again);
      if (!type.discriminator) return { kind: "union", members };
      const variants = type.discriminator.variants.map((v) => ({ ...v, target: target(v.target) }));
      return { kind: "union", members, discriminator: { ...type.discriminator, variants } };
    }
    case "intersection":
      return { kind: "intersection", members: type.members.map(again) };
  }
}
