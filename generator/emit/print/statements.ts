import { stringLiteral } from "../escape.js";
import { withComment } from "./comments.js";
import { group, hardline, ifBreak, indent, indentIfBreak, join, line, printDoc, softline, type Doc } from "./doc.js";
import { assignmentLayout, exprDoc, signature } from "./expressions.js";
import type { Expr, Stmt, SwitchCase, TypeTree } from "./tree.js";
import { huggedUnion, typeDoc, typeMemberDoc } from "./types.js";

/** Statements and declarations as prettier lays them out. */
export function stmtDoc(s: Stmt): Doc {
  switch (s.kind) {
    case "import":
      return importDoc(s);
    case "typeAlias":
      return withComment(s.doc, [s.exported ? "export " : "", typeAliasDoc(s.name, s.type), ";"]);
    case "interface":
      return withComment(s.doc, [
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
      ]);
    case "const":
      return withComment(s.doc, [s.exported ? "export " : "", group(["const ", constDoc(s.name, s.type, s.value), ";"])]);
    case "function":
      return withComment(s.doc, [
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
        " ",
        block(s.body),
      ]);
    case "return":
    case "throw":
      return [s.kind, s.argument ? [" ", returnArgument(s.argument)] : "", ";"];
    case "if":
      return group(["if (", group([indent([softline, exprDoc(s.test, "test")]), softline]), ")", indent([line, stmtDoc(s.consequent)])]);
    case "switch":
      return [
        group(["switch (", indent([softline, exprDoc(s.discriminant, "test")]), softline, ")"]),
        " {",
        s.cases.length === 0 ? "" : indent([hardline, join(hardline, s.cases.map(caseDoc))]),
        hardline,
        "}",
      ];
  }
}

const block = (body: Stmt[]): Doc =>
  body.length === 0 ? "{}" : ["{", indent([hardline, join(hardline, body.map(stmtDoc))]), hardline, "}"];

const caseDoc = (c: SwitchCase): Doc => [
  c.test ? ["case ", exprDoc(c.test)] : "default",
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

/** One statement, printed on its own: top-level statements share no group. */
export const printStatement = (s: Stmt): string => printDoc(stmtDoc(s));

/** A file from its header comment line and its printed statements, one blank line apart. */
export const joinStatements = (header: string, texts: string[]): string =>
  texts.length === 0 ? `${header}\n` : `${header}\n${texts.join("\n\n")}\n`;

/** A file: its header line, then its statements, a blank line between two unless both are imports. */
export function printFile(header: string, statements: Stmt[]): string {
  const texts: string[] = [];
  statements.forEach((s, i) => {
    const text = printStatement(s);
    // Consecutive imports are one block.
    if (i > 0 && s.kind === "import" && statements[i - 1]!.kind === "import") texts[texts.length - 1] += `\n${text}`;
    else texts.push(text);
  });
  return joinStatements(header, texts);
}
