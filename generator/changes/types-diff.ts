import type { Literal } from "../ir/model.js";
import { isPrimitive } from "../ir/walk.js";
import type { ChangeKind } from "./classify.js";
import type { Direction, ObjectModel, TypeModel } from "./model.js";

/** Where a compared type sits: what a change found there is reported against. */
export interface Site {
  direction: Direction;
  identifier: string;
  member: string;
  pointer: string;
  operation?: string;
  schema?: string;
}

export type Emit = (kind: ChangeKind, site: Site, message: string) => void;

/** A record's own entry: keys come from the spec, so `constructor` or `__proto__` must stay plain data. */
export const own = <T>(record: Record<string, T>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

export const memberPath = (base: string, name: string): string =>
  base === "" ? name : name.startsWith("[") ? base + name : `${base}.${name}`;

/** Structural equality of JSON data, ignoring key order (a recorded model is key-sorted, a fresh one is not). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

interface Member {
  type: TypeModel;
  /** Discriminator values, for a member of a discriminated union. */
  tag?: Literal[];
}

const membersOf = (type: TypeModel): Member[] =>
  type.kind === "union"
    ? type.members.map((m, i) => ({ type: m, ...(type.discriminator?.values[i] ? { tag: type.discriminator.values[i] } : {}) }))
    : [{ type }];

/** Members with the same key are the same alternative, compared further; inline variants are known by their tag. */
function key({ type, tag }: Member): string {
  if (type.kind === "literal") return `literal:${JSON.stringify(type.value)}`;
  if (type.kind === "ref") return `ref:${type.schema}`;
  return tag ? `tag:${JSON.stringify(tag)}` : type.kind;
}

/** Whether every value of `narrow` is a value of `wide`. */
function covers(wide: TypeModel, narrow: TypeModel): boolean {
  if (wide.kind === "unknown") return true;
  if (wide.kind === "number" && narrow.kind === "integer") return true;
  return narrow.kind === "literal" && narrow.value !== null && wide.kind === typeof narrow.value;
}

const isVariant = (type: TypeModel): boolean => type.kind === "ref" || type.kind === "object" || type.kind === "intersection";

export function describe(type: TypeModel): string {
  if (isPrimitive(type)) return type.kind;
  switch (type.kind) {
    case "literal":
      return JSON.stringify(type.value);
    case "ref":
      return type.schema;
    case "array":
      return `${describe(type.items)}[]`;
    case "tuple":
      return `[${[...type.items.map(describe), ...(type.rest ? [`...${describe(type.rest)}[]`] : [])].join(", ")}]`;
    case "union":
      return type.members.map(describe).join(" | ");
    case "intersection":
      return type.name || type.members.map(describe).join(" & ");
    case "object":
      return type.name || type.kind;
  }
}

/**
 * Compares two types at one site, reporting each difference a client of the generated code can
 * see. Alternatives are matched by key, so `X | null` against `X` is a nullability change and
 * `"a" | "b"` against `"a"` an enum value, not a different type.
 */
export function diffTypes(before: TypeModel, after: TypeModel, site: Site, emit: Emit): void {
  if (same(before, after)) return;
  const b = membersOf(before);
  const a = membersOf(after);
  const nullBefore = b.some((m) => m.type.kind === "null");
  const nullAfter = a.some((m) => m.type.kind === "null");
  if (!nullBefore && nullAfter) emit("nullable-added", site, "can now be null");
  if (nullBefore && !nullAfter) emit("nullable-removed", site, "can no longer be null");
  if (before.kind === "union" && after.kind === "union")
    diffDiscriminators(before.discriminator?.property, after.discriminator?.property, site, emit);
  const bm = b.filter((m) => m.type.kind !== "null");
  const am = a.filter((m) => m.type.kind !== "null");
  if (bm.length === 1 && am.length === 1 && key(bm[0]!) !== key(am[0]!)) {
    const [x, y] = [bm[0]!.type, am[0]!.type];
    const kind = covers(y, x) ? "type-widened" : covers(x, y) ? "type-narrowed" : "type-changed";
    emit(kind, site, `${kind.slice("type-".length)} from ${describe(x)} to ${describe(y)}`);
    return;
  }
  const removed = [...bm];
  const added: Member[] = [];
  for (const y of am) {
    const i = removed.findIndex((x) => key(x) === key(y));
    if (i < 0) {
      added.push(y);
      continue;
    }
    const [x] = removed.splice(i, 1);
    if (x!.tag && y.tag && !same(x!.tag, y.tag)) {
      emit(
        "discriminator-changed",
        site,
        `the discriminator value of ${describe(y.type)} changed from ${x!.tag.join(", ")} to ${y.tag.join(", ")}`,
      );
    }
    diffAlike(x!.type, y.type, site, emit);
  }
  diffAlternatives(
    removed.map((m) => m.type),
    added.map((m) => m.type),
    site,
    emit,
  );
}

