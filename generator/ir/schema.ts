import { joinPointer, resolvePointer, splitPointer } from "../load/pointer.js";
import { follow, localRef } from "../load/refs.js";
import { isComponentSchemaPointer, isLiteral, type BuildContext, type RawSchema } from "./context.js";
import { isRecord } from "../records.js";
import { docOf } from "./doc.js";
import { convertNamed, deferNamed } from "./named.js";
import { convertUnion } from "./union.js";
import type { Literal, NameHint, ObjectNode, Property, TypeNode } from "./model.js";
import { declaration, isRequiredOnly, requiredNames, requireInline } from "./required.js";

export const UNKNOWN: TypeNode = { kind: "unknown" };

/**
 * One Schema Object (OpenAPI 3.0 §4.7.24, 3.1 §4.8.24 / JSON Schema 2020-12) to a TypeNode.
 * `hint` names schemas that have to be hoisted out of this one (union variants).
 */
export function convertSchema(ctx: BuildContext, raw: unknown, pointer: string, hint: NameHint): TypeNode {
  if (raw === true || raw === undefined) return UNKNOWN;
  if (raw === false) return { kind: "never" };
  if (!isRecord(raw)) {
    ctx.report({
      code: "W_SCHEMA_INVALID",
      severity: "warning",
      message: "A schema must be an object or a boolean.",
      hint: "Replace the value with a Schema Object; it is typed as unknown meanwhile.",
      pointer,
    });
    return UNKNOWN;
  }
  if (typeof raw.$ref === "string") return convertRef(ctx, raw);
  // Deeply nested inline schemas are named every few levels and converted later from a queue, so
  // neither this recursion nor any emitted type (nor prettier and tsc reading it) nests deeper.
  if (ctx.depth >= MAX_INLINE_DEPTH && !ctx.named.has(pointer)) return deferNamed(ctx, raw, pointer, hint);
  const saved = ctx.depth;
  ctx.depth = ctx.named.has(pointer) ? 0 : saved + 1;
  const node = convertKeywords(ctx, raw, pointer, hint);
  ctx.depth = saved;
  // OpenAPI 3.0 `nullable` (3.1 writes `type: [X, "null"]`, handled in convertKeywords).
  return raw.nullable === true ? withNull(node) : node;
}

const MAX_INLINE_DEPTH = 16;

export function withNull(node: TypeNode): TypeNode {
  if (node.kind === "null" || node.kind === "unknown") return node;
  if (node.kind === "union") {
    return node.members.some((m) => m.kind === "null") ? node : { ...node, members: [...node.members, { kind: "null" }] };
  }
  return { kind: "union", members: [node, { kind: "null" }] };
}

function convertKeywords(ctx: BuildContext, raw: RawSchema, pointer: string, hint: NameHint): TypeNode {
  if ("const" in raw && isLiteral(raw.const)) return { kind: "literal", value: raw.const };
  // An enum of objects or arrays (data, never a reference) has no literal type: its other keywords type it.
  if (isLiteralEnum(raw)) {
    const values = raw.enum;
    return values.length === 1
      ? { kind: "literal", value: values[0]! }
      : { kind: "union", members: values.map((value) => ({ kind: "literal", value })) };
  }
  const union = Array.isArray(raw.oneOf) || Array.isArray(raw.anyOf);
  if (union || Array.isArray(raw.allOf)) {
    // Keywords beside each other all apply: `properties` + `oneOf` is the object and one of the
    // alternatives, `allOf` + `anyOf` every part and one alternative.
    const parts: TypeNode[] = [];
    if (Array.isArray(raw.allOf)) parts.push(convertAllOf(ctx, raw, pointer, hint));
    else if (hasObjectKeywords(raw)) parts.push(convertObject(ctx, raw, pointer, hint));
    if (union) parts.push(convertUnion(ctx, raw, pointer, hint, parts.length === 0, parts[0]));
    return parts.length === 1 ? parts[0]! : { kind: "intersection", members: parts };
  }
  if (Array.isArray(raw.type)) {
    const members = raw.type.filter((t): t is string => typeof t === "string").map((t) => convertTyped(ctx, raw, t, pointer, hint));
    return members.length === 1 ? members[0]! : { kind: "union", members };
  }
  if (typeof raw.type === "string") return convertTyped(ctx, raw, raw.type, pointer, hint);
  if (hasObjectKeywords(raw)) return convertObject(ctx, raw, pointer, hint);
  if (raw.items !== undefined || raw.prefixItems !== undefined) return convertTyped(ctx, raw, "array", pointer, hint);
  // No type keyword at all, e.g. `{description: "Any type"}`: anything, typed as unknown (never any).
  return UNKNOWN;
}

