import type { ObjectNode, TypeNode } from "../../ir/model.js";
import type { NameTable } from "../../names/plan.js";
import { call, id, member, str, type Expr } from "../print/tree.js";

/**
 * A boolean expression that is true when `value` has the shape of `node`. Named schemas are
 * checked by calling their own guard, so recursion in the data is followed, not in the generator.
 * Not checked: formats, patterns, lengths and ranges, and properties the schema does not declare.
 */
export function checkExpression(node: TypeNode, value: Expr, names: NameTable, depth = 0, trivial: ReadonlySet<string> = NONE): Expr {
  const check = (inner: TypeNode, target: Expr, level: number): Expr => checkExpression(inner, target, names, level, trivial);
  switch (node.kind) {
    case "unknown":
      return TRUE;
    case "never":
      return FALSE;
    case "string":
    case "number":
    case "boolean":
      return { kind: "binary", operator: "===", left: { kind: "unary", operator: "typeof", argument: value }, right: str(node.kind) };
    case "integer":
      return call(member("Number", "isInteger"), [value]);
    case "null":
      return { kind: "binary", operator: "===", left: value, right: id("null") };
    case "binary":
      return { kind: "binary", operator: "instanceof", left: value, right: id("Blob") };
    case "literal":
      return { kind: "binary", operator: "===", left: value, right: literal(node.value) };
    case "ref":
      // guardedSchemas() closes over references, so every referenced schema has a guard. A schema
      // that admits anything is not called: its guard's false branch would narrow `value` to never.
      return trivial.has(node.target) ? TRUE : call(names.schemas.get(node.target)!.guard!, [value]);
    case "array": {
      const item = `item${depth}`;
      return chain(
        [call(member("Array", "isArray"), [value]), every(member(value, "every"), item, check(node.items, id(item), depth + 1), true)],
        "&&",
      );
    }
    case "tuple": {
      const item = `item${depth}`;
      const length: Expr = {
        kind: "binary",
        operator: node.rest ? ">=" : "===",
        left: member(value, "length"),
        right: { kind: "number", value: node.items.length },
      };
      const positions = node.items
        .map((t, i) => check(t, { kind: "index", object: value, index: { kind: "number", value: i } }, depth + 1))
        .filter((c) => !isTrue(c));
      const rest = node.rest ? check(node.rest, id(item), depth + 1) : TRUE;
      const restCheck = isTrue(rest)
        ? []
        : [every(member(call(member(value, "slice"), [{ kind: "number", value: node.items.length }]), "every"), item, rest, true)];
      return chain([call(member("Array", "isArray"), [value]), length, ...positions, ...restCheck], "&&");
    }
    case "object":
      return objectCheck(node, value, names, depth, trivial);
    case "union": {
      // A member that admits anything makes the union admit anything (and `true || x` would make
      // TypeScript narrow `value` to never inside x).
      const members = node.members.map((m) => check(m, value, depth)).filter((c) => !isFalse(c));
      return members.some(isTrue) ? TRUE : members.length === 0 ? FALSE : chain(members, "||");
    }
    case "intersection": {
      // Object checks first: a guard call before them would narrow `value` to its schema's type,
      // where a property that only another member declares does not exist (TS2339).
      const ordered = [...node.members.filter((m) => m.kind === "object"), ...node.members.filter((m) => m.kind !== "object")];
      const members = ordered.map((m) => check(m, value, depth)).filter((c) => !isTrue(c));
      return members.some(isFalse) ? FALSE : members.length === 0 ? TRUE : chain(members, "&&");
    }
  }
}

const TRUE: Expr = id("true");
const FALSE: Expr = id("false");
export const isTrue = (e: Expr): boolean => e.kind === "id" && e.name === "true";
const isFalse = (e: Expr): boolean => e.kind === "id" && e.name === "false";

const literal = (value: string | number | boolean | null): Expr =>
  typeof value === "string" ? str(value) : typeof value === "number" ? { kind: "number", value } : id(String(value));

/** `callee((item: unknown) => check)`, or `(item) =>` when the item's type is inferred. */
const every = (callee: Expr, item: string, body: Expr, typed: boolean): Expr =>
  call(callee, [{ kind: "arrow", params: [typed ? { name: item, type: { kind: "name", name: "unknown" } } : { name: item }], body }]);

/**
 * Operands joined by `operator`; an operand that is a chain of the same operator is spliced in,
 * so the tree holds each chain once (the printer parenthesizes a chain of the other operator).
 */
export function chain(operands: Expr[], operator: "&&" | "||"): Expr {
  const flat = operands.flatMap((o) => (o.kind === "logical" && o.operator === operator ? o.operands : [o]));
  return flat.length === 1 ? flat[0]! : { kind: "logical", operator, operands: flat };
}

const NONE: ReadonlySet<string> = new Set();

function objectCheck(node: ObjectNode, value: Expr, names: NameTable, depth: number, trivial: ReadonlySet<string>): Expr {
  const parts: Expr[] = [call("isRecord", [value])];
  for (const property of node.properties) {
    const access = member(value, property.name);
    const check = checkExpression(property.type, access, names, depth + 1, trivial);
    const has: Expr = { kind: "binary", operator: "in", left: str(property.name), right: value };
    // With exactOptionalPropertyTypes an optional property is absent or valid, never undefined.
    if (property.required) parts.push(isTrue(check) ? has : check);
    else if (!isTrue(check)) parts.push(chain([{ kind: "unary", operator: "!", argument: has }, check], "||"));
  }
  if (node.additional) {
    const entry = `entry${depth}`;
    const key = `key${depth}`;
    const check = checkExpression(node.additional, id(entry), names, depth + 1, trivial);
    if (!isTrue(check) && node.properties.length === 0) {
      parts.push(every(member(call(member("Object", "values"), [value]), "every"), entry, check, false));
    } else if (!isTrue(check)) {
      // Declared properties were checked above against their own types.
      const declared = node.properties.map((p): Expr => ({ kind: "binary", operator: "===", left: id(key), right: str(p.name) }));
      parts.push(
        call(member(call(member("Object", "entries"), [value]), "every"), [
          { kind: "arrow", params: [{ name: [key, entry] }], body: chain([...declared, check], "||") },
        ]),
      );
    }
  }
  return chain(parts, "&&");
}
