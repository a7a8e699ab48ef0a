import type { ObjectNode, TypeNode } from "../../ir/model.js";
import type { NameTable } from "../../names/plan.js";
import { literalText, propertyAccess, stringLiteral } from "../escape.js";

/**
 * A boolean expression that is true when `value` has the shape of `node`. Named schemas are
 * checked by calling their own guard, so recursion in the data is followed, not in the generator.
 * Not checked: formats, patterns, lengths and ranges, and properties the schema does not declare.
 */
export function checkExpression(node: TypeNode, value: string, names: NameTable, depth = 0): string {
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
      // guardedSchemas() closes over references, so every referenced schema has a guard.
      return `${names.schemas.get(node.target)!.guard!}(${value})`;
    case "array": {
      const item = `item${depth}`;
      return `Array.isArray(${value}) && ${value}.every((${item}: unknown) => ${checkExpression(node.items, item, names, depth + 1)})`;
    }
    case "tuple": {
      const item = `item${depth}`;
      const length = node.rest ? `${value}.length >= ${node.items.length}` : `${value}.length === ${node.items.length}`;
      const positions = node.items.map((t, i) => checkExpression(t, `${value}[${i}]`, names, depth + 1)).filter((c) => c !== "true");
      const rest = node.rest ? checkExpression(node.rest, item, names, depth + 1) : "true";
      const restCheck = rest === "true" ? [] : [`${value}.slice(${node.items.length}).every((${item}: unknown) => ${rest})`];
      return [`Array.isArray(${value})`, length, ...positions, ...restCheck].join(" && ");
    }
    case "object":
      return objectCheck(node, value, names, depth);
    case "union":
      return `(${node.members.map((m) => checkExpression(m, value, names, depth)).join(" || ")})`;
    case "intersection":
      return `(${node.members.map((m) => checkExpression(m, value, names, depth)).join(" && ")})`;
  }
}

function objectCheck(node: ObjectNode, value: string, names: NameTable, depth: number): string {
  const parts = [`isRecord(${value})`];
  for (const property of node.properties) {
    const access = propertyAccess(value, property.name);
    const check = checkExpression(property.type, access, names, depth + 1);
    // With exactOptionalPropertyTypes an optional property is absent or valid, never undefined.
    if (property.required) parts.push(check === "true" ? `${stringLiteral(property.name)} in ${value}` : check);
    else if (check !== "true") parts.push(`(!(${stringLiteral(property.name)} in ${value}) || ${check})`);
  }
  if (node.additional) {
    const entry = `entry${depth}`;
    const check = checkExpression(node.additional, entry, names, depth + 1);
    if (check !== "true" && node.properties.length === 0) {
      parts.push(`Object.values(${value}).every((${entry}) => ${check})`);
    } else if (check !== "true") {
      // Declared properties were checked above against their own types.
      const declared = node.properties.map((p) => `key${depth} === ${stringLiteral(p.name)} || `).join("");
      parts.push(`Object.entries(${value}).every(([key${depth}, ${entry}]) => ${declared}${check})`);
    }
  }
  return parts.join(" && ");
}
