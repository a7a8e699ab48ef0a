import { type BuildContext, type RawSchema } from "./context.js";
import { isRecord } from "../records.js";
import { deref } from "./deref.js";
import { flattenObject } from "./flatten.js";
import type { ObjectNode, Property, TypeNode } from "./model.js";

/**
 * JSON Schema's `required` is about the whole instance, wherever the list sits and wherever the
 * property is declared: `{allOf: [{$ref: Base}], required: [id]}`, `allOf: [{$ref: Base},
 * {required: [id]}]` and `{properties: {a, b}, anyOf: [{required: [a]}, {required: [b]}]}` all
 * make properties declared elsewhere required. What an inline part declares is marked required
 * where it is converted; what a referenced schema declares is copied in, required, once every
 * schema exists (see applyRequiredPins), since references are converted lazily.
 */
export interface RequiredPin {
  /** An inline object of the intersection or union branch, which receives the copies. */
  node: ObjectNode;
  names: string[];
  /** Where the properties are declared. */
  context: TypeNode[];
}

const MAX_DEPTH = 16;

/** A member that says nothing but `required` (and documentation): a constraint on its siblings' properties. */
export function isRequiredOnly(raw: unknown): raw is RawSchema & { required: string[] } {
  return (
    isRecord(raw) &&
    Array.isArray(raw.required) &&
    Object.keys(raw).every((k) => k === "required" || k === "description" || k === "title" || k.startsWith("x-"))
  );
}

/** The names a schema requires: its own `required` and those of its `allOf` members, `$ref`s followed. */
export function requiredNames(ctx: BuildContext, raw: unknown, depth = 0): Set<string> {
  const schema = deref(ctx, raw);
  const names = new Set<string>();
  if (!isRecord(schema) || depth > MAX_DEPTH) return names;
  for (const name of Array.isArray(schema.required) ? schema.required : []) if (typeof name === "string") names.add(name);
  for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) requiredNames(ctx, member, depth + 1).forEach((n) => names.add(n));
  return names;
}

/** Whether some part of `raw` (its properties, or its allOf members, `$ref`s followed) declares `name`, and requires it. */
export function declaration(ctx: BuildContext, raw: unknown, name: string, depth = 0): "required" | "optional" | undefined {
  const schema = deref(ctx, raw);
  if (!isRecord(schema) || depth > MAX_DEPTH) return undefined;
  let found: "required" | "optional" | undefined;
  if (isRecord(schema.properties) && Object.hasOwn(schema.properties, name))
    found = requiredNames(ctx, schema).has(name) ? "required" : "optional";
  for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const inMember = declaration(ctx, member, name, depth + 1);
    if (inMember === "required") return inMember;
    found ??= inMember;
  }
  return found;
}

/** Marks `names` required in the inline objects of `node` (an object, or an intersection of them); returns the names it found. */
export function requireInline(node: TypeNode, names: Set<string>): Set<string> {
  const found = new Set<string>();
  if (node.kind === "object") {
    node.properties.forEach((p, i) => {
      if (!names.has(p.name)) return;
      found.add(p.name);
      if (!p.required) node.properties[i] = { ...p, required: true };
    });
  } else if (node.kind === "intersection") {
    for (const member of node.members) requireInline(member, names).forEach((n) => found.add(n));
  }
  return found;
}

/** Copies each pinned property from where it is declared, required, into its pin's node. Run once all schemas exist. */
export function applyRequiredPins(ctx: BuildContext): void {
  const byId = new Map(ctx.schemas.map((s) => [s.id, s]));
  for (const pin of ctx.requiredPins) {
    const declared = new Map<string, Property>();
    // Later members' declarations win, as in flattenObject.
    for (const member of pin.context) for (const p of flattenObject(member, byId)?.properties ?? []) declared.set(p.name, p);
    for (const name of pin.names) {
      const property = declared.get(name);
      if (property && !pin.node.properties.some((p) => p.name === name)) pin.node.properties.push({ ...property, required: true });
    }
  }
}

/**
 * Whether some schema in `raw` (at any depth) may have properties copied in from another schema
 * by applyRequiredPins: an allOf with a `$ref` member and a `required` list, or a union member that
 * only lists `required`. An edit of the other schema then changes this one too.
 */
export function copiesRequired(raw: unknown, depth = 0): boolean {
  if (Array.isArray(raw)) return raw.some((item) => copiesRequired(item, depth + 1));
  if (!isRecord(raw) || depth > 64) return false;
  const members = Array.isArray(raw.allOf) ? raw.allOf : [];
  const lists = Array.isArray(raw.required) || members.some((m) => isRecord(m) && Array.isArray(m.required));
  if (lists && members.some((m) => isRecord(m) && typeof m.$ref === "string")) return true;
  if ([raw.anyOf, raw.oneOf].some((u) => Array.isArray(u) && u.some(isRequiredOnly))) return true;
  return Object.values(raw).some((value) => typeof value === "object" && value !== null && copiesRequired(value, depth + 1));
}
