import type { NameTable } from "../../names/plan.js";
import type { ObjectNode, TypeNode } from "../../ir/model.js";
import { docComment, identifier, literalText, propertyKey } from "../escape.js";
import { docParagraphs } from "../doc.js";
import { splitTopLevel } from "./top-level.js";

/** TypeScript type text for an IR node. Object members carry their JSDoc. */
export function typeText(node: TypeNode, names: NameTable): string {
  switch (node.kind) {
    case "unknown":
    case "never":
    case "string":
    case "number":
    case "boolean":
    case "null":
      return node.kind;
    case "integer":
      return "number";
    case "binary":
      return "Blob";
    case "literal":
      return literalText(node.value);
    case "ref":
      return identifier(names.schemas.get(node.target)!.type);
    case "array":
      return `${wrap(typeText(node.items, names))}[]`;
    case "tuple": {
      const items = node.items.map((item) => typeText(item, names));
      if (node.rest) items.push(`...${wrap(typeText(node.rest, names))}[]`);
      return `[${items.join(", ")}]`;
    }
    case "object":
      return objectText(node, names);
    case "union":
      return unionOf(node.members.map((m) => typeText(m, names)));
    case "intersection":
      return joinUnique(node.members.map((m) => wrap(typeText(m, names))), " & ");
  }
}

/** The body of an object type, `{ ... }`. Optional properties stay optional, never `| undefined`. */
function objectText(node: ObjectNode, names: NameTable): string {
  const lines: string[] = [];
  for (const property of node.properties) {
    const doc = docComment(docParagraphs(property.doc));
    if (doc !== "") lines.push(doc);
    lines.push(`${propertyKey(property.name)}${property.required ? "" : "?"}: ${typeText(property.type, names)};`);
  }
  if (node.additional) lines.push(`[key: string]: ${indexSignatureType(node.additional, node, names)};`);
  return lines.length === 0 ? "{}" : `{\n${lines.join("\n")}\n}`;
}

/** An index signature must admit every declared property's type as well (and undefined for optional ones). */
export function indexSignatureType(additional: TypeNode, node: ObjectNode, names: NameTable): string {
  if (additional.kind === "unknown") return "unknown";
  const parts = [typeText(additional, names), ...node.properties.map((p) => typeText(p.type, names))];
  if (node.properties.some((p) => !p.required)) parts.push("undefined");
  return unionOf(parts);
}

/** Parentheses for an array element or intersection member that has a top-level `|` or `&`. */
const wrap = (text: string): string => (topLevelParts(text, "|").length > 1 || topLevelParts(text, "&").length > 1 ? `(${text})` : text);

/** A union's (`|`) or an intersection's (`&`) members in a type text. */
export const topLevelParts = (text: string, operator: "|" | "&"): string[] => splitTopLevel(text, operator, "type");

/** A union of type texts; an intersection among them is parenthesized, as prettier prints it. */
export const unionOf = (parts: string[]): string => joinUnique(parts.map((p) => (topLevelParts(p, "&").length > 1 ? `(${p})` : p)), " | ");

function joinUnique(parts: string[], separator: string): string {
  const unique = [...new Set(parts)];
  return unique.length === 0 ? "never" : unique.join(separator);
}
