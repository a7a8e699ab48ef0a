/**
 * Types as TypeScript sees them, whatever the spec's spelling: nested unions are one union,
 * `integer` is `number`, and a reference is the type it names. The change report compares
 * through these, so that only what a client of the generated code can notice is a change.
 */
import type { Literal } from "../ir/model.js";
import { isPrimitive } from "../ir/walk.js";
import { isAssumed, type Assumed, type Models, type Schemas, type TypeModel } from "./model.js";
import { own } from "./site.js";

/** An alternative of a union, with its discriminator values when the union that holds it is discriminated. */
export interface Member {
  type: TypeModel;
  tag?: Literal[];
}

/**
 * The alternatives of a type, nested unions flattened: `(A | B) | null` is `A | B | null`
 * (Pydantic's optional union is an `anyOf` holding a discriminated `oneOf`). A component that is
 * a union stays one member: its own changes are reported at the component. `never` adds nothing,
 * and `unknown` absorbs everything.
 */
export function membersOf(type: TypeModel): Member[] {
  if (type.kind !== "union") return type.kind === "never" ? [] : [{ type }];
  const members = type.members.flatMap((m, i): Member[] => {
    if (m.kind === "union") return membersOf(m);
    const tag = type.discriminator?.values[i];
    return m.kind === "never" ? [] : [tag ? { type: m, tag } : { type: m }];
  });
  if (members.some((m) => m.type.kind === "unknown")) return [{ type: { kind: "unknown" } }];
  // `A | A` is `A`: the same alternative reached twice through nested unions counts once.
  const seen = new Set<string>();
  return members.filter((m) => {
    const key = JSON.stringify(m.type);
    return !seen.has(key) && seen.add(key) !== undefined;
  });
}

/**
 * The discriminator property of a union, or of the unions it wraps (`(A | B) | null`, or several
 * unions discriminated by the same property).
 */
export function discriminatorOf(type: TypeModel): string | undefined {
  if (type.kind !== "union") return undefined;
  if (type.discriminator) return type.discriminator.property;
  const inner = type.members.filter((m) => membersOf(m).some((n) => n.type.kind !== "null"));
  const properties = inner.map(discriminatorOf);
  return properties.length > 0 && properties.every((p) => p !== undefined && p === properties[0]) ? properties[0] : undefined;
}

/** What a reference names, through references to references; the reference itself when it dangles or loops. */
export function resolve(type: TypeModel, schemas: Schemas): TypeModel {
  const seen = new Set<string>();
  let current = type;
  while (current.kind === "ref" && !seen.has(current.schema) && Object.hasOwn(schemas, current.schema)) {
    seen.add(current.schema);
    current = schemas[current.schema]!.type;
  }
  return current;
}

/** An object type, or a union of them: what a client reads by property. */
export function isObjectLike(type: TypeModel, schemas: Schemas, seen: ReadonlySet<string> = new Set()): boolean {
  if (type.kind === "ref") {
    if (seen.has(type.schema)) return false;
    const target = resolve(type, schemas);
    return target.kind !== "ref" && isObjectLike(target, schemas, new Set([...seen, type.schema]));
  }
  if (type.kind === "object" || type.kind === "intersection") return true;
  if (type.kind !== "union") return false;
  const members = membersOf(type).filter((m) => m.type.kind !== "null");
  return members.length > 0 && members.every((m) => isObjectLike(m.type, schemas, seen));
}

/** The values of a type all of whose values are constants (a literal, or an enum); undefined for any other type. */
function constants(type: TypeModel, schemas: Schemas): Literal[] | undefined {
  const target = resolve(type, schemas);
  if (target.kind === "literal") return target.value === null ? undefined : [target.value];
  if (target.kind !== "union") return undefined;
  const members = membersOf(target).filter((m) => m.type.kind !== "null");
  const values = members.flatMap((m) => (m.type.kind === "literal" ? [m.type.value] : []));
  return members.length > 0 && values.length === members.length ? values : undefined;
}

const isConstant = (type: TypeModel, schemas: Schemas): boolean => constants(type, schemas) !== undefined;

/** The values an object type (or each alternative of a union of them) gives its tag property. */
export function tagValues(type: TypeModel, tag: string, schemas: Schemas, seen: ReadonlySet<string> = new Set()): Literal[] {
  if (type.kind === "ref") {
    const target = resolve(type, schemas);
    return seen.has(type.schema) || target.kind === "ref" ? [] : tagValues(target, tag, schemas, new Set([...seen, type.schema]));
  }
  if (type.kind === "object") {
    const property = Object.hasOwn(type.properties, tag) ? type.properties[tag] : undefined;
    return property ? (constants(property.type, schemas) ?? []) : [];
  }
  if (type.kind === "intersection" || type.kind === "union") return type.members.flatMap((m) => tagValues(m, tag, schemas, seen));
  return [];
}

