// Assignability with open enums and open tagged unions, on TypeScript's own types: what the
// change report calls a "notice" in a response. `source` (the newer type) fits `target` (the
// older) when TypeScript says so, or when every place it does not is a new enum value or a new
// variant of a tagged union, compared structurally (properties, array items, type arguments).
import { ts } from "./compile.js";

const LITERAL = ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLiteral | ts.TypeFlags.BooleanLiteral | ts.TypeFlags.BigIntLiteral;

/** The primitive a literal belongs to, so that `"c"` joins `"a" | "b"` but not `1 | 2`. */
const primitive = (t: ts.Type): number =>
  t.flags & ts.TypeFlags.StringLiteral
    ? 1
    : t.flags & ts.TypeFlags.NumberLiteral
      ? 2
      : t.flags & ts.TypeFlags.BooleanLiteral
        ? 3
        : t.flags & ts.TypeFlags.BigIntLiteral
          ? 4
          : 0;

/** `boolean` is `true | false` to the checker; a union of literals is an enum. */
const members = (t: ts.Type): readonly ts.Type[] => (t.isUnion() ? t.types : [t]);

const isObject = (checker: ts.TypeChecker, t: ts.Type): boolean =>
  !!(t.flags & ts.TypeFlags.Object) && !checker.isArrayType(t) && !checker.isTupleType(t) && t.getCallSignatures().length === 0;

/** Required properties with a literal (or literal union) type: what code tells alternatives apart by. */
function tags(checker: ts.TypeChecker, t: ts.Type): Set<string> {
  const found = new Set<string>();
  for (const p of checker.getPropertiesOfType(t)) {
    if (p.flags & ts.SymbolFlags.Optional) continue;
    const type = checker.getTypeOfSymbol(p);
    if (members(type).every((m) => m.flags & LITERAL)) found.add(p.name);
  }
  return found;
}

/** `source` is a new variant beside `objects`: it has their common tag, with a value none of them has. */
function newVariant(checker: ts.TypeChecker, source: ts.Type, objects: ts.Type[]): boolean {
  if (!isObject(checker, source) || objects.length === 0) return false;
  const [first, ...rest] = objects.map((t) => tags(checker, t));
  const common = [...first!].filter((tag) => rest.every((set) => set.has(tag)) && tags(checker, source).has(tag));
  const tagOf = (t: ts.Type, tag: string): ts.Type => checker.getTypeOfSymbol(checker.getPropertyOfType(t, tag)!);
  return common.some((tag) => objects.every((t) => !checker.isTypeAssignableTo(tagOf(source, tag), tagOf(t, tag))));
}

export function openlyAssignable(checker: ts.TypeChecker, source: ts.Type, target: ts.Type, seen: Set<string> = new Set()): boolean {
  if (checker.isTypeAssignableTo(source, target)) return true;
  const key = `${(source as { id?: number }).id}:${(target as { id?: number }).id}`;
  if (seen.has(key)) return true;
  seen.add(key);
  const relate = (s: ts.Type, t: ts.Type): boolean => openlyAssignable(checker, s, t, seen);
  if (source.isUnion()) return source.types.every((s) => relate(s, target));
  if (target.isUnion()) {
    const alternatives = target.types;
    if (alternatives.some((t) => relate(source, t))) return true;
    if (source.flags & LITERAL) return alternatives.some((t) => t.flags & LITERAL && primitive(t) === primitive(source));
    // Objects are told apart from primitives by `typeof`, and from each other by their tags.
    return newVariant(
      checker,
      source,
      alternatives.filter((t) => isObject(checker, t)),
    );
  }
  if (source.flags & LITERAL && target.flags & LITERAL) return primitive(source) === primitive(target);
  if (checker.isArrayType(source) && checker.isArrayType(target))
    return relate(checker.getTypeArguments(source as ts.TypeReference)[0]!, checker.getTypeArguments(target as ts.TypeReference)[0]!);
  // Generic wrappers of one kind (`AsyncIterable<T>`, `ApiError<S, B>`): their type arguments.
  const [sRef, tRef] = [source as ts.TypeReference, target as ts.TypeReference];
  if (sRef.target !== undefined && sRef.target === tRef.target) {
    const [sArgs, tArgs] = [checker.getTypeArguments(sRef), checker.getTypeArguments(tRef)];
    return sArgs.length === tArgs.length && sArgs.every((a, i) => relate(a, tArgs[i]!));
  }
  if (!isObject(checker, source) || !isObject(checker, target)) return false;
  if (newVariant(checker, source, [target])) return true;
  for (const property of checker.getPropertiesOfType(target)) {
    const found = checker.getPropertyOfType(source, property.name);
    const optional = !!(property.flags & ts.SymbolFlags.Optional);
    if (!found) {
      if (optional) continue;
      return false;
    }
    if (found.flags & ts.SymbolFlags.Optional && !optional) return false;
    const [s, t] = [checker.getTypeOfSymbol(found), checker.getTypeOfSymbol(property)];
    // An optional property may be absent on both sides: its `undefined` is no difference.
    if (!members(s).every((m) => (optional && m.flags & ts.TypeFlags.Undefined) || relate(m, t))) return false;
  }
  const index = checker.getIndexInfoOfType(target, ts.IndexKind.String);
  return index === undefined || checker.getIndexInfoOfType(source, ts.IndexKind.String) !== undefined;
}
