// What TypeScript says about code written against an older type once it meets the newer one.
import type { Direction, Severity } from "../../generator/changes/model.js";
import { ts } from "./compile.js";
import { keepsProperties } from "./keeps-properties.js";
import { openlyAssignable } from "./open-assignable.js";

const RANK: Record<Severity, number> = { "non-breaking": 0, notice: 1, breaking: 2 };
export const worst = (list: Severity[]): Severity => list.reduce<Severity>((a, b) => (RANK[b] > RANK[a] ? b : a), "non-breaking");

/**
 * A request (the function's arguments) must take the older value: old assignable to new. A
 * response (a result, an error, data read) must be read as before: new assignable to old, or
 * only new enum values and tagged variants in the way (a notice). Either way no property of the
 * older type may be gone. A type the older client did not export (no error statuses yet) was
 * never written against; one the newer lacks is gone.
 */
export function compilerVerdict(checker: ts.TypeChecker, was: ts.Type, now: ts.Type, direction: Direction): Severity {
  const missing = (t: ts.Type): boolean => (t.flags & ts.TypeFlags.Any) !== 0;
  if (missing(was)) return "non-breaking";
  if (missing(now)) return "breaking";
  const request = (): Severity =>
    keepsProperties(checker, was, now, "request") && checker.isTypeAssignableTo(was, now) ? "non-breaking" : "breaking";
  const response = (): Severity => {
    if (!keepsProperties(checker, was, now, "response")) return "breaking";
    if (checker.isTypeAssignableTo(now, was)) return "non-breaking";
    return openlyAssignable(checker, now, was) ? "notice" : "breaking";
  };
  return direction === "request" ? request() : direction === "response" ? response() : worst([request(), response()]);
}

/** The older function is still exported under its name, and its client method is where it was. */
export function namesKept(checker: ts.TypeChecker, fn: ts.Type, client: ts.Type, path: string[]): boolean {
  if (fn.flags & ts.TypeFlags.Any) return false;
  let type = client;
  for (const segment of path) {
    const property = type.getProperty(segment);
    if (!property) return false;
    type = checker.getTypeOfSymbol(property);
  }
  return type.getCallSignatures().length > 0;
}
