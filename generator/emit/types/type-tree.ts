import type { ObjectNode, TypeNode } from "../../ir/model.js";
import type { NameTable } from "../../names/plan.js";
import { docParagraphs } from "../doc.js";
import { identifier } from "../escape.js";
import { named, type TypeMember, type TypeTree } from "../print/tree.js";

/** The TypeScript type of an IR node, as a print tree. Object members carry their JSDoc. */
export function typeTree(node: TypeNode, names: NameTable): TypeTree {
  switch (node.kind) {
    case "unknown":
    case "never":
    case "string":
    case "number":
    case "boolean":
    case "null":
      return named(node.kind);
    case "integer":
      return named("number");
    case "binary":
      return named("Blob");
    case "literal":
      return { kind: "literal", value: node.value };
    case "ref":
      return named(identifier(names.schemas.get(node.target)!.type));
    case "array":
      return { kind: "array", element: typeTree(node.items, names) };
    case "tuple": {
      const tuple: TypeTree = { kind: "tuple", elements: node.items.map((item) => typeTree(item, names)) };
      return node.rest ? { ...tuple, rest: typeTree(node.rest, names) } : tuple;
    }
    case "object":
      return { kind: "object", members: objectMembers(node, names) };
    case "union":
      return unionOf(node.members.map((m) => typeTree(m, names)));
    case "intersection":
      return intersectionOf(node.members.map((m) => typeTree(m, names)));
  }
}

/** The members of an object type or interface. Optional properties stay optional, never `| undefined`. */
export function objectMembers(node: ObjectNode, names: NameTable): TypeMember[] {
  const members: TypeMember[] = node.properties.map((p) => ({
    kind: "property",
    key: p.name,
    optional: !p.required,
    type: typeTree(p.type, names),
    doc: docParagraphs(p.doc),
  }));
  if (node.additional) members.push({ kind: "index", keyName: "key", type: indexSignatureType(node.additional, node, names) });
  return members;
}

/** An index signature must admit every declared property's type as well (and undefined for optional ones). */
function indexSignatureType(additional: TypeNode, node: ObjectNode, names: NameTable): TypeTree {
  if (additional.kind === "unknown") return named("unknown");
  const parts = [typeTree(additional, names), ...node.properties.map((p) => typeTree(p.type, names))];
  if (node.properties.some((p) => !p.required)) parts.push(named("undefined"));
  return unionOf(parts);
}

/** A key that is equal for equal trees: names and literals by their text, other kinds by their structure. */
const keyOf = (t: TypeTree): string =>
  t.kind === "name" && t.args === undefined ? t.name : t.kind === "literal" ? `=${JSON.stringify(t.value)}` : JSON.stringify(t);

/** Members once each (by structure), nested unions flattened; `never` for none. */
const unique = (members: TypeTree[], flatten: "union" | "intersection"): TypeTree[] => {
  const seen = new Map<string, TypeTree>();
  for (const member of members.flatMap((m) => (m.kind === flatten ? m.members : [m]))) {
    const key = keyOf(member);
    if (!seen.has(key)) seen.set(key, member);
  }
  return [...seen.values()];
};

export function unionOf(members: TypeTree[]): TypeTree {
  const parts = unique(members, "union");
  return parts.length === 0 ? named("never") : parts.length === 1 ? parts[0]! : { kind: "union", members: parts };
}

function intersectionOf(members: TypeTree[]): TypeTree {
  const parts = unique(members, "intersection");
  return parts.length === 0 ? named("never") : parts.length === 1 ? parts[0]! : { kind: "intersection", members: parts };
}
