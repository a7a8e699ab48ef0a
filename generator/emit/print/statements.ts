import { stringLiteral } from "../escape.js";
import { withComment } from "./comments.js";
import { group, hardline, ifBreak, indent, indentIfBreak, join, line, softline, type Doc } from "./doc.js";
import { assignmentLayout, exprDoc, signature } from "./expressions.js";
import type { Expr, Stmt, SwitchCase, TypeTree } from "./tree.js";
import { huggedUnion, typeDoc, typeMemberDoc } from "./types.js";

/** Statements and declarations as prettier lays them out. */
export const stmtDoc = (s: Stmt): Doc => withComment("doc" in s ? s.doc : undefined, stmtBodyDoc(s));

/** A statement's document without its JSDoc block. */
export function stmtBodyDoc(s: Stmt): Doc {
  switch (s.kind) {
    case "import":
      return importDoc(s);
    case "typeAlias":
      return [s.exported ? "export " : "", typeAliasDoc(s.name, s.type), ";"];
    case "interface":
      return [
        s.exported ? "export " : "",
        "interface ",
        s.name,
        " ",
        s.members.length === 0
          ? "{}"
          : [
              "{",
              indent([
                hardline,
                join(
                  hardline,
                  s.members.map((m) => [typeMemberDoc(m), ";"]),
                ),
              ]),
              hardline,
              "}",
            ],
      ];
    case "const":
      return [s.exported ? "export " : "", group(["const ", constDoc(s.name, s.type, s.value), ";"])];
    case "function":
      return [functionHeadDoc(s), " ", block(s.body)];
    case "return":
    case "throw":
      return [s.kind, s.argument ? [" ", returnArgument(s.argument)] : "", ";"];
    case "if":
      return group(["if (", group([indent([softline, exprDoc(s.test, "test")]), softline]), ")", indent([line, stmtDoc(s.consequent)])]);
    case "switch":
      return [
        switchHeadDoc(s.discriminant),
        " {",
        s.cases.length === 0 ? "" : indent([hardline, join(hardline, s.cases.map(caseDoc))]),
        hardline,
        "}",
      ];
  }
}

/** A function up to its body: `export async function name<T>(a: A): R`. */
export const functionHeadDoc = (s: Stmt & { kind: "function" }): Doc => [
  s.exported ? "export " : "",
  s.async ? "async " : "",
  "function ",
  s.name,
  s.typeParams
    ? group([
        "<",
        indent([
          softline,
          join(
            [",", line],
            s.typeParams.map((t) => group(t)),
          ),
        ]),
        ifBreak(","),
        softline,
        ">",
      ])
    : "",
  signature(s.params, s.returns),
];

/** `switch (discriminant)`. */
export const switchHeadDoc = (discriminant: Expr): Doc =>
  group(["switch (", indent([softline, exprDoc(discriminant, "test")]), softline, ")"]);

const block = (body: Stmt[]): Doc =>
  body.length === 0 ? "{}" : ["{", indent([hardline, join(hardline, body.map(stmtDoc))]), hardline, "}"];

/** `case test` or `default`, before its colon. */
export const caseHeadDoc = (c: SwitchCase): Doc => (c.test ? ["case ", exprDoc(c.test)] : "default");

const caseDoc = (c: SwitchCase): Doc => [
  caseHeadDoc(c),
  ":",
  c.body.length === 0 ? "" : indent([hardline, join(hardline, c.body.map(stmtDoc))]),
];

/** A returned or thrown chain goes in parentheses when it breaks. */
export function returnArgument(argument: Expr): Doc {
  const doc = exprDoc(argument, "return");
  const chain = argument.kind === "binary" || (argument.kind === "logical" && !inlinesObject(argument));
  return chain ? group([ifBreak("("), indent([softline, doc]), softline, ifBreak(")")]) : doc;
}

const inlinesObject = (e: Expr & { kind: "logical" }): boolean => {
  const last = e.operands.at(-1)!;
  return (last.kind === "object" && last.properties.length > 0) || (last.kind === "array" && last.elements.length > 0);
};

/** `type Name = Type`: a union that does not fit goes to the next line, one member per line if needed. */
function typeAliasDoc(name: string, type: TypeTree): Doc {
  if (type.kind === "union" && !huggedUnion(type.members)) {
    return group([group(["type ", name]), " =", group(indent([line, typeDoc(type, "typeArgument")]))]);
  }
  return fluid(group(["type ", name]), " =", typeDoc(type));
}

/** prettier's `fluid` assignment layout: the right side breaks first, then the line after the operator. */
function fluid(left: Doc, operator: string, right: Doc): Doc {
  const id = Symbol("assignment");
  return group([left, operator, group(indent(line), { id }), indentIfBreak(right, { groupId: id })]);
}

function constDoc(name: string, type: TypeTree | undefined, value: Expr): Doc {
  const left: Doc = type ? [name, ":", " ", typeDoc(type, "annotation")] : name;
  const right = exprDoc(value, "declarator");
  switch (assignmentLayout(value, false)) {
    case "break-after-operator":
      return group([group(left), " =", group(indent([line, right]))]);
    case "never-break-after-operator":
      return group([group(left), " =", " ", right]);
    default:
      return fluid(group(left), " =", right);
  }
}

function importDoc(s: Stmt & { kind: "import" }): Doc {
  const names = s.names.map((n) => (n.typeOnly ? `type ${n.name}` : n.name));
  const specifiers =
    names.length === 1 ? ["{ ", names[0]!, " }"] : group(["{", indent([line, join([",", line], names)]), ifBreak(","), line, "}"]);
  return ["import", s.typeOnly ? " type" : "", " ", specifiers, " from ", stringLiteral(s.from), ";"];
}
