import type { ObjectNode, TypeNode } from "../../ir/model.js";
import type { NameTable } from "../../names/plan.js";
import { literalText, propertyAccess, stringLiteral } from "../escape.js";
import { topLevelOperands } from "./top-level.js";

/**
 * A boolean expression that is true when `value` has the shape of `node`. Named schemas are
 * checked by calling their own guard, so recursion in the data is followed, not in the generator.
 * Not checked: formats, patterns, lengths and ranges, and properties the schema does not declare.
 */
export function checkExpression(node: TypeNode, value: string, names: NameTable, depth = 0, trivial: ReadonlySet<string> = NONE): string {
  const check = (inner: TypeNode, target: string, level: number): string => checkExpression(inner, target, names, level, trivial);
  switch (node.kind) {
    case "unknown":
      return "true";
    case "never":
      return "false";
    case "string":
    case "number":
    case "boolean":
      return `typeof ${value} === "${node.kind}"`;
    case "integer":
      return `Number.isInteger(${value})`;
    case "null":
      return `${value} === null`;
    case "binary":
      return `${value} instanceof Blob`;
    case "literal":
      return `${value} === ${literalText(node.value)}`;
    case "ref":
      // guardedSchemas() closes over references, so every referenced schema has a guard. A schema
      // that admits anything is not called: its guard's false branch would narrow `value` to never.
      return trivial.has(node.target) ? "true" : `${names.schemas.get(node.target)!.guard!}(${value})`;
    case "array": {
      const item = `item${depth}`;
      return chain([`Array.isArray(${value})`, `${value}.every((${item}: unknown) => ${check(node.items, item, depth + 1)})`], "&&");
    }
    case "tuple": {
      const item = `item${depth}`;
      const length = node.rest ? `${value}.length >= ${node.items.length}` : `${value}.length === ${node.items.length}`;
      const positions = node.items.map((t, i) => check(t, `${value}[${i}]`, depth + 1)).filter((c) => c !== "true");
      const rest = node.rest ? check(node.rest, item, depth + 1) : "true";
      const restCheck = rest === "true" ? [] : [`${value}.slice(${node.items.length}).every((${item}: unknown) => ${rest})`];
      return chain([`Array.isArray(${value})`, length, ...positions, ...restCheck], "&&");
    }
    case "object":
      return objectCheck(node, value, names, depth, trivial);
    case "union": {
      // A member that admits anything makes the union admit anything (and `true || x` would make
      // TypeScript narrow `value` to never inside x).
      const members = node.members.map((m) => check(m, value, depth)).filter((c) => c !== "false");
      return members.includes("true") ? "true" : members.length === 0 ? "false" : chain(members, "||");
    }
    case "intersection": {
      const members = node.members.map((m) => check(m, value, depth)).filter((c) => c !== "true");
      return members.includes("false") ? "false" : members.length === 0 ? "true" : chain(members, "&&");
    }
  }
}

/**
 * Operands joined by `operator` in prettier's canonical form, so that the guard needs no
 * formatting: a chain of the same operator is spliced in (prettier drops those parentheses), a
 * chain of the other operator is parenthesized (prettier adds them around `&&` within `||`).
 */
function chain(operands: string[], operator: "&&" | "||"): string {
  const flat = operands.flatMap((o) => {
    const parts = topLevelOperands(o);
    if (parts.operator === operator) return parts.operands;
    return parts.operator === undefined ? [o] : [`(${o})`];
  });
  return flat.join(` ${operator} `);
}

const NONE: ReadonlySet<string> = new Set();

function objectCheck(node: ObjectNode, value: string, names: NameTable, depth: number, trivial: ReadonlySet<string>): string {
  const parts = [`isRecord(${value})`];
  for (const property of node.properties) {
    const access = propertyAccess(value, property.name);
    const check = checkExpression(property.type, access, names, depth + 1, trivial);
    // With exactOptionalPropertyTypes an optional property is absent or valid, never undefined.
    if (property.required) parts.push(check === "true" ? `${stringLiteral(property.name)} in ${value}` : check);
    else if (check !== "true") parts.push(chain([`!(${stringLiteral(property.name)} in ${value})`, check], "||"));
  }
  if (node.additional) {
    const entry = `entry${depth}`;
    const check = checkExpression(node.additional, entry, names, depth + 1, trivial);
    if (check !== "true" && node.properties.length === 0) {
      parts.push(`Object.values(${value}).every((${entry}) => ${check})`);
    } else if (check !== "true") {
      // Declared properties were checked above against their own types.
      const declared = node.properties.map((p) => `key${depth} === ${stringLiteral(p.name)}`);
      parts.push(`Object.entries(${value}).every(([key${depth}, ${entry}]) => ${chain([...declared, check], "||")})`);
    }
  }
  return chain(parts, "&&");
}
