import { isPrimitive, unreachable } from "../ir/walk.js";
import type { ApiModel, Direction, TypeModel } from "./model.js";

/** Component schemas named anywhere inside `type`. */
function referenced(type: TypeModel, into: string[]): void {
  if (isPrimitive(type)) return;
  switch (type.kind) {
    case "literal":
      break;
    case "ref":
      into.push(type.schema);
      break;
    case "array":
      referenced(type.items, into);
      break;
    case "tuple":
      for (const item of type.items) referenced(item, into);
      if (type.rest) referenced(type.rest, into);
      break;
    case "object":
      for (const p of Object.values(type.properties)) referenced(p.type, into);
      if (type.additional) referenced(type.additional, into);
      break;
    case "union":
    case "intersection":
      for (const m of type.members) referenced(m, into);
      break;
    default:
      unreachable(type);
  }
}

/** Every schema reachable from `roots` through component references. */
function reachable(model: ApiModel, roots: TypeModel[]): Set<string> {
  const pending: string[] = [];
  for (const root of roots) referenced(root, pending);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (seen.has(name) || !Object.hasOwn(model.schemas, name)) continue;
    seen.add(name);
    referenced(model.schemas[name]!.type, pending);
  }
  return seen;
}

/**
 * Which way each schema's data flows, in either model: parameters and bodies are written by the
 * client, responses read. A schema no operation reaches is still an exported type a client may
 * use either way, so it counts as both.
 */
export function schemaDirections(models: ApiModel[]): (schema: string) => Direction {
  const requests = new Set<string>();
  const responses = new Set<string>();
  for (const model of models) {
    const operations = Object.values(model.operations);
    const sent = operations.flatMap((o) => [...Object.values(o.parameters).map((p) => p.type), ...(o.body ? [o.body.type] : [])]);
    const read = operations.flatMap((o) => Object.values(o.responses).flatMap((r) => (r.type ? [r.type] : [])));
    for (const name of reachable(model, sent)) requests.add(name);
    for (const name of reachable(model, read)) responses.add(name);
  }
  return (schema) => (requests.has(schema) === responses.has(schema) ? "both" : requests.has(schema) ? "request" : "response");
}
