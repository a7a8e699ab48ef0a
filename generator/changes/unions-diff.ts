import type { Models, Schemas, TypeModel } from "./model.js";
import type { Compare, Site } from "./site.js";
import { fits } from "./fits.js";
import { commonTags, describe, equivalent, isObjectLike, membersOf, resolve, tagsOf, tagValues, type Member } from "./structure.js";

/**
 * Ways to recognise the same alternative on both sides, tried in turn: the same component, the
 * same discriminator value (a variant whose component was renamed or split by direction), the
 * same enum value, the same hoisted name, then the same kind (`string`, an array...).
 */
const KEYS: ((m: Member) => string | undefined)[] = [
  ({ type }) => (type.kind === "ref" ? type.schema : undefined),
  ({ tag }) => (tag ? JSON.stringify(tag) : undefined),
  ({ type }) => (type.kind === "literal" ? JSON.stringify(type.value) : undefined),
  ({ type }) => ((type.kind === "object" || type.kind === "intersection") && type.name ? type.name : undefined),
  ({ type }) => (type.kind === "ref" || type.kind === "literal" ? undefined : type.kind === "integer" ? "number" : type.kind),
];

const sameTag = (x: Member, y: Member): boolean => JSON.stringify(x.tag ?? null) === JSON.stringify(y.tag ?? null);

/**
 * A component union that only one side names stands for its members there, when the other side
 * spells them out (`Shape` -> `Circle | Square | Triangle`): TypeScript sees the members.
 */
function expand(members: Member[], other: Member[], schemas: Schemas): Member[] {
  const named = new Set(other.flatMap((m) => (m.type.kind === "ref" ? [m.type.schema] : [])));
  return members.flatMap((m) => {
    if (m.type.kind !== "ref" || named.has(m.type.schema)) return [m];
    const target = resolve(m.type, schemas);
    return target.kind === "union" ? membersOf(target).filter((n) => n.type.kind !== "null") : [m];
  });
}

const isInlineObject = (m: Member): boolean => m.type.kind === "object" || m.type.kind === "intersection";

/**
 * The non-null alternatives of two unions, paired: equal ones (perhaps under another component
 * name), the same alternative changed, paired for a closer look, and the rest, removed or added. `older` is the older
 * union's alternatives, component unions spelled out as in the comparison.
 */
export function pairMembers(
  before: Member[],
  after: Member[],
  models: Models,
): { equal: [Member, Member][]; pairs: [Member, Member][]; removed: TypeModel[]; added: TypeModel[]; older: TypeModel[] } {
  const b = expand(before, after, models.base);
  const a = expand(after, before, models.head);
  const removed = [...b];
  const equal: [Member, Member][] = [];
  const unmatched = a.filter((y) => {
    const i = removed.findIndex((x) => sameTag(x, y) && equivalent(x.type, y.type, models));
    if (i >= 0) equal.push([removed.splice(i, 1)[0]!, y]);
    return i < 0;
  });
  const pairs: [Member, Member][] = [];
  let added = unmatched;
  for (const key of KEYS) {
    added = added.filter((y) => {
      const i = key(y) === undefined ? -1 : removed.findIndex((x) => key(x) === key(y));
      if (i >= 0) pairs.push([removed.splice(i, 1)[0]!, y]);
      return i < 0;
    });
  }
  // One inline object left on each side, under names that moved with their index: the same alternative, changed.
  if (removed.length === 1 && added.length === 1 && isInlineObject(removed[0]!) && isInlineObject(added[0]!))
    pairs.push([removed.pop()!, added.pop()!]);
  return { equal, pairs, removed: removed.map((m) => m.type), added: added.map((m) => m.type), older: b.map((m) => m.type) };
}

/**
 * Alternatives only one side has. A wider one replacing narrower ones is a widening, and the
 * reverse a narrowing. An added enum value or object variant is one of its sort only beside
 * others of that sort in the older union: `"c"` joining `"a" | "b"`, or `C` joining objects that
 * code tells apart by a tag property (one every object alternative, `C` too, gives a constant
 * value, as a discriminator does; primitives beside them are told apart by `typeof`), with a
 * value of its own. Code switching over those meets a case it did not know (a notice, in a
 * response). Anything else is a widening that code written for the older type does not
 * compile against: `string` becoming `Model | string`, `A | null` becoming `A | B | null`
 * (reading a property of `A` stops compiling).
 */
export function diffAlternatives(removed: TypeModel[], added: TypeModel[], older: TypeModel[], site: Site, cx: Compare): void {
  const { base, head } = cx.models;
  const handled = new Set<TypeModel>();
  for (const y of added) {
    const narrower = removed.filter((x) => !handled.has(x) && fits(x, y, "widen", cx.models));
    if (narrower.length === 0) continue;
    cx.emit("type-widened", site, `widened from ${narrower.map(describe).join(" | ")} to ${describe(y)}`);
    for (const t of [y, ...narrower]) handled.add(t);
  }
  for (const x of removed) {
    const narrower = added.filter((y) => !handled.has(y) && fits(x, y, "narrow", cx.models));
    if (handled.has(x) || narrower.length === 0) continue;
    cx.emit("type-narrowed", site, `narrowed from ${describe(x)} to ${narrower.map(describe).join(" | ")}`);
    for (const t of [x, ...narrower]) handled.add(t);
  }
  // Objects are told apart from primitives by `typeof`, and from each other by their tags.
  const objects = older.filter((t) => isObjectLike(t, base));
  const tags = objects.length > 0 ? commonTags(objects, base) : new Set<string>();
  // A new variant has a tag value of its own; one sharing a value is what an older alternative became.
  const isNewVariant = (y: TypeModel): boolean =>
    isObjectLike(y, head) &&
    [...tagsOf(y, head)].some((tag) => {
      if (!tags.has(tag)) return false;
      const known = new Set(objects.flatMap((o) => tagValues(o, tag, base)));
      return tagValues(y, tag, head).every((value) => !known.has(value));
    });
  for (const y of added.filter((t) => !handled.has(t))) {
    if (y.kind === "literal" && older.some((t) => t.kind === "literal" && typeof t.value === typeof y.value))
      cx.emit("value-added", site, `enum value ${describe(y)} added`);
    else if (isNewVariant(y)) cx.emit("variant-added", site, `union variant ${describe(y)} added`);
    else cx.emit("type-widened", site, `now also ${describe(y)}`);
  }
  for (const x of removed.filter((t) => !handled.has(t))) {
    if (x.kind === "literal") cx.emit("value-removed", site, `enum value ${describe(x)} removed`);
    else if (isObjectLike(x, base)) cx.emit("variant-removed", site, `union variant ${describe(x)} removed`);
    else cx.emit("type-narrowed", site, `no longer ${describe(x)}`);
  }
}
