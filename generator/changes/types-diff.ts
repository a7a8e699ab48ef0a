import { isAssumed, type ObjectModel, type TypeModel } from "./model.js";
import { memberPath, own, type Compare, type Site } from "./site.js";
import { fits } from "./fits.js";
import { describe, discriminatorOf, equivalent, membersOf, resolve } from "./structure.js";
import { referenceChanged, referencesInside } from "./references-diff.js";
import { pairMembers, diffAlternatives } from "./unions-diff.js";

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

/**
 * Compares two types at one site, reporting each difference a client of the generated code can
 * see. Types TypeScript treats as the same are not compared further (see structure.ts); unions
 * are compared by their members, however deeply the spec nests them, so `X | null` against `X`
 * is a nullability change and `"a" | "b"` against `"a"` an enum value, not a different type.
 */
export function diffTypes(before: TypeModel, after: TypeModel, site: Site, cx: Compare): void {
  if (same(before, after)) return;
  const b = membersOf(before);
  const a = membersOf(after);
  if (equivalent(before, after, cx.models)) return referencesInside(before, after, site, cx);
  const nullBefore = b.some((m) => m.type.kind === "null");
  const nullAfter = a.some((m) => m.type.kind === "null");
  if (!nullBefore && nullAfter) cx.emit("nullable-added", site, "can now be null");
  if (nullBefore && !nullAfter) cx.emit("nullable-removed", site, "can no longer be null");
  if (before.kind === "union" && after.kind === "union") diffDiscriminators(discriminatorOf(before), discriminatorOf(after), site, cx);
  const bm = b.filter((m) => m.type.kind !== "null");
  const am = a.filter((m) => m.type.kind !== "null");
  if (bm.length === 1 && am.length === 1) return diffSingle(bm[0]!.type, am[0]!.type, site, cx);
  const { equal, pairs, removed, added, older } = pairMembers(bm, am, cx.models);
  for (const [x, y] of equal) referenceChanged(x.type, y.type, site, cx);
  for (const [x, y] of pairs) {
    if (x.tag && y.tag && JSON.stringify(x.tag) !== JSON.stringify(y.tag)) {
      const message = `the discriminator value of ${describe(y.type)} changed from ${x.tag.join(", ")} to ${y.tag.join(", ")}`;
      cx.emit("discriminator-changed", site, message);
    }
    diffSingle(x.type, y.type, site, cx);
  }
  diffAlternatives(removed, added, older, site, cx);
}

function diffDiscriminators(before: string | undefined, after: string | undefined, site: Site, cx: Compare): void {
  if (before === after) return;
  if (before === undefined) cx.emit("discriminator-added", site, `now discriminated by "${after}"`);
  else if (after === undefined) cx.emit("discriminator-removed", site, `no longer discriminated by "${before}"`);
  else cx.emit("discriminator-changed", site, `the discriminator property changed from "${before}" to "${after}"`);
}

const isObjectish = (t: TypeModel): boolean => t.kind === "object" || t.kind === "intersection";
const alike = (x: TypeModel, y: TypeModel): boolean =>
  (isObjectish(x) && isObjectish(y)) || (x.kind === y.kind && (x.kind === "array" || x.kind === "tuple"));

/**
 * One alternative on each side (nulls aside), or two paired as the same one. A reference is
 * compared by what it names when the other side spells it otherwise or names another component.
 */
function diffSingle(x: TypeModel, y: TypeModel, site: Site, cx: Compare): void {
  referenceChanged(x, y, site, cx);
  if (x.kind === "ref" || y.kind === "ref") {
    const a = resolve(x, cx.models.base);
    const b = resolve(y, cx.models.head);
    // The same component on both sides is compared at the component; a pair already open is a recursive schema.
    if ((x.kind === "ref" && y.kind === "ref" && x.schema === y.schema) || isAssumed(cx.open, x, y)) return;
    // Objects are compared property by property, enums value by value; other types by what they allow, under their names.
    if (a.kind !== "ref" && b.kind !== "ref" && (alike(a, b) || (a.kind === "union" && b.kind === "union"))) {
      const inner: Compare = { ...cx, open: [...cx.open, [x, y]] };
      if (alike(a, b)) diffAlike(a, b, site, inner);
      else diffTypes(a, b, site, inner);
      return;
    }
  } else if (alike(x, y)) return diffAlike(x, y, site, cx);
  if (equivalent(x, y, cx.models)) return;
  const kind = fits(x, y, "widen", cx.models) ? "type-widened" : fits(x, y, "narrow", cx.models) ? "type-narrowed" : "type-changed";
  cx.emit(kind, site, `${kind.slice("type-".length)} from ${describe(x)} to ${describe(y)}`);
}

