import { follow } from "../load/refs.js";
import { type BuildContext } from "./context.js";
import { isRecord } from "../records.js";
import type { WireShape } from "./model.js";

/** Parameter, Request Body, Response, Security Scheme and Path Item objects may be `$ref`s to components. */
export const deref = (ctx: BuildContext, raw: unknown): unknown => follow(ctx.root, raw);

const SHAPE_OF_TYPE: Record<string, WireShape> = {
  string: "scalar",
  number: "scalar",
  integer: "scalar",
  boolean: "scalar",
  array: "array",
  object: "object",
};

/**
 * What a schema is on the wire, seeing through `$ref`s, `allOf` and `anyOf: [X, {type: null}]`:
 * `varies` when only the value can tell (a union of an object and a number, or no type at all).
 */
export function wireShape(ctx: BuildContext, raw: unknown, depth = 0): WireShape {
  const schema = deref(ctx, raw);
  if (!isRecord(schema) || depth > 8) return "varies";
  const shapes = new Set<WireShape>();
  for (const type of Array.isArray(schema.type) ? schema.type : [schema.type])
    if (typeof type === "string" && SHAPE_OF_TYPE[type]) shapes.add(SHAPE_OF_TYPE[type]);
  if (shapes.size === 0 && (isRecord(schema.properties) || isRecord(schema.additionalProperties))) shapes.add("object");
  if (shapes.size === 0 && (Array.isArray(schema.enum) || "const" in schema || schema.type === "null")) shapes.add("scalar");
  const shapeOf = (m: unknown): WireShape[] => (isRecord(m) && m.type === "null" ? [] : [wireShape(ctx, m, depth + 1)]);
  // allOf: every member applies, so members that say nothing do not count; anyOf/oneOf: any member may be the value.
  if (shapes.size === 0 && Array.isArray(schema.allOf)) schema.allOf.flatMap(shapeOf).forEach((s) => s !== "varies" && shapes.add(s));
  if (shapes.size === 0)
    [schema.anyOf, schema.oneOf]
      .filter(Array.isArray)
      .flat()
      .flatMap(shapeOf)
      .forEach((s) => shapes.add(s));
  return shapes.size === 1 ? [...shapes][0]! : "varies";
}
