/**
 * Whether code written against an older type still compiles against the newer one, decided on
 * the API model as TypeScript decides it on the generated types. The client writes requests: a
 * request type may only widen, every value of the older type being one of the newer. It reads
 * responses: a response type may only narrow. Either way every property the older type has
 * stays: an object literal setting a removed property is an excess property error, and reading
 * one does not compile.
 */
import { isPrimitive } from "../ir/walk.js";
import { isAssumed, type Assumed, type Models, type TypeModel } from "./model.js";
import { own } from "./site.js";
import { membersOf, resolve } from "./structure.js";

export type Way = "widen" | "narrow";

/**
 * `older` (in the base model) and `newer` (in the head model) are compatible the given way.
 * `declared` says which of them is a declared type (a component or a hoisted schema), which
 * TypeScript prints as an interface: one has no implicit index signature.
 */
export function fits(
  older: TypeModel,
  newer: TypeModel,
  way: Way,
  models: Models,
  assumed: Assumed = [],
  declared: readonly [boolean, boolean] = [false, false],
): boolean {
  if (older.kind === "ref" || newer.kind === "ref") {
    if (older.kind === "ref" && newer.kind === "ref" && older.schema === newer.schema) return true;
    const [o, n] = [resolve(older, models.base), resolve(newer, models.head)];
    if (isAssumed(assumed, older, newer)) return true;
    if (o.kind === "ref" || n.kind === "ref") return false;
    const named: [boolean, boolean] = [declared[0] || older.kind === "ref", declared[1] || newer.kind === "ref"];
    return fits(o, n, way, models, [...assumed, [older, newer]], named);
  }
  const recurse = (o: TypeModel, n: TypeModel): boolean => fits(o, n, way, models, assumed);
  // The side whose every value must belong to the other: the older in a request, the newer in a response.
  const [from, to] = way === "widen" ? [older, newer] : [newer, older];
  if (to.kind === "unknown" || from.kind === "never") return true;
  if (older.kind === "union" || newer.kind === "union") {
    const [olds, news] = [membersOf(older).map((m) => m.type), membersOf(newer).map((m) => m.type)];
    return way === "widen" ? olds.every((o) => news.some((n) => recurse(o, n))) : news.every((n) => olds.some((o) => recurse(o, n)));
  }
  if (from.kind === "literal")
    return to.kind === "literal" ? to.value === from.value : from.value !== null && kindOf(to) === typeof from.value;
  if (to.kind === "literal") return false;
  if (isPrimitive(from) || isPrimitive(to)) return kindOf(from) === kindOf(to);
  if (older.kind === "array" && newer.kind === "array") return recurse(older.items, newer.items);
  if (older.kind === "tuple" && newer.kind === "tuple")
    return (
      older.items.length === newer.items.length &&
      older.items.every((item, i) => recurse(item, newer.items[i]!)) &&
      !older.rest === !newer.rest
    );
  if (older.kind === "object" && newer.kind === "object") {
    // A declared type without an index signature is not assignable to one with (`interface A` to `Record<string, unknown>`).
    const [source, target] = way === "widen" ? [older, newer] : [newer, older];
    const sourceDeclared = (way === "widen" ? declared[0] : declared[1]) || source.name !== undefined;
    if (target.additional !== undefined && source.additional === undefined && sourceDeclared) return false;
    return objectsFit(older, newer, way, recurse);
  }
  if (older.kind === "intersection" && newer.kind === "intersection")
    return older.members.length === newer.members.length && older.members.every((m, i) => recurse(m, newer.members[i]!));
  return false;
}

/** What TypeScript sees: `integer` is `number`, and a literal is its primitive. */
const kindOf = (type: TypeModel): string =>
  type.kind === "integer" ? "number" : type.kind === "literal" ? (type.value === null ? "null" : typeof type.value) : type.kind;

function objectsFit(
  older: Extract<TypeModel, { kind: "object" }>,
  newer: Extract<TypeModel, { kind: "object" }>,
  way: Way,
  recurse: (o: TypeModel, n: TypeModel) => boolean,
): boolean {
  const kept = Object.entries(older.properties).every(([name, p]) => {
    const q = own(newer.properties, name);
    if (q === undefined) return newer.additional !== undefined && recurse(p.type, newer.additional);
    // A request may stop requiring a property and a response start to; not the other way.
    if (way === "widen" ? !p.required && q.required : p.required && !q.required) return false;
    return recurse(p.type, q.type);
  });
  // A property new to a request must be optional for old literals to compile.
  const added = Object.entries(newer.properties).every(
    ([name, q]) => Object.hasOwn(older.properties, name) || way === "narrow" || !q.required,
  );
  // A map stays a map: writing or reading other keys compiles only with an index signature.
  const additional = older.additional === undefined || (newer.additional !== undefined && recurse(older.additional, newer.additional));
  return kept && added && additional;
}