/** Two alternatives of the same kind; a hoisted schema becomes the identifier of what is inside it. */
function diffAlike(x: TypeModel, y: TypeModel, site: Site, cx: Compare): void {
  if (isObjectish(x) && isObjectish(y)) {
    const [xName, yName] = [x.kind === "object" || x.kind === "intersection" ? x.name : undefined, (y as ObjectModel).name];
    if (xName && yName && xName !== yName) cx.emit("type-renamed", site, `the generated type ${xName} is now ${yName}`);
    const named = y as ObjectModel;
    const inner = yName ? { ...site, identifier: yName, member: "", pointer: named.pointer ?? site.pointer } : site;
    if (x.kind === "object" && y.kind === "object") diffObjects(x, y, inner, cx);
    else if (x.kind === "intersection" && y.kind === "intersection" && x.members.length === y.members.length) {
      x.members.forEach((m, i) => diffTypes(m, y.members[i]!, inner, cx));
    } else if (!equivalent(x, y, cx.models)) cx.emit("type-changed", inner, `changed from ${describe(x)} to ${describe(y)}`);
  } else if (x.kind === "array" && y.kind === "array") {
    diffTypes(x.items, y.items, { ...site, member: memberPath(site.member, "[]") }, cx);
  } else if (x.kind === "tuple" && y.kind === "tuple") {
    if (x.items.length !== y.items.length || !x.rest !== !y.rest)
      cx.emit("type-changed", site, `changed from ${describe(x)} to ${describe(y)}`);
    else {
      x.items.forEach((item, i) => diffTypes(item, y.items[i]!, { ...site, member: memberPath(site.member, `[${i}]`) }, cx));
      if (x.rest && y.rest) diffTypes(x.rest, y.rest, { ...site, member: memberPath(site.member, "[]") }, cx);
    }
  }
}

function diffObjects(x: ObjectModel, y: ObjectModel, site: Site, cx: Compare): void {
  const names = [...new Set([...Object.keys(x.properties), ...Object.keys(y.properties)])].sort();
  for (const name of names) {
    const p = own(x.properties, name);
    const q = own(y.properties, name);
    const access = (q ?? p)!.access;
    // A read-only property only ever flows in responses, a write-only one in requests.
    const direction = access === undefined || site.direction !== "both" ? site.direction : access === "readOnly" ? "response" : "request";
    const at = { ...site, direction, member: memberPath(site.member, name), pointer: (q ?? p)!.pointer || site.pointer };
    if (!p)
      cx.emit(q!.required ? "required-property-added" : "property-added", at, `new ${q!.required ? "required" : "optional"} property`);
    else if (!q) {
      // Still accepted as any other property: written as before, but read as the map's type, maybe absent.
      if (y.additional && fits(p.type, y.additional, "widen", cx.models))
        cx.emit("property-now-optional", at, `property removed; it is now any other property (${describe(y.additional)})`);
      else cx.emit("property-removed", at, "property removed");
    } else {
      if (p.required && !q.required) cx.emit("property-now-optional", at, "property is now optional");
      if (!p.required && q.required) cx.emit("property-now-required", at, "property is now required");
      diffTypes(p.type, q.type, at, cx);
    }
  }
  const extra = { ...site, member: memberPath(site.member, "[key: string]") };
  if (x.additional && y.additional) diffTypes(x.additional, y.additional, extra, cx);
  else if (y.additional) cx.emit("property-added", extra, "now accepts any other property");
  else if (x.additional) cx.emit("property-removed", extra, "no longer accepts other properties");
}
