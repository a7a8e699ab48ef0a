import { literalText, propertyKey, stringLiteral, templateText } from "../escape.js";
import { breaksPerCall, chainLayout, isChainCall, isComputed } from "./chain.js";
import {
  breaksArray,
  isConciseArray,
  isFunctionComposition,
  needsParens,
  shouldExpandLast,
  tokenText,
  type Parent,
} from "./expressions.js";
import type { Comment, Expr, ObjectMember, Param, Stmt, TypeMember, TypeTree } from "./tree.js";
import { huggedUnion, type Place } from "./types.js";

/**
 * The one-line text of a print-tree node: what prettier prints for its document when every group
 * in it stays flat, built as a string without building the document. `undefined` when the
 * document holds a forced break (a JSDoc comment, an expanded object, a chain prettier always
 * breaks): such a node never prints on one line. Each function mirrors its document builder in
 * print/types.ts, expressions.ts and statements.ts; test/print.test.ts holds the two together.
 */
export type Flat = string | undefined;

/** Joins flat texts, or undefined when one of them is. */
function joined(texts: Flat[], separator: string): Flat {
  for (const text of texts) if (text === undefined) return undefined;
  return texts.join(separator);
}

/** Whether a JSDoc block has something to say (else commentDoc prints nothing and forces no break). */
export const hasComment = (comment: Comment | undefined): boolean =>
  comment !== undefined && comment.some((p) => p !== undefined && p.trim() !== "");

export function flatType(type: TypeTree, place: Place = "other"): Flat {
  switch (type.kind) {
    case "name":
      return type.args === undefined ? type.name : wrap(type.name + "<", flatTypeArguments(type.args), ">");
    case "literal":
      return literalText(type.value);
    case "array":
      return wrap("", flatType(type.element, "arrayElement"), "[]");
    case "tuple": {
      const itemPlace: Place = type.elements.length + (type.rest ? 1 : 0) > 1 ? "tupleElement" : "tupleOnlyElement";
      const items = type.elements.map((e) => flatType(e, itemPlace));
      if (type.rest) items.push(wrap("...", flatType({ kind: "array", element: type.rest }), ""));
      return items.length === 0 ? "[]" : wrap("[", joined(items, ", "), "]");
    }
    case "object":
      if (type.members.length === 0) return "{}";
      return type.expanded ? undefined : wrap("{ ", joined(type.members.map(flatTypeMember), "; "), " }");
    case "function": {
      // A function type's parameters have no initializers.
      const params = joined(
        type.params.map((p) => flatParam(p, () => "")),
        ", ",
      );
      const returns = flatType(type.returns);
      return params === undefined || returns === undefined ? undefined : `(${params}) => ${returns}`;
    }
    case "predicate":
      return wrap(type.param + " is ", flatType(type.type), "");
    case "intersection": {
      const text = joined(
        type.members.map((m) => flatType(m, "intersectionMember")),
        " & ",
      );
      return place === "arrayElement" || place === "unionMember" ? wrap("(", text, ")") : text;
    }
    case "union": {
      const text = joined(
        type.members.map((m) => flatType(m, "unionMember")),
        " | ",
      );
      return place === "arrayElement" || place === "intersectionMember" ? wrap("(", text, ")") : text;
    }
  }
}

const wrap = (before: string, text: Flat, after: string): Flat => (text === undefined ? undefined : before + text + after);

/** prettier's `shouldHugType`, as print/types.ts decides it. */
const hugsInTypeArguments = (type: TypeTree): boolean =>
  (type.kind === "name" && type.args === undefined) ||
  type.kind === "literal" ||
  type.kind === "object" ||
  (type.kind === "union" && huggedUnion(type.members));

/** What goes between the angle brackets of type arguments. */
export function flatTypeArguments(args: TypeTree[]): Flat {
  if (args.length === 1 && hugsInTypeArguments(args[0]!)) return flatType(args[0]!, "typeArgument");
  return joined(
    args.map((a) => flatType(a, "typeArgument")),
    ", ",
  );
}

/** A member of an object type or interface; undefined when it has JSDoc (a line of its own). */
export function flatTypeMember(member: TypeMember): Flat {
  if (hasComment(member.doc)) return undefined;
  return wrap(typeMemberHead(member), flatType(member.type, "annotation"), "");
}

