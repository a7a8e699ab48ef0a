import { literalText, propertyKey } from "../escape.js";
import { align, group, hardline, ifBreak, indent, join, line, softline, type Doc } from "./doc.js";
import { commentDoc } from "./comments.js";
import type { Param, TypeMember, TypeTree } from "./tree.js";

/**
 * Types as prettier's TypeScript printer lays them out: the document it builds for each kind of
 * type node, in each place a type appears. `Place` is what prettier reads from the parent node.
 */
export type Place =
  "annotation" | "typeArgument" | "arrayElement" | "tupleElement" | "tupleOnlyElement" | "unionMember" | "intersectionMember" | "other";

/** `A | B` that prettier keeps on one line with its object member: one object-like type, the rest null or void. */
export function huggedUnion(members: TypeTree[]): boolean {
  const objects = members.filter((m) => m.kind === "object" || (m.kind === "name" && !isKeyword(m.name)));
  return objects.length === 1 && members.every((m) => m === objects[0] || (m.kind === "name" && (m.name === "null" || m.name === "void")));
}

const KEYWORDS = new Set([
  "string",
  "number",
  "boolean",
  "unknown",
  "never",
  "null",
  "undefined",
  "void",
  "any",
  "object",
  "bigint",
  "symbol",
]);
const isKeyword = (name: string): boolean => KEYWORDS.has(name);

/** prettier's `shouldHugType`: printed inside `<...>` without breaking around it. */
const hugsInTypeArguments = (type: TypeTree): boolean =>
  (type.kind === "name" && type.args === undefined) ||
  type.kind === "literal" ||
  type.kind === "object" ||
  (type.kind === "union" && huggedUnion(type.members));

/** The members of a union that is not hugged, each aligned past its `| `. */
const unionParts = (members: TypeTree[]): Doc => [
  ifBreak("| "),
  join(
    [line, "| "],
    members.map((m) => align(2, typeDoc(m, "unionMember"))),
  ),
];

export function typeDoc(type: TypeTree, place: Place = "other"): Doc {
  switch (type.kind) {
    case "name":
      return type.args === undefined ? type.name : [type.name, typeArguments(type.args)];
    case "literal":
      return literalText(type.value);
    case "array":
      return [typeDoc(type.element, "arrayElement"), "[]"];
    case "tuple":
      return tupleDoc(type.elements, type.rest);
    case "object":
      return objectTypeDoc(type.members, type.expanded);
    case "function":
      // A function type's parameters have no initializers.
      return group([parameterList(type.params.map((p) => parameterDoc(p, () => ""))), " ", "=>", " ", typeDoc(type.returns)]);
    case "predicate":
      return [type.param, " is ", typeDoc(type.type)];
    case "intersection":
      return parenthesized(intersectionDoc(type.members), place === "arrayElement" || place === "unionMember");
    case "union":
      return unionDoc(type.members, place);
  }
}

function unionDoc(members: TypeTree[], place: Place): Doc {
  if (huggedUnion(members)) {
    const hugged = join(
      " | ",
      members.map((m) => typeDoc(m, "unionMember")),
    );
    return place === "arrayElement" || place === "intersectionMember" ? ["(", hugged, ")"] : hugged;
  }
  const parts = group(unionParts(members));
  switch (place) {
    case "arrayElement":
    case "intersectionMember":
      return ["(", group([indent([softline, parts]), softline]), ")"];
    case "annotation":
      return group(indent([softline, parts]));
    case "tupleElement":
      return group([indent([ifBreak(["(", softline]), parts]), softline, ifBreak(")")]);
    case "typeArgument":
    case "tupleOnlyElement":
      return parts;
    default:
      return group(indent([parts]));
  }
}

const parenthesized = (doc: Doc, parens: boolean): Doc => (parens ? ["(", doc, ")"] : doc);