function diffDiscriminators(before: string | undefined, after: string | undefined, site: Site, emit: Emit): void {
  if (before === after) return;
  if (before === undefined) emit("discriminator-added", site, `now discriminated by "${after}"`);
  else if (after === undefined) emit("discriminator-removed", site, `no longer discriminated by "${before}"`);
  else emit("discriminator-changed", site, `the discriminator property changed from "${before}" to "${after}"`);
}

/** Alternatives only one side has: a wider one replacing narrower ones is a widening, and the reverse a narrowing. */
function diffAlternatives(removed: TypeModel[], added: TypeModel[], site: Site, emit: Emit): void {
  const handled = new Set<TypeModel>();
  for (const y of added) {
    const narrower = removed.filter((x) => !handled.has(x) && covers(y, x));
    if (narrower.length === 0) continue;
    emit("type-widened", site, `widened from ${narrower.map(describe).join(" | ")} to ${describe(y)}`);
    for (const t of [y, ...narrower]) handled.add(t);
  }
  for (const x of removed) {
    const narrower = added.filter((y) => !handled.has(y) && covers(x, y));
    if (handled.has(x) || narrower.length === 0) continue;
    emit("type-narrowed", site, `narrowed from ${describe(x)} to ${narrower.map(describe).join(" | ")}`);
    for (const t of [x, ...narrower]) handled.add(t);
  }
  for (const y of added.filter((t) => !handled.has(t))) {
    if (y.kind === "literal") emit("value-added", site, `enum value ${describe(y)} added`);
    else if (isVariant(y)) emit("variant-added", site, `union variant ${describe(y)} added`);
    else emit("type-widened", site, `now also ${describe(y)}`);
  }
  for (const x of removed.filter((t) => !handled.has(t))) {
    if (x.kind === "literal") emit("value-removed", site, `enum value ${describe(x)} removed`);
    else if (isVariant(x)) emit("variant-removed", site, `union variant ${describe(x)} removed`);
    else emit("type-narrowed", site, `no longer ${describe(x)}`);
  }
}

/** Two alternatives of the same kind; a hoisted schema becomes the identifier of what is inside it. */
function diffAlike(x: TypeModel, y: TypeModel, site: Site, emit: Emit): void {
  if ((x.kind === "object" || x.kind === "intersection") && (y.kind === "object" || y.kind === "intersection")) {
    if (x.name && y.name && x.name !== y.name) emit("type-renamed", site, `the generated type ${x.name} is now ${y.name}`);
    const inner = y.name ? { ...site, identifier: y.name, member: "", pointer: y.pointer ?? site.pointer } : site;
    if (x.kind === "object" && y.kind === "object") diffObjects(x, y, inner, emit);
    else if (x.kind === "intersection" && y.kind === "intersection" && x.members.length === y.members.length) {
      x.members.forEach((m, i) => diffTypes(m, y.members[i]!, inner, emit));
    } else if (!same(x, y)) emit("type-changed", inner, `changed from ${describe(x)} to ${describe(y)}`);
  } else if (x.kind === "array" && y.kind === "array") {
    diffTypes(x.items, y.items, { ...site, member: memberPath(site.member, "[]") }, emit);
  } else if (x.kind === "tuple" && y.kind === "tuple") {
    if (x.items.length !== y.items.length || !x.rest !== !y.rest)
      emit("type-changed", site, `changed from ${describe(x)} to ${describe(y)}`);
    else {
      x.items.forEach((item, i) => diffTypes(item, y.items[i]!, { ...site, member: memberPath(site.member, `[${i}]`) }, emit));
      if (x.rest && y.rest) diffTypes(x.rest, y.rest, { ...site, member: memberPath(site.member, "[]") }, emit);
    }
  }
}

function diffObjects(x: ObjectModel, y: ObjectModel, site: Site, emit: Emit): void {
  const names = [...new Set([...Object.keys(x.properties), ...Object.keys(y.properties)])].sort();
  for (const name of names) {
    const p = own(x.properties, name);
    const q = own(y.properties, name);
    const access = (q ?? p)!.access;
    // A read-only property only ever flows in responses, a write-only one in requests.
    const direction = access === undefined || site.direction !== "both" ? site.direction : access === "readOnly" ? "response" : "request";
    const at = { ...site, direction, member: memberPath(site.member, name), pointer: (q ?? p)!.pointer || site.pointer };
    if (!p) emit(q!.required ? "required-property-added" : "property-added", at, `new ${q!.required ? "required" : "optional"} property`);
    else if (!q) emit("property-removed", at, "property removed");
    else {
      if (p.required && !q.required) emit("property-now-optional", at, "property is now optional");
      if (!p.required && q.required) emit("property-now-required", at, "property is now required");
      diffTypes(p.type, q.type, at, emit);
    }
  }
  const extra = { ...site, member: memberPath(site.member, "[key: string]") };
  if (x.additional && y.additional) diffTypes(x.additional, y.additional, extra, emit);
  else if (y.additional) emit("property-added", extra, "now accepts any other property");
  else if (x.additional) emit("property-removed", extra, "no longer accepts other properties");
}