/** What comes before a member's type: `readonly key?: ` or `[key: string]: `. */
export const typeMemberHead = (member: TypeMember): string =>
  member.kind === "index"
    ? `[${member.keyName}: string]: `
    : `${member.readonly ? "readonly " : ""}${propertyKey(member.key)}${member.optional ? "?" : ""}: `;

function flatParam(param: Param, initializer: (e: Expr) => Flat): Flat {
  const name = typeof param.name === "string" ? param.name : `[${param.name.join(", ")}]`;
  const type = param.type ? wrap(": ", flatType(param.type, "annotation"), "") : "";
  const init = param.initializer ? wrap(" = ", initializer(param.initializer), "") : "";
  if (type === undefined || init === undefined) return undefined;
  return name + (param.optional ? "?" : "") + type + init;
}

/** A function's parameter on one line: `name?: Type = initializer`. */
export const flatParameter = (p: Param): Flat => flatParam(p, (init) => flatExpr(init, "other"));

/** `(a: A, b: B): R` on one line. */
export function flatSignature(params: Param[], returns: TypeTree | undefined): Flat {
  const list = joined(params.map(flatParameter), ", ");
  const returned = returns ? wrap(": ", flatType(returns), "") : "";
  if (list === undefined || returned === undefined) return undefined;
  return `(${list})${returned}`;
}

export function flatExpr(e: Expr, parent: Parent = "other", expandLastArg = false): Flat {
  const text = flatWithoutParens(e, parent, expandLastArg);
  return text !== undefined && needsParens(e, parent) ? `(${text})` : text;
}

function flatWithoutParens(e: Expr, parent: Parent, expandLastArg: boolean): Flat {
  switch (e.kind) {
    case "template": {
      let text = "`";
      for (let i = 0; i < e.quasis.length; i++) {
        text += templateText(e.quasis[i]!);
        const expression = e.expressions[i];
        if (expression === undefined) continue;
        const inner = flatExpr(expression, "template");
        if (inner === undefined) return undefined;
        text += "${" + inner + "}";
      }
      return text + "`";
    }
    case "id":
    case "string":
    case "number":
      return tokenText(e);
    case "member":
    case "index": {
      const object = flatExpr(e.object, "memberObject");
      const lookup = flatLookup(e);
      return object === undefined || lookup === undefined ? undefined : object + lookup;
    }
    case "call":
      return isChainCall(e) ? flatChain(e) : flatCall(e);
    case "logical":
    case "binary":
      return flatBinaryish(e);
    case "unary":
      return wrap(e.operator + (e.operator === "typeof" || e.operator === "void" ? " " : ""), flatExpr(e.argument, "unary"), "");
    case "arrow": {
      // As a hugged last argument its parameters are printed without line breaks, which is the same text.
      const head = flatSignature(e.params, e.returns);
      const body = flatExpr(e.body, "arrowBody");
      return head === undefined || body === undefined ? undefined : `${head} => ${body}`;
    }
    case "object":
      return flatObject(e.properties, e.expanded ?? false);
    case "array":
      return flatArray(e.elements);
    case "as": {
      const type = flatType(e.type);
      return type === undefined ? undefined : wrap("", flatExpr(e.expression), ` as ${type}`);
    }
    case "spread":
      return wrap("...", flatExpr(e.argument), "");
  }
}

function flatLookup(e: Expr & ({ kind: "member" } | { kind: "index" })): Flat {
  if (e.kind === "member" && !isComputed(e)) return "." + e.property;
  const index: Expr = e.kind === "member" ? { kind: "string", value: e.property } : e.index;
  return wrap("[", flatExpr(index), "]");
}

function flatArguments(args: Expr[]): Flat {
  if (args.length === 0) return "()";
  // Two or more functions among the arguments always break them one per line.
  if (isFunctionComposition(args)) return undefined;
  const last = args.length - 1;
  const printed = args.map((a, i) => flatExpr(a, "argument", i === last && shouldExpandLast(args)));
  return wrap("(", joined(printed, ", "), ")");
}