/** An `enum` whose values are all literals (strings, numbers, booleans, null), which TypeScript can list. */
export const isLiteralEnum = (raw: RawSchema): raw is RawSchema & { enum: Literal[] } =>
  Array.isArray(raw.enum) && raw.enum.every(isLiteral);

const hasObjectKeywords = (raw: RawSchema): boolean =>
  isRecord(raw.properties) || raw.additionalProperties !== undefined || isRecord(raw.patternProperties);

function convertTyped(ctx: BuildContext, raw: RawSchema, type: string, pointer: string, hint: NameHint): TypeNode {
  switch (type) {
    case "string":
      return raw.format === "binary" ? { kind: "binary" } : { kind: "string" };
    case "number":
    case "integer":
    case "boolean":
    case "null":
      return { kind: type };
    case "array":
      return convertArray(ctx, raw, pointer, hint);
    case "object":
      return convertObject(ctx, raw, pointer, hint);
    default:
      ctx.report({
        code: "W_SCHEMA_TYPE",
        severity: "warning",
        message: `Unknown schema type "${type}".`,
        hint: "Use one of string, number, integer, boolean, array, object or null.",
        pointer: joinPointer(pointer, "type"),
      });
      return UNKNOWN;
  }
}

/** `readOnly`/`writeOnly` on the property's schema, or on the schema its `$ref` names. */
function accessOf(ctx: BuildContext, schema: unknown): Property["access"] {
  for (const candidate of [schema, follow(ctx.root, schema)]) {
    if (isRecord(candidate) && candidate.readOnly === true) return "readOnly";
    if (isRecord(candidate) && candidate.writeOnly === true) return "writeOnly";
  }
  return undefined;
}

function convertArray(ctx: BuildContext, raw: RawSchema, pointer: string, hint: NameHint): TypeNode {
  const prefix = Array.isArray(raw.prefixItems) ? raw.prefixItems : Array.isArray(raw.items) ? raw.items : undefined;
  if (prefix === undefined)
    return { kind: "array", items: convertSchema(ctx, raw.items, joinPointer(pointer, "items"), [...hint, "Item"]) };
  const keyword = Array.isArray(raw.prefixItems) ? "prefixItems" : "items";
  const items = prefix.map((item, i) => convertSchema(ctx, item, joinPointer(pointer, keyword, i), [...hint, `Item${i}`]));
  // After prefixItems, `items` types the rest (absent: anything; false: nothing more).
  const rest =
    keyword === "prefixItems" && raw.items !== undefined && raw.items !== false
      ? convertSchema(ctx, raw.items, joinPointer(pointer, "items"), [...hint, "Item"])
      : undefined;
  return rest ? { kind: "tuple", items, rest } : { kind: "tuple", items };
}

function convertObject(ctx: BuildContext, raw: RawSchema, pointer: string, hint: NameHint): TypeNode {
  const required = new Set(Array.isArray(raw.required) ? raw.required.filter((r) => typeof r === "string") : []);
  const properties: Property[] = [];
  if (isRecord(raw.properties)) {
    for (const [name, schema] of Object.entries(raw.properties)) {
      const at = joinPointer(pointer, "properties", name);
      const property: Property = {
        name,
        type: convertSchema(ctx, schema, at, [...hint, name]),
        required: required.has(name),
        doc: isRecord(schema) ? docOf(schema, name) : {},
        pointer: at,
      };
      const access = accessOf(ctx, schema);
      if (access) property.access = access;
      properties.push(property);
    }
  }
  // `{type: object}` alone is any object: an index signature of unknown, not `{}` (which admits
  // strings); with `additionalProperties: false` it is the empty object.
  const empty: TypeNode | undefined =
    properties.length === 0 ? (raw.additionalProperties === false ? { kind: "never" } : UNKNOWN) : undefined;
  const additional = additionalType(ctx, raw, pointer, hint) ?? empty;
  return additional === undefined ? { kind: "object", properties } : { kind: "object", properties, additional };
}

