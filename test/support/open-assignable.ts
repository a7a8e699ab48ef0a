// Assignability with open enums and open tagged unions, on TypeScript's own types: what the
// change report calls a "notice" in a response. `source` (the newer type) fits `target` (the
// older) when TypeScript says so, or when every place it does not is a new enum value or a new
// variant of a tagged union, compared structurally (properties, array items, type arguments).
import { ts } from "./compile.js";
import {
  commonTags,
  discriminants,
  isObject,
  LITERAL,
  members,
  memoized,
  overlaps,
  primitive,
  propertyOf,
  tags,
  type Memo,
} from "./ts-types.js";

/** `source` is a new variant beside `objects`: it has their common tag, with values none of them has. */
function newVariant(checker: ts.TypeChecker, source: ts.Type, objects: readonly ts.Type[]): boolean {
  if (!isObject(checker, source) || objects.length === 0) return false;
  const own = tags(checker, source);
  return [...commonTags(checker, objects)].some((tag) => own.has(tag) && objects.every((t) => !overlaps(checker, source, t, tag)));
}

/**
 * `alternative`: `target` is one alternative of a union that `source` is compared with, told
 * apart by the tags given; `source` fits it only as that alternative changed, with the same tag
 * values. Whether it is a new variant is judged against the whole union.
 */
export function openlyAssignable(
  checker: ts.TypeChecker,
  source: ts.Type,
  target: ts.Type,
  memo: Memo = new Map(),
  alternative?: ReadonlySet<string>,
): boolean {
  if (checker.isTypeAssignableTo(source, target)) return true;
  const variant = alternative ? `:${[...alternative].join(",")}` : "";
  return memoized(memo, source, target, () => openly(checker, source, target, memo, alternative), variant);
}

function openly(checker: ts.TypeChecker, source: ts.Type, target: ts.Type, memo: Memo, alternative?: ReadonlySet<string>): boolean {
  const relate = (s: ts.Type, t: ts.Type): boolean => openlyAssignable(checker, s, t, memo);
  // A new alternative beside the one object the older type was (`A` -> `A | B`) is a new variant if tagged so.
  if (source.isUnion())
    return source.types.every((s) => relate(s, target) || (isObject(checker, target) && newVariant(checker, s, [target])));
  if (target.isUnion()) {
    // Objects are told apart from primitives by `typeof`, and from each other by their tags.
    const objects = target.types.filter((t) => isObject(checker, t));
    const tagged = discriminants(checker, objects);
    if (target.types.some((t) => openlyAssignable(checker, source, t, memo, tagged))) return true;
    if (source.flags & LITERAL) return target.types.some((t) => t.flags & LITERAL && primitive(t) === primitive(source));
    return newVariant(checker, source, objects);
  }
  if (source.flags & LITERAL && target.flags & LITERAL) return alternative === undefined && primitive(source) === primitive(target);
  if (checker.isArrayType(source) && checker.isArrayType(target))
    return relate(checker.getTypeArguments(source as ts.TypeReference)[0]!, checker.getTypeArguments(target as ts.TypeReference)[0]!);
  // Generic wrappers of one kind (`AsyncIterable<T>`, `ApiError<S, B>`): their type arguments.
  const [sRef, tRef] = [source as ts.TypeReference, target as ts.TypeReference];
  if (sRef.target !== undefined && sRef.target === tRef.target) {
    const [sArgs, tArgs] = [checker.getTypeArguments(sRef), checker.getTypeArguments(tRef)];
    return sArgs.length === tArgs.length && sArgs.every((a, i) => relate(a, tArgs[i]!));
  }
  if (!isObject(checker, source) || !isObject(checker, target)) return false;
  for (const property of checker.getPropertiesOfType(target)) {
    const found = propertyOf(checker, source, property);
    const optional = !!(property.flags & ts.SymbolFlags.Optional);
    if (!found) {
      if (optional) continue;
      return false;
    }
    if (found.flags & ts.SymbolFlags.Optional && !optional) return false;
    const [s, t] = [checker.getTypeOfSymbol(found), checker.getTypeOfSymbol(property)];
    // The union's tag, or a constant of the alternative, says which alternative this is: it must match exactly.
    const constant = members(t).filter((m) => !(m.flags & ts.TypeFlags.Undefined));
    const identifies =
      alternative?.has(String(property.escapedName)) ||
      (alternative !== undefined && constant.length === 1 && constant[0]!.flags & LITERAL);
    if (identifies && !checker.isTypeAssignableTo(s, t)) return false;
    // An optional property may be absent on both sides: its `undefined` is no difference.
    if (!members(s).every((m) => (optional && m.flags & ts.TypeFlags.Undefined) || relate(m, t))) return false;
  }
  const index = checker.getIndexInfoOfType(target, ts.IndexKind.String);
  const own = checker.getIndexInfoOfType(source, ts.IndexKind.String);
  return index === undefined || (own !== undefined && relate(own.type, index.type));
}