function flatCall(e: Expr & { kind: "call" }): Flat {
  const callee = flatExpr(e.callee, "callee");
  const typeArgs = e.typeArgs ? wrap("<", flatTypeArguments(e.typeArgs), ">") : "";
  const args = flatArguments(e.args);
  if (callee === undefined || typeArgs === undefined || args === undefined) return undefined;
  return (e.new ? "new " : "") + callee + typeArgs + args;
}

function flatChain(root: Expr & { kind: "call" }): Flat {
  const layout = chainLayout(root);
  if (breaksPerCall(layout)) return undefined;
  return joined(
    layout.links.map((link, i) => {
      if (i === 0) return flatExpr(link, "memberObject");
      if (link.kind !== "call") return flatLookup(link as Expr & ({ kind: "member" } | { kind: "index" }));
      const typeArgs = link.typeArgs ? wrap("<", flatTypeArguments(link.typeArgs), ">") : "";
      return typeArgs === undefined ? undefined : wrap(typeArgs, flatArguments(link.args), "");
    }),
    "",
  );
}

function flatBinaryish(e: Expr & ({ kind: "logical" } | { kind: "binary" })): Flat {
  const operands = e.kind === "logical" ? e.operands : [e.left, e.right];
  const own: Parent = e.kind === "logical" ? "logical" : "binary";
  return joined(
    operands.map((o) => flatExpr(o, own)),
    ` ${e.operator} `,
  );
}

export function flatObject(properties: ObjectMember[], expanded: boolean): Flat {
  if (properties.length === 0) return "{}";
  if (expanded) return undefined;
  return wrap("{ ", joined(properties.map(flatObjectMember), ", "), " }");
}

/** A member of an object literal; undefined when it has JSDoc (a line of its own). */
export function flatObjectMember(p: ObjectMember): Flat {
  if (p.kind === "spread") return wrap("...", flatExpr(p.argument), "");
  return hasComment(p.doc) ? undefined : flatProperty(p.key, p.value);
}

/** `key: value` without its JSDoc. */
export const flatProperty = (key: string, value: Expr): Flat => wrap(propertyKey(key) + ": ", flatExpr(value, "property"), "");

function flatArray(elements: Expr[]): Flat {
  if (elements.length === 0) return "[]";
  if (!isConciseArray({ kind: "array", elements }) && breaksArray(elements)) return undefined;
  return wrap(
    "[",
    joined(
      elements.map((x) => flatExpr(x)),
      ", ",
    ),
    "]",
  );
}

/** A statement on one line, without its JSDoc; undefined when it cannot be one line (a block, a body, a switch). */
export function flatStatement(s: Stmt): Flat {
  const exported = "exported" in s && s.exported ? "export " : "";
  switch (s.kind) {
    case "import": {
      const names = s.names.map((n) => (n.typeOnly ? `type ${n.name}` : n.name));
      return `import${s.typeOnly ? " type" : ""} { ${names.join(", ")} } from ${stringLiteral(s.from)};`;
    }
    case "typeAlias": {
      const place: Place = s.type.kind === "union" && !huggedUnion(s.type.members) ? "typeArgument" : "other";
      return wrap(`${exported}type ${s.name} = `, flatType(s.type, place), ";");
    }
    case "interface":
      return s.members.length === 0 ? `${exported}interface ${s.name} {}` : undefined;
    case "const": {
      const type = s.type ? wrap(": ", flatType(s.type, "annotation"), "") : "";
      return type === undefined ? undefined : wrap(`${exported}const ${s.name}${type} = `, flatExpr(s.value, "declarator"), ";");
    }
    case "function":
      return s.body.length === 0 ? wrap(functionHeadText(s), flatSignature(s.params, s.returns), " {}") : undefined;
    case "return":
    case "throw":
      return s.argument ? wrap(`${s.kind} `, flatExpr(s.argument, "return"), ";") : `${s.kind};`;
    case "if": {
      const test = flatExpr(s.test, "test");
      const consequent = flatStatement(s.consequent);
      return test === undefined || consequent === undefined ? undefined : `if (${test}) ${consequent}`;
    }
    case "switch":
      return undefined;
  }
}

/** `export async function name<T>` before a function's signature. */
export const functionHeadText = (s: Stmt & { kind: "function" }): string =>
  `${s.exported ? "export " : ""}${s.async ? "async " : ""}function ${s.name}${s.typeParams ? `<${s.typeParams.join(", ")}>` : ""}`;