/** The type of undeclared properties: `additionalProperties`, joined by every `patternProperties` schema. */
function additionalType(ctx: BuildContext, raw: RawSchema, pointer: string, hint: NameHint): TypeNode | undefined {
  const extra = raw.additionalProperties;
  const types: TypeNode[] = [];
  if (extra === true || (isRecord(extra) && Object.keys(extra).length === 0)) types.push(UNKNOWN);
  else if (isRecord(extra)) types.push(convertSchema(ctx, extra, joinPointer(pointer, "additionalProperties"), [...hint, "Value"]));
  if (isRecord(raw.patternProperties)) {
    for (const [pattern, schema] of Object.entries(raw.patternProperties)) {
      types.push(convertSchema(ctx, schema, joinPointer(pointer, "patternProperties", pattern), [...hint, "Value"]));
    }
  }
  if (types.length === 0) return undefined;
  return types.some((t) => t.kind === "unknown") ? UNKNOWN : types.length === 1 ? types[0] : { kind: "union", members: types };
}

function convertAllOf(ctx: BuildContext, raw: RawSchema, pointer: string, hint: NameHint): TypeNode {
  const rawMembers = raw.allOf as unknown[];
  const members = rawMembers.flatMap((m, i): TypeNode[] => {
    // A member that only lists `required` is applied to the others below.
    if (isRequiredOnly(m)) return [];
    // A child extends a discriminator parent's own properties, not the union of its children.
    const parent = ctx.parents.get(localRef(m) ?? "");
    return [parent ? { kind: "ref", target: parent.baseId } : convertSchema(ctx, m, joinPointer(pointer, "allOf", i), hint)];
  });
  if (hasObjectKeywords(raw)) members.push(convertObject(ctx, raw, pointer, hint));
  applyRequired(ctx, members, rawMembers, requiredNames(ctx, raw));
  return members.length === 0 ? UNKNOWN : members.length === 1 ? members[0]! : { kind: "intersection", members };
}

/**
 * `required` names over the members of an allOf: marked where an inline member declares them, and
 * pinned (copied in once all schemas exist) where only a referenced member does, optionally.
 */
function applyRequired(ctx: BuildContext, members: TypeNode[], rawMembers: unknown[], names: Set<string>): void {
  if (names.size === 0) return;
  const inline = new Set<string>();
  for (const member of members) requireInline(member, names).forEach((n) => inline.add(n));
  const missing = [...names].filter((name) => {
    if (inline.has(name)) return false;
    const found = rawMembers.map((m) => declaration(ctx, m, name));
    return found.includes("optional") && !found.includes("required");
  });
  if (missing.length === 0) return;
  let node = members.findLast((m): m is ObjectNode => m.kind === "object");
  if (!node) members.push((node = { kind: "object", properties: [] }));
  const target = node;
  ctx.requiredPins.push({ node: target, names: missing, context: members.filter((m) => m !== target) });
}

/**
 * A `$ref` names a schema: a component stays a reference; any other local target (`$defs`, a
 * property of another schema) becomes a named schema of its own, converted once however often it
 * is used, which keeps recursion finite and output linear in the spec.
 */
function convertRef(ctx: BuildContext, raw: RawSchema): TypeNode {
  const target = localRef(raw);
  // Non-local and dangling refs were reported by validate/refs.ts.
  const resolved = target === undefined ? undefined : resolvePointer(ctx.root, target);
  if (target === undefined || resolved === undefined) return UNKNOWN;
  if (isComponentSchemaPointer(target)) return { kind: "ref", target };
  return convertNamed(ctx, resolved, target, refNameHint(target), "referenced");
}

const SCHEMA_KEYWORDS = new Set([
  "components",
  "schemas",
  "properties",
  "items",
  "prefixItems",
  "additionalProperties",
  "allOf",
  "oneOf",
  "anyOf",
  "not",
  "$defs",
  "definitions",
  "paths",
  "content",
  "schema",
  "parameters",
  "responses",
  "requestBody",
]);

/** `/components/schemas/Defs/properties/level` -> ["Defs", "level"]: the named steps of the pointer. */
const refNameHint = (pointer: string): NameHint => {
  const named = splitPointer(pointer).filter((s) => !SCHEMA_KEYWORDS.has(s) && !/^\d+$/.test(s));
  return named.length > 0 ? named : ["Schema"];
};
