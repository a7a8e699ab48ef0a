import type { NamedSchema, ObjectNode, Property, TypeNode } from "./model.js";
import { isPrimitive } from "./walk.js";

/**
 * One object type for an `allOf` of objects and references to object schemas, or undefined when a
 * member is something else (a union, a primitive). Later members' properties replace earlier ones,
 * as a subtype's would; `required` accumulates.
 */
export function flattenObject(type: TypeNode, byId: Map<string, NamedSchema>, seen: Set<string> = new Set()): ObjectNode | undefined {
  if (isPrimitive(type)) return undefined;
  switch (type.kind) {
    case "object":
      return type;
    case "ref": {
      const target = byId.get(type.target);
      if (!target || seen.has(type.target)) return undefined;
      return flattenObject(target.type, byId, new Set(seen).add(type.target));
    }
    case "intersection": {
      const parts = type.members.map((m) => flattenObject(m, byId, seen));
      if (parts.some((p) => p === undefined)) return undefined;
      const properties = new Map<string, Property>();
      let additional: TypeNode | undefined;
      for (const part of parts as ObjectNode[]) {
        for (const p of part.properties) {
          const earlier = properties.get(p.name);
          properties.set(p.name, { ...p, required: p.required || earlier?.required === true });
        }
        additional = part.additional ?? additional;
      }
      const merged: ObjectNode = { kind: "object", properties: [...properties.values()] };
      return additional ? { ...merged, additional } : merged;
    }
    case "literal":
    case "array":
    case "tuple":
    case "union":
      return undefined;
  }
}
