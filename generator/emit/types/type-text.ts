import type { NameTable } from "../../names/plan.js";
import type { ObjectNode, TypeNode } from "../../ir/model.js";
import { docComment, identifier, literalText, propertyKey } from "../escape.js";
import { docParagraphs } from "../doc.js";
import { oneLine } from "../layout.js";
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
      return joinUnique(
        node.members.map((m) => wrap(typeText(m, names))),
        " & ",
      );
  }
}

/**
 * The body of an object type, `{ ... }`. Optional properties stay optional, never `| undefined`.
 * Without JSDoc it is one line, as prettier prints an object type that fits (so the statement can
 * skip prettier); with JSDoc, one member per line.
 */
function objectText(node: ObjectNode, names: NameTable): string {
  const members: string[] = [];
  const docs: string[] = [];
  for (const property of node.properties) {
    docs.push(docComment(docParagraphs(property.doc)));
    members.push(`${propertyKey(property.name)}${property.required ? "" : "?"}: ${typeText(property.type, names)}`);
  }
  if (node.additional) members.push(`[key: string]: ${indexSignatureType(node.additional, node, names)}`);
  if (members.length === 0) return "{}";
  if (docs.every((d) => d === "") && oneLine(...members)) return `{ ${members.join("; ")} }`;
  return `{\n${members.map((m, i) => (docs[i] ? `${docs[i]}\n${m};` : `${m};`)).join("\n")}\n}`;
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

/** A union of type texts; an intersection among several is parenthesized, as prettier prints it. */
export function unionOf(parts: string[]): string {
  const unique = [...new Set(parts)];
  if (unique.length < 2) return unique[0] ?? "never";
  return unique.map((p) => (topLevelParts(p, "&").length > 1 ? `(${p})` : p)).join(" | ");
}

function joinUnique(parts: string[], separator: string): string {
  const unique = [...new Set(parts)];
  return unique.length === 0 ? "never" : unique.join(separator);
}
