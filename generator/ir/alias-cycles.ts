import type { DiagnosticInput } from "../diagnostics.js";
import type { NamedSchema, TypeNode } from "./model.js";

/** Refs a type alias resolves through directly: via unions and intersections, not inside objects or arrays. */
function aliasTargets(type: TypeNode, into: string[] = []): string[] {
  if (type.kind === "ref") into.push(type.target);
  if (type.kind === "union" || type.kind === "intersection") for (const m of type.members) aliasTargets(m, into);
  return into;
}

/**
 * `A: {$ref: B}` with `B: {$ref: A}` (or through unions) names no type at all, and TypeScript
 * rejects such aliases as circular. The first schema of each cycle, in spec order, is typed as
 * unknown with a warning; recursion through objects and arrays is fine and left alone.
 */
export function breakAliasCycles(schemas: NamedSchema[], report: (d: DiagnosticInput) => void): void {
  const byId = new Map(schemas.map((s) => [s.id, s]));
  const done = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    if (done.has(id)) return;
    const cycleStart = path.indexOf(id);
    if (cycleStart !== -1) {
      const breaker = byId.get(path[cycleStart]!)!;
      breaker.type = { kind: "unknown" };
      report({
        code: "W_REF_CYCLE",
        severity: "warning",
        message: `These schemas only refer to each other and never define a type: ${path.slice(cycleStart).join(" -> ")} -> ${id}. The first is typed as unknown.`,
        hint: "Give one of them a real type, or remove the circular aliases.",
        pointer: breaker.id,
      });
      return;
    }
    const schema = byId.get(id);
    if (!schema) return;
    for (const target of aliasTargets(schema.type)) visit(target, [...path, id]);
    done.add(id);
  };
  for (const schema of schemas) visit(schema.id, []);
}
