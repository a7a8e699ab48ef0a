// Small readers of TypeScript's checker types, for the compatibility oracle (compat-oracle.ts).
import { ts } from "./compile.js";

export const LITERAL = ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BooleanLiteral | ts.TypeFlags.BigIntLiteral;

/** The primitive a literal belongs to, so that `"c"` joins `"a" | "b"` but not `1 | 2`. */
export const primitive = (t: ts.Type): number =>
  t.flags & ts.TypeFlags.StringLiteral
    ? 1
    : t.flags & ts.TypeFlags.NumberLiteral
      ? 2
      : t.flags & ts.TypeFlags.BooleanLiteral
        ? 3
        : t.flags & ts.TypeFlags.BigIntLiteral
          ? 4
          : 0;

/** The alternatives of a type (`boolean` is `true | false` to the checker). */
export const members = (t: ts.Type): readonly ts.Type[] => (t.isUnion() ? t.types : [t]);

/**
 * A property by its escaped name, as symbols hold it: `getPropertyOfType` escapes the name it is
 * given once more, and misses `__proto__`-like names and `[Symbol.asyncIterator]`.
 */
export const propertyNamed = (checker: ts.TypeChecker, t: ts.Type, name: string): ts.Symbol | undefined =>
  checker.getPropertiesOfType(t).find((q) => q.escapedName === name);

export const propertyOf = (checker: ts.TypeChecker, t: ts.Type, of: ts.Symbol): ts.Symbol | undefined =>
  propertyNamed(checker, t, String(of.escapedName));

/** An object type read by property: not an array, a tuple or a function. */
export const isObject = (checker: ts.TypeChecker, t: ts.Type): boolean =>
  !!(t.flags & ts.TypeFlags.Object) && !checker.isArrayType(t) && !checker.isTupleType(t) && t.getCallSignatures().length === 0;

/** Required properties with a literal (or literal union) type: what code tells alternatives apart by. */
export function tags(checker: ts.TypeChecker, t: ts.Type): Set<string> {
  const found = new Set<string>();
  for (const p of checker.getPropertiesOfType(t)) {
    if (p.flags & ts.SymbolFlags.Optional) continue;
    if (members(checker.getTypeOfSymbol(p)).every((m) => m.flags & LITERAL)) found.add(String(p.escapedName));
  }
  return found;
}

/** The tag properties every one of `objects` has. */
export function commonTags(checker: ts.TypeChecker, objects: readonly ts.Type[]): Set<string> {
  const [first, ...rest] = objects.map((t) => tags(checker, t));
  return new Set([...(first ?? [])].filter((tag) => rest.every((set) => set.has(tag))));
}

/**
 * The properties TypeScript tells the alternatives of a union apart by: each of `objects` has it
 * (optional or not) with constant values, and no two share a value.
 */
export function discriminants(checker: ts.TypeChecker, objects: readonly ts.Type[]): Set<string> {
  if (objects.length < 2) return new Set();
  const values = (t: ts.Type, name: string): ts.Type[] | undefined => {
    const p = propertyNamed(checker, t, name);
    const list = p ? members(checker.getTypeOfSymbol(p)).filter((m) => !(m.flags & ts.TypeFlags.Undefined)) : [];
    return list.length > 0 && list.every((m) => m.flags & LITERAL) ? list : undefined;
  };
  const names = checker.getPropertiesOfType(objects[0]!).map((p) => String(p.escapedName));
  return new Set(
    names.filter((name) => {
      const sets = objects.map((t) => values(t, name));
      if (sets.some((set) => set === undefined)) return false;
      const seen = new Set<ts.Type>();
      return sets.every((set) => set!.every((v) => !seen.has(v) && seen.add(v)));
    }),
  );
}

const tagOf = (checker: ts.TypeChecker, t: ts.Type, tag: string): ts.Type => checker.getTypeOfSymbol(propertyNamed(checker, t, tag)!);

/** Some value of `a`'s tag is a value of `b`'s. */
export const overlaps = (checker: ts.TypeChecker, a: ts.Type, b: ts.Type, tag: string): boolean =>
  members(tagOf(checker, a, tag)).some((value) => checker.isTypeAssignableTo(value, tagOf(checker, b, tag)));

/** `a` and `b` have a tag property in common, with a value in common: one is what the other became. */
export function sharesTagValue(checker: ts.TypeChecker, a: ts.Type, b: ts.Type): boolean {
  const inB = tags(checker, b);
  return [...tags(checker, a)].some((tag) => inB.has(tag) && overlaps(checker, a, b, tag));
}

/**
 * Results by pair of type ids. A pair being compared counts as related meanwhile (recursive
 * types); a finished pair keeps its result, false included.
 */
export type Memo = Map<string, boolean>;

export function memoized(memo: Memo, a: ts.Type, b: ts.Type, compute: () => boolean, variant = ""): boolean {
  const key = `${(a as { id?: number }).id}:${(b as { id?: number }).id}${variant}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  memo.set(key, true);
  const result = compute();
  memo.set(key, result);
  return result;
}