/** The required properties of an object type with a constant value; for a union, those all its alternatives have. */
export function tagsOf(type: TypeModel, schemas: Schemas, seen: ReadonlySet<string> = new Set()): Set<string> {
  if (type.kind === "ref") {
    if (seen.has(type.schema)) return new Set();
    const target = resolve(type, schemas);
    return target.kind === "ref" ? new Set() : tagsOf(target, schemas, new Set([...seen, type.schema]));
  }
  if (type.kind === "object")
    return new Set(
      Object.keys(type.properties).filter((k) => type.properties[k]!.required && isConstant(type.properties[k]!.type, schemas)),
    );
  if (type.kind === "intersection") return new Set(type.members.flatMap((m) => [...tagsOf(m, schemas, seen)]));
  if (type.kind !== "union") return new Set();
  return commonTags(
    membersOf(type).flatMap((m) => (m.type.kind === "null" ? [] : [m.type])),
    schemas,
    seen,
  );
}

/** The tag properties every one of `types` has: what code tells them apart by (a `switch` on `type`). */
export function commonTags(types: TypeModel[], schemas: Schemas, seen: ReadonlySet<string> = new Set()): Set<string> {
  const [first, ...rest] = types.map((t) => tagsOf(t, schemas, seen));
  return new Set([...(first ?? [])].filter((tag) => rest.every((tags) => tags.has(tag))));
}

/** The generated name a type is known by where it is used: a hoisted schema's, or the component's it references. */
const nameOf = (type: TypeModel, schemas: Schemas): string | undefined =>
  type.kind === "ref"
    ? own(schemas, type.schema)?.identifier
    : type.kind === "object" || type.kind === "intersection"
      ? type.name
      : undefined;

const sameTag = (a: Member, b: Member): boolean =>
  a.tag === undefined || b.tag === undefined || (a.tag.length === b.tag.length && a.tag.every((v, i) => v === b.tag![i]));

/**
 * Whether `x` (in the older model) and `y` (in the newer) are the same type for TypeScript, and
 * so for code written against it: an inline object and a reference to a component of the same
 * shape are; a reference to the same component is, whatever happened inside it (that is
 * reported at the component). A schema hoisted to a named type keeps its name as part of it:
 * code may import it.
 */
export function equivalent(x: TypeModel, y: TypeModel, models: Models, assumed: Assumed = []): boolean {
  if (x.kind === "ref" && y.kind === "ref" && x.schema === y.schema) return true;
  const hoisted = x.kind === "object" || x.kind === "intersection" ? x.name : undefined;
  if (hoisted !== undefined && nameOf(y, models.head) !== hoisted) return false;
  if (x.kind === "ref" || y.kind === "ref") {
    const a = resolve(x, models.base);
    const b = resolve(y, models.head);
    if (a.kind === "ref" || b.kind === "ref") return false;
    return isAssumed(assumed, x, y) || sameShape(a, b, models, [...assumed, [x, y]]);
  }
  return sameShape(x, y, models, assumed);
}

/** `equivalent` for two types that are not references, their own names left aside. */
function sameShape(x: TypeModel, y: TypeModel, models: Models, assumed: Assumed): boolean {
  if (x.kind === "union" || y.kind === "union") {
    if (discriminatorOf(x) !== discriminatorOf(y)) return false;
    const xs = membersOf(x);
    const ys = membersOf(y);
    const matched = (m: Member, n: Member): boolean => sameTag(m, n) && equivalent(m.type, n.type, models, assumed);
    return xs.every((m) => ys.some((n) => matched(m, n))) && ys.every((n) => xs.some((m) => matched(m, n)));
  }
  const number = (kind: TypeModel["kind"]) => (kind === "integer" ? "number" : kind);
  if (number(x.kind) !== number(y.kind)) return false;
  const eq = (a: TypeModel, b: TypeModel): boolean => equivalent(a, b, models, assumed);
  if (isPrimitive(x)) return true;
  switch (x.kind) {
    case "literal":
      return y.kind === "literal" && x.value === y.value;
    case "array":
      return y.kind === "array" && eq(x.items, y.items);
    case "tuple":
      return (
        y.kind === "tuple" &&
        x.items.length === y.items.length &&
        x.items.every((item, i) => eq(item, y.items[i]!)) &&
        (x.rest === undefined ? y.rest === undefined : y.rest !== undefined && eq(x.rest, y.rest))
      );
    case "object": {
      if (y.kind !== "object") return false;
      const keys = Object.keys(x.properties);
      if (keys.length !== Object.keys(y.properties).length) return false;
      const properties = keys.every((k) => {
        const p = x.properties[k]!;
        const q = own(y.properties, k);
        return q !== undefined && p.required === q.required && p.access === q.access && eq(p.type, q.type);
      });
      const additional =
        x.additional === undefined ? y.additional === undefined : y.additional !== undefined && eq(x.additional, y.additional);
      return properties && additional;
    }
    case "intersection":
      return (
        y.kind === "intersection" &&
        x.members.every((m) => y.members.some((n) => eq(m, n))) &&
        y.members.every((n) => x.members.some((m) => eq(m, n)))
      );
    // Seen through by `equivalent`.
    case "ref":
      return false;
  }
}

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
