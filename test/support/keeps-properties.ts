// Every property of the older type is still there in the newer one, however deep: assignability
// alone lets a response lose an optional property (reading it stops compiling) and a request
// lose any (an object literal that sets it is an excess property error).
import { ts } from "./compile.js";
import { isObject, members, memoized, propertyOf, sharesTagValue, type Memo } from "./ts-types.js";

export function keepsProperties(checker: ts.TypeChecker, older: ts.Type, newer: ts.Type, memo: Memo = new Map()): boolean {
  return memoized(memo, older, newer, () => keepsAll(checker, older, newer, memo));
}

function keepsAll(checker: ts.TypeChecker, older: ts.Type, newer: ts.Type, memo: Memo): boolean {
  const keeps = (o: ts.Type, n: ts.Type): boolean => keepsProperties(checker, o, n, memo);
  const elements = (t: ts.Type) => checker.getTypeArguments(t as ts.TypeReference);
  if (older.isUnion()) return older.types.every((o) => keeps(o, newer));
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
  const candidates =
    objects.length === 1
      ? objects
      : objects.filter(
          (n) => sharesTagValue(checker, older, n) || checker.isTypeAssignableTo(n, older) || checker.isTypeAssignableTo(older, n),
        );
  const index = checker.getIndexInfoOfType(older, ts.IndexKind.String);
  const kept = (n: ts.Type): boolean => {
    const newIndex = checker.getIndexInfoOfType(n, ts.IndexKind.String);
    const properties = checker.getPropertiesOfType(older).every((p) => {
      const q = propertyOf(checker, n, p);
      return q ? keeps(checker.getTypeOfSymbol(p), checker.getTypeOfSymbol(q)) : newIndex !== undefined;
    });
    return properties && (index === undefined || newIndex === undefined || keeps(index.type, newIndex.type));
  };
  return candidates.length === 0 || candidates.some(kept);
}
