// Every property of the older type is still there in the newer one, however deep: assignability
// alone lets a response lose an optional property (reading it stops compiling) and a request
// lose any (an object literal that sets it is an excess property error). A property only an index
// signature now covers is kept when what is written still fits it (a request) or what is read
// fits what was read before (a response).
import { ts } from "./compile.js";
import { isObject, members, memoized, overlaps, propertyOf, sharesTagValue, tags, type Memo } from "./ts-types.js";

export type Flow = "request" | "response";

/** `variant`: `older` is one of several object alternatives, which may have been removed (another variant replacing it). */
export function keepsProperties(
  checker: ts.TypeChecker,
  older: ts.Type,
  newer: ts.Type,
  flow: Flow,
  memo: Memo = new Map(),
  variant = false,
): boolean {
  return memoized(memo, older, newer, () => keepsAll(checker, older, newer, flow, memo, variant), `${flow}${variant ? ":variant" : ""}`);
}

/** Two objects that share a tag property, with no value in common: different variants. */
function otherVariant(checker: ts.TypeChecker, a: ts.Type, b: ts.Type): boolean {
  const inB = tags(checker, b);
  return [...tags(checker, a)].some((tag) => inB.has(tag) && !overlaps(checker, a, b, tag));
}

function keepsAll(checker: ts.TypeChecker, older: ts.Type, newer: ts.Type, flow: Flow, memo: Memo, variant: boolean): boolean {
  const keeps = (o: ts.Type, n: ts.Type): boolean => keepsProperties(checker, o, n, flow, memo);
  const elements = (t: ts.Type) => checker.getTypeArguments(t as ts.TypeReference);
  if (older.isUnion()) {
    const several = older.types.filter((o) => isObject(checker, o)).length > 1;
    return older.types.every((o) => keepsProperties(checker, o, newer, flow, memo, several));
  }
  if (checker.isTupleType(older)) {
    const tuples = members(newer).filter((n) => checker.isTupleType(n));
    return tuples.length === 0 || tuples.some((n) => elements(older).every((e, i) => i >= elements(n).length || keeps(e, elements(n)[i]!)));
  }
  if (checker.isArrayType(older)) {
    const arrays = members(newer).filter((n) => checker.isArrayType(n));
    return arrays.length === 0 || arrays.some((n) => keeps(elements(older)[0]!, elements(n)[0]!));
  }
  if (!isObject(checker, older)) return true;
  // What the older object became: the one object the newer type has, or among several the one with
  // one of its tag values, or one assignable either way. None: it was removed, which is for
  // assignability to judge.
  const objects = members(newer).filter((n) => isObject(checker, n));
  const related = objects.filter(
    (n) => sharesTagValue(checker, older, n) || checker.isTypeAssignableTo(n, older) || checker.isTypeAssignableTo(older, n),
  );
  const replaced = related.length === 0 && objects.length === 1 && !(variant && otherVariant(checker, older, objects[0]!));
  const candidates = replaced ? objects : related;
  const index = checker.getIndexInfoOfType(older, ts.IndexKind.String);
  const kept = (n: ts.Type): boolean => {
    const newIndex = checker.getIndexInfoOfType(n, ts.IndexKind.String);
    // `{}` takes any object literal: TypeScript checks no excess property against it.
    if (flow === "request" && newIndex === undefined && checker.getPropertiesOfType(n).length === 0) return true;
    const properties = checker.getPropertiesOfType(older).every((p) => {
      const q = propertyOf(checker, n, p);
      if (q) return keeps(checker.getTypeOfSymbol(p), checker.getTypeOfSymbol(q));
      if (newIndex === undefined) return false;
      const was = checker.getTypeOfSymbol(p);
      return flow === "request" ? checker.isTypeAssignableTo(was, newIndex.type) : checker.isTypeAssignableTo(newIndex.type, was);
    });
    // Other keys, written or read, need the index signature still.
    return properties && (index === undefined || (newIndex !== undefined && keeps(index.type, newIndex.type)));
  };
  return candidates.length === 0 || candidates.some(kept);
}
