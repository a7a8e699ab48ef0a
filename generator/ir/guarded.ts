import type { Api, NamedSchema, TypeNode } from "./model.js";
import { referencedSchemas } from "./references.js";

/** A union worth a guard: discriminated, or more than one non-null member that are not all literals (an enum). */
export function isGuardedUnion(type: TypeNode): boolean {
  if (type.kind !== "union") return false;
  if (type.discriminator) return true;
  const members = type.members.filter((m) => m.kind !== "null");
  return members.length > 1 && !members.every((m) => m.kind === "literal");
}

/**
 * The schemas that get runtime guards: every union, every webhook and callback payload (whose
 * receiver has to vet it), and everything their guards call to check a value deeply (members and,
 * transitively, the schemas they reference). Output order.
 */
export function guardedSchemas(api: Api): NamedSchema[] {
  const byId = new Map(api.schemas.map((s) => [s.id, s]));
  const chosen = new Set<string>();
  const pending = [...api.schemas.filter((s) => isGuardedUnion(s.type)).map((s) => s.id), ...api.incoming.map((i) => i.payload)];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (chosen.has(id) || !byId.has(id)) continue;
    chosen.add(id);
    pending.push(...referencedSchemas(byId.get(id)!.type));
  }
  return api.schemas.filter((s) => chosen.has(s.id));
}
