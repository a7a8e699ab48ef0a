import { follow } from "../load/refs.js";
import { type BuildContext } from "./context.js";
import { isRecord } from "../records.js";

/** Parameter, Request Body, Response, Security Scheme and Path Item objects may be `$ref`s to components. */
export const deref = (ctx: BuildContext, raw: unknown): unknown => follow(ctx.root, raw);

/** What a schema is on the wire, seeing through `$ref`s and `anyOf: [X, {type: null}]`. */
export function wireShape(ctx: BuildContext, raw: unknown, depth = 0): "scalar" | "array" | "object" {
  const schema = deref(ctx, raw);
  if (!isRecord(schema) || depth > 8) return "scalar";
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes("array")) return "array";
  if (types.includes("object")) return "object";
  // An explicit scalar `type` wins over object keywords beside it (`type: string` with
  // `properties`, as some specs write a free-form query value), as it does for the parameter's type.
  if (schema.type !== undefined && !(Array.isArray(schema.type) && schema.type.length === 0)) return "scalar";
  if (isRecord(schema.properties) || isRecord(schema.additionalProperties)) return "object";
  const members = [schema.anyOf, schema.oneOf].find(Array.isArray) ?? [];
  const shapes = members.filter((m) => !(isRecord(m) && m.type === "null")).map((m: unknown) => wireShape(ctx, m, depth + 1));
  return shapes.length > 0 && shapes.every((s) => s === shapes[0]) ? shapes[0]! : "scalar";
}