/** prettier's intersection layout: breaks between non-object members, object members stay inline. */
function intersectionDoc(members: TypeTree[]): Doc {
  let wasIndented = false;
  return group(
    members.map((member, index) => {
      const doc = typeDoc(member, "intersectionMember");
      if (index === 0) return doc;
      const isObject = member.kind === "object";
      const previousIsObject = members[index - 1]!.kind === "object";
      if (isObject && previousIsObject) return [" & ", wasIndented ? indent(doc) : doc];
      if (!isObject && !previousIsObject) return indent([" &", line, doc]);
      if (index > 1) wasIndented = true;
      return [" & ", index > 1 ? indent(doc) : doc];
    }),
  );
}

/** `<A, B>` after a type's or a call's name. */
export const typeArguments = (args: TypeTree[]): Doc => ["<", typeArgumentItems(args), ">"];

/** What goes between the angle brackets of type arguments. */
export function typeArgumentItems(args: TypeTree[]): Doc {
  if (args.length === 1 && hugsInTypeArguments(args[0]!)) return typeDoc(args[0]!, "typeArgument");
  return group([
    indent([
      softline,
      join(
        [",", line],
        args.map((a) => typeDoc(a, "typeArgument")),
      ),
    ]),
    softline,
  ]);
}

function tupleDoc(elements: TypeTree[], rest: TypeTree | undefined): Doc {
  const place: Place = elements.length + (rest ? 1 : 0) > 1 ? "tupleElement" : "tupleOnlyElement";
  const items = elements.map((e) => group(typeDoc(e, place)));
  if (rest) items.push(group(["...", typeDoc({ kind: "array", element: rest })]));
  if (items.length === 0) return "[]";
  return group(["[", indent([softline, join([",", line], items), ifBreak(",")]), softline, "]"]);
}

/** `{ a: A; b?: B }` on one line when it fits and no member has JSDoc, else one member per line. */
export function objectTypeDoc(members: TypeMember[], expanded = false): Doc {
  if (members.length === 0) return "{}";
  const printed = members.map(typeMemberDoc);
  return group(["{", indent([line, join([";", line], printed)]), ifBreak(";"), line, "}"], { shouldBreak: expanded });
}

/** A member of an object type or interface, after its JSDoc. */
export function typeMemberDoc(member: TypeMember): Doc {
  const doc = commentDoc(member.doc);
  const body = typeMemberBodyDoc(member);
  return doc === "" ? body : [doc, hardline, body];
}

/** A member without its JSDoc: `readonly key?: Type` or `[key: string]: Type`. */
export const typeMemberBodyDoc = (member: TypeMember): Doc =>
  member.kind === "index"
    ? group([
        "[",
        group([indent([softline, member.keyName, ":", " ", "string"]), softline]),
        "]",
        ":",
        " ",
        typeDoc(member.type, "annotation"),
      ])
    : group([
        member.readonly ? "readonly " : "",
        propertyKey(member.key),
        member.optional ? "?" : "",
        ":",
        " ",
        typeDoc(member.type, "annotation"),
      ]);

/** A parameter: `name?: Type = initializer`, or an array pattern. */
export function parameterDoc(param: Param, expressionDoc: (e: NonNullable<Param["initializer"]>) => Doc): Doc {
  const name: Doc =
    typeof param.name === "string"
      ? param.name
      : group([
          "[",
          indent([
            softline,
            join(
              [",", line],
              param.name.map((n) => group(n)),
            ),
          ]),
          ifBreak(","),
          softline,
          "]",
        ]);
  return [
    name,
    param.optional ? "?" : "",
    param.type ? [":", " ", typeDoc(param.type, "annotation")] : "",
    param.initializer ? [" = ", expressionDoc(param.initializer)] : "",
  ];
}

/** `(a, b)` around printed parameters, breaking one per line with a trailing comma (the caller groups it, with a return type in view). */
export const parameterList = (printed: Doc[]): Doc =>
  printed.length === 0 ? "()" : ["(", indent([softline, join([",", line], printed)]), ifBreak(","), softline, ")"];
