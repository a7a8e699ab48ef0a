import type { TypeNode } from "./model.js";

/**
 * Walking type nodes. Every walker over a type either switches on all of its kinds or goes
 * through `childTypes`, so that a kind added to `TypeNode` fails to compile until each walker
 * says what it does with it.
 */

/** The kinds that stand for one JSON type and hold no other type. */
const PRIMITIVE_KINDS = ["unknown", "never", "string", "number", "integer", "boolean", "null", "binary"] as const;

export type PrimitiveKind = (typeof PRIMITIVE_KINDS)[number];

/** Narrows an IR type (or a change-report type, which shares its kinds) to the primitive kinds, or else to the others. */
export const isPrimitive = <T extends { kind: string }>(node: T): node is Extract<T, { kind: PrimitiveKind }> =>
  (PRIMITIVE_KINDS as readonly string[]).includes(node.kind);

/** The types directly inside `node`, in document order: items then rest, properties then additional, members. */
export function childTypes(node: TypeNode): TypeNode[] {
  if (isPrimitive(node)) return [];
  switch (node.kind) {
    case "literal":
    case "ref":
      return [];
    case "array":
      return [node.items];
    case "tuple":
      return node.rest ? [...node.items, node.rest] : node.items;
    case "object": {
      const properties = node.properties.map((p) => p.type);
      return node.additional ? [...properties, node.additional] : properties;
    }
    case "union":
    case "intersection":
      return node.members;
  }
}

/** The `default` of a switch that returns nothing yet handles every kind: it compiles only while no kind is left over. */
export function unreachable(node: never): never {
  throw new Error(`specforge: unhandled type kind ${JSON.stringify(node)}`);
}
