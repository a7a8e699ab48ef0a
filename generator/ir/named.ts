import { isLiteral, type BuildContext } from "./context.js";
import { isRecord } from "../records.js";
import { docOf } from "./doc.js";
import type { NamedSchema, NameHint, TypeNode } from "./model.js";
import { convertSchema, isLiteralEnum } from "./schema.js";

/**
 * Converts a schema that will be a named type. It is registered before conversion, so it precedes
 * the schemas hoisted out of it and a union at its top level is not hoisted a second time.
 */
export function convertNamed(ctx: BuildContext, raw: unknown, id: string, nameHint: NameHint, origin: NamedSchema["origin"]): TypeNode {
  if (!ctx.named.has(id)) {
    ctx.named.add(id);
    const doc = isRecord(raw) ? docOf(raw, nameHint.length === 1 ? nameHint[0] : undefined) : {};
    const schema: NamedSchema = { id, nameHint, origin, type: { kind: "unknown" }, doc };
    ctx.schemas.push(schema);
    schema.type = convertSchema(ctx, raw, id, nameHint);
    if (isRecord(raw) && isLiteralEnum(raw)) schema.enumNames = enumNames(raw);
  }
  return { kind: "ref", target: id };
}

/** Registers a named schema now and converts it when the queue is drained (see build.ts). */
export function deferNamed(ctx: BuildContext, raw: unknown, id: string, nameHint: NameHint): TypeNode {
  if (!ctx.named.has(id)) {
    ctx.named.add(id);
    const schema: NamedSchema = { id, nameHint, origin: "referenced", type: { kind: "unknown" }, doc: isRecord(raw) ? docOf(raw) : {} };
    ctx.schemas.push(schema);
    ctx.deferred.push(() => {
      schema.type = convertSchema(ctx, raw, id, nameHint);
    });
  }
  return { kind: "ref", target: id };
}

/** The `x-enum-varnames` (or `x-enumNames`) entry of each non-null enum value. */
function enumNames(raw: Record<string, unknown>): (string | undefined)[] {
  const given = raw["x-enum-varnames"] ?? raw["x-enumNames"];
  const values = raw.enum as unknown[];
  return values.flatMap((value, i) => {
    if (value === null || !isLiteral(value)) return [];
    const name = Array.isArray(given) ? given[i] : undefined;
    return [typeof name === "string" && name !== "" ? name : undefined];
  });
}

/** Names an already converted inline schema (an object member of a union, or an inline union). */
export function hoistConverted(ctx: BuildContext, raw: unknown, id: string, nameHint: NameHint, type: TypeNode): TypeNode {
  if (!ctx.named.has(id)) {
    ctx.named.add(id);
    const doc = isRecord(raw) ? docOf(raw, nameHint.length === 1 ? nameHint[0] : undefined) : {};
    ctx.schemas.push({ id, nameHint, origin: "inline", type, doc });
  }
  return { kind: "ref", target: id };
}
