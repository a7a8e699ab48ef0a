import { docCommentLines, propertyKey, stringLiteral } from "../escape.js";
import { align, group, LAYOUT, printDoc, type Doc } from "./doc.js";
import { chainParts, exprDoc, inlinesRight, propertyDoc, type Parent } from "./expressions.js";
import {
  flatExpr,
  flatObjectMember,
  flatParameter,
  flatProperty,
  flatSignature,
  flatStatement,
  flatType,
  functionHeadText,
  hasComment,
  typeMemberHead,
  type Flat,
} from "./flat.js";
import { caseHeadDoc, functionHeadDoc, stmtBodyDoc, switchHeadDoc } from "./statements.js";
import type { Comment, Expr, ObjectMember, Param, Stmt, TypeMember, TypeTree } from "./tree.js";
import { typeMemberBodyDoc } from "./types.js";

/**
 * The printer's line layout. Where prettier's layout is certain without building a document (one
 * statement per line, one interface member per line, JSDoc lines, the members of an object
 * literal or type that does not fit, the operands of a returned chain that does not fit), the
 * lines are written here. Every piece between two such line breaks is a unit that starts a line:
 * its one-line text (print/flat.ts) when that fits, else its document printed by prettier at that
 * indentation. prettier printing the whole document gives the same text: a unit ends where the
 * document breaks a line outside every group still undecided, and prettier never looks past such
 * a break when it decides a group. Most units fit, and then no document is built at all.
 */

const WIDTH = LAYOUT.printWidth;
/** prettier measures text outside printable ASCII by its display width, not its length: such a unit goes the document's way. */
const NOT_ASCII = /[^\x20-\x7F]/;
const pad = (n: number): string => " ".repeat(n);

type Fit = "fits" | "breaks" | "unknown";

/** Whether `prefix + flat + suffix` fits on a line at column `n`; a node with a forced break never does. */
function fitOf(n: number, prefix: string, flat: Flat, suffix: string): Fit {
  if (flat === undefined) return "breaks";
  const text = prefix + flat + suffix;
  if (NOT_ASCII.test(text)) return "unknown";
  return n + text.length <= WIDTH ? "fits" : "breaks";
}

/** A document printed from column `n` (its continuation lines indented from there), as prettier prints it there. */
export const printDocAt = (n: number, doc: Doc): string => (n === 0 ? printDoc(doc) : printDoc([pad(n), align(n, doc)]));

/** prettier drops spaces at the end of a line when it breaks it. */
const trimmed = (text: string): string => (text.endsWith(" ") || text.endsWith("\t") ? text.replace(/[ \t]+$/, "") : text);

/** One unit at column `n`: `prefix`, the node, `suffix`; on one line when it fits, else its document printed. */
export function unit(n: number, flat: Flat, doc: () => Doc, prefix = "", suffix = ""): string {
  if (fitOf(n, prefix, flat, suffix) === "fits") return pad(n) + prefix + flat + suffix;
  return trimmed(printDocAt(n, [prefix, doc(), suffix]));
}

/** `body` after its JSDoc block, each line of it at column `n`. */
function commented(n: number, comment: Comment | undefined, body: string): string {
  if (!hasComment(comment)) return body;
  return `${docCommentLines(comment!)
    .map((line) => pad(n) + line)
    .join("\n")}\n${body}`;
}

/** A JSDoc block at column `n` (the indentation alone when there is nothing to say, as its empty document prints). */
export const commentLines = (n: number, comment: Comment): string =>
  hasComment(comment) ? commented(n, comment, "").slice(0, -1) : pad(n);

/** A statement printed from column `n`, as prettier prints its document there. */
export function printStatement(s: Stmt, n = 0): string {
  return commented(n, "doc" in s ? s.doc : undefined, statementLines(s, n));
}

function statementLines(s: Stmt, n: number): string {
  switch (s.kind) {
    case "interface":
      if (s.members.length === 0) break;
      return lines(
        `${pad(n)}${s.exported ? "export " : ""}interface ${s.name} {`,
        s.members.map((m) => memberLines(m, n + 2)),
        `${pad(n)}}`,
      );
    case "function": {
      const suffix = s.body.length === 0 ? " {}" : " {";
      const flat = flatSignature(s.params, s.returns);
      const head =
        (s.typeParams === undefined && signatureLines(n, functionHeadText(s), s.params, s.returns, suffix)) ||
        unit(n, flat === undefined ? undefined : functionHeadText(s) + flat, () => functionHeadDoc(s), "", suffix);
      return s.body.length === 0 ? head : lines(head, statements(s.body, n + 2), `${pad(n)}}`);
    }
    case "switch": {
      const test = flatExpr(s.discriminant, "test");
      const head = unit(n, test === undefined ? undefined : `switch (${test})`, () => switchHeadDoc(s.discriminant), "", " {");
      const cases = s.cases.map((c) => {
        const label = c.test === undefined ? `${pad(n + 2)}default:` : unit(n + 2, flatCase(c.test), () => caseHeadDoc(c), "", ":");
        return lines(label, statements(c.body, n + 4));
      });
      return lines(head, cases, `${pad(n)}}`);
    }
    case "const": {
      const layout = constLines(s, n);
      if (layout !== undefined) return layout;
      break;
    }
    case "import": {
      const layout = importLines(s, n);
      if (layout !== undefined) return layout;
      break;
    }
    case "return":
    case "throw": {
      const layout = s.argument && returnedLines(n, `${s.kind} `, s.argument, ";");
      if (layout) return layout;
      break;
    }
  }
  return unit(n, flatStatement(s), () => stmtBodyDoc(s));
}

const lines = (first: string, middle: string[], last?: string): string =>
  [first, ...middle, ...(last === undefined ? [] : [last])].join("\n");

const statements = (body: Stmt[], n: number): string[] => body.map((s) => printStatement(s, n));

const flatCase = (test: Expr): Flat => {
  const text = flatExpr(test);
  return text === undefined ? undefined : `case ${text}`;
};

/** `export const name = { ... } as const;` with an object that does not fit: one property per line. */
function constLines(s: Stmt & { kind: "const" }, n: number): string | undefined {
  const cast = s.value.kind === "as" && s.value.type.kind === "name" && s.value.type.args === undefined ? s.value.type.name : undefined;
  const value = s.value.kind === "as" && cast !== undefined ? s.value.expression : s.value;
  if (s.type !== undefined || value.kind !== "object" || value.properties.length === 0) return undefined;
  const head = `${s.exported ? "export " : ""}const ${s.name} = `;
  const flat = flatStatement(s);
  const fit = fitOf(n, "", flat, "");
  if (fit === "fits") return pad(n) + flat;
  // The line after `=` stays unbroken while `= {` fits (prettier's fluid assignment layout).
  if (fit === "unknown" || fitOf(n, head, "{", "") !== "fits") return undefined;
  return objectLines(n, head, value.properties, `${cast === undefined ? "" : ` as ${cast}`};`);
}

/** An import of several names that does not fit: one name per line. */
function importLines(s: Stmt & { kind: "import" }, n: number): string | undefined {
  if (s.names.length < 2) return undefined;
  const flat = flatStatement(s)!;
  const fit = fitOf(n, "", flat, "");
  if (fit === "fits") return pad(n) + flat;
  if (fit === "unknown") return undefined;
  return lines(
    `${pad(n)}import${s.typeOnly ? " type" : ""} {`,
    s.names.map((name) => `${pad(n + 2)}${name.typeOnly ? "type " : ""}${name.name},`),
    `${pad(n)}} from ${stringLiteral(s.from)};`,
  );
}

/**
 * A value that ends a line after `prefix` (such as `return `), where its layout is known when it
 * does not fit: an object literal goes one member per line; a returned chain goes in parentheses,
 * one operand per line. Undefined for any other value, which is a unit.
 */
export function returnedLines(n: number, prefix: string, e: Expr, suffix: string): string | undefined {
  if (e.kind === "object") return objectValueLines(n, prefix, e, suffix);
  if (!(e.kind === "binary" || (e.kind === "logical" && !inlinesRight(e.operands.at(-1)!)))) return undefined;
  const flat = flatExpr(e, "return");
  const fit = fitOf(n, prefix, flat, suffix);
  if (fit === "fits") return pad(n) + prefix + flat + suffix;
  if (fit === "unknown") return undefined;
  // `return (`, the chain on the lines inside, `);`.
  const m = n + 2;
  const inner = fitOf(m, "", flat, "");
  const chain =
    inner === "fits"
      ? pad(m) + flat
      : (inner === "breaks" && brokenChain(m, m, e, "return", "", "")) || trimmed(printDocAt(m, exprDoc(e, "return")));
  return lines(`${pad(n)}${prefix}(`, [chain], `${pad(n)})${suffix}`);
}

/**
 * A function's parameters and return type after `prefix` (`export function name`): on one line
 * when they fit, else each parameter on a line of its own and `): R` after them, as the
 * signature's group prints when it breaks and each parameter and the return type then fit on their
 * lines. Undefined for every other case (a lone parameter that hugs its parentheses or groups apart
 * from an object return type, a parameter or return type that breaks too): then it is a unit.
 */
export function signatureLines(
  n: number,
  prefix: string,
  params: Param[],
  returns: TypeTree | undefined,
  suffix: string,
): string | undefined {
  const flat = flatSignature(params, returns);
  const fit = fitOf(n, prefix, flat, suffix);
  if (fit === "fits") return pad(n) + prefix + flat + suffix;
  if (fit === "unknown" || params.length === 0) return undefined;
  if (params.length === 1 && (Array.isArray(params[0]!.name) || returns?.kind === "object")) return undefined;
  const printed: string[] = [];
  for (const p of params) {
    const text = flatParameter(p);
    if (fitOf(n + 2, "", text, ",") !== "fits") return undefined;
    printed.push(`${pad(n + 2)}${text},`);
  }
  const returned = returns === undefined ? "" : flatType(returns);
  if (returned === undefined) return undefined;
  const last = `)${returns === undefined ? "" : `: ${returned}`}`;
  if (fitOf(n, "", last, suffix) !== "fits") return undefined;
  return lines(`${pad(n)}${prefix}(`, printed, `${pad(n)}${last}${suffix}`);
}

/** An object literal after `prefix`: on one line when it fits, else one member per line. */
export function objectValueLines(n: number, prefix: string, e: Expr & { kind: "object" }, suffix: string): string | undefined {
  if (e.properties.length === 0) return undefined;
  const flat = flatExpr(e);
  const fit = fitOf(n, prefix, flat, suffix);
  if (fit === "fits") return pad(n) + prefix + flat + suffix;
  return fit === "breaks" ? objectLines(n, prefix, e.properties, suffix) : undefined;
}

/**
 * The operands of a chain whose group breaks: the first after `prefix` at column `first`, the
 * others each on a line at column `rest`, each followed by the next operator, the last by
 * `suffix`. Undefined when prettier groups an operator with its operand or keeps an object on the
 * operator's line: then the chain is one unit.
 */
function brokenChain(
  first: number,
  rest: number,
  e: Expr & ({ kind: "logical" } | { kind: "binary" }),
  parent: Parent,
  prefix: string,
  suffix: string,
): string | undefined {
  const { operands, operator, own, grouped, inline } = chainParts(e, parent);
  if (grouped.some(Boolean) || inline.some(Boolean)) return undefined;
  const last = operands.length - 1;
  return operands
    .map((o, i) => operandLines(i === 0 ? first : rest, o, own, i === 0 ? prefix : "", i === last ? suffix : ` ${operator}`, i === 0))
    .join("\n");
}

/** One operand of a broken chain; a parenthesized chain that does not fit breaks inside its parentheses, its operands indented. */
function operandLines(n: number, o: Expr, own: Parent, prefix: string, suffix: string, first: boolean): string {
  const flat = flatExpr(o, own);
  const doc = (): Doc => (first ? group(exprDoc(o, own)) : exprDoc(o, own));
  if (o.kind === "logical" && fitOf(n, prefix, flat, suffix) === "breaks") {
    const layout = brokenChain(n, n + 2, o, own, `${prefix}(`, `)${suffix}`);
    if (layout !== undefined) return layout;
  }
  return unit(n, flat, doc, prefix, suffix);
}

/** `prefix{`, each member of an object literal on its own line, `}suffix`. */
function objectLines(n: number, prefix: string, properties: ObjectMember[], suffix: string): string {
  return lines(
    `${pad(n)}${prefix}{`,
    properties.map((p) => propertyLines(p, n + 2)),
    `${pad(n)}}${suffix}`,
  );
}

function propertyLines(p: ObjectMember, n: number): string {
  if (p.kind === "spread") return unit(n, flatObjectMember(p), () => group(["...", exprDoc(p.argument)]), "", ",");
  return commented(n, p.doc, propertyBody(p.key, p.value, n));
}

function propertyBody(key: string, value: Expr, n: number): string {
  const flat = flatProperty(key, value);
  if (value.kind === "object" && value.properties.length > 0) {
    const left = propertyKey(key);
    const fit = fitOf(n, "", flat, ",");
    if (fit === "fits") return pad(n) + flat + ",";
    // A short key never breaks after its colon; a longer one stays unbroken while `key: {` fits.
    if (fit === "breaks" && (left.length < 5 || fitOf(n, left, ": {", "") === "fits"))
      return objectLines(n, `${left}: `, value.properties, ",");
  }
  if (value.kind === "arrow") {
    const layout = arrowPropertyLines(n, key, value, flat);
    if (layout !== undefined) return layout;
  }
  // prettier never breaks a template literal, nor a property before one: its interpolations print at infinite width.
  if (value.kind === "template" && flat !== undefined) return `${pad(n)}${flat},`;
  const hugged = huggedCallLines(n, key, value, flat);
  if (hugged !== undefined) return hugged;
  return unit(n, flat, () => group(propertyDoc(key, value)), "", ",");
}

/**
 * `key: callee({` ... `}),`: a call whose one argument is an object literal, that does not fit.
 * prettier hugs the object (its last argument) when `key: callee({` fits the line: the property
 * stays on the key's line, the call's head on it, and the object's members go one per line, as
 * they would in any object that breaks. Undefined when the callee is more than a name or the call
 * has type arguments, which it leaves to the document.
 */
function huggedCallLines(n: number, key: string, value: Expr, flat: Flat): string | undefined {
  if (value.kind !== "call" || value.new || value.typeArgs?.length || value.callee.kind !== "id") return undefined;
  const [argument, ...rest] = value.args;
  if (rest.length > 0 || argument?.kind !== "object" || argument.properties.length === 0) return undefined;
  const head = `${propertyKey(key)}: ${value.callee.name}(`;
  if (fitOf(n, "", flat, ",") !== "breaks" || fitOf(n, head, "{", "") !== "fits") return undefined;
  return objectLines(n, head, argument.properties, "),");
}

/**
 * `key: (a: A) => body` that does not fit: the body on the next line, indented, when the head
 * `key: (a: A) =>` fits its line and the body its own. The property stays on the key's line (for
 * an arrow that is so whenever `key: (` fits), the arrow's head group fits, and its body group
 * breaks. A body prettier keeps on the arrow's line (an object, an array, an arrow) is a unit.
 */
function arrowPropertyLines(n: number, key: string, value: Expr & { kind: "arrow" }, flat: Flat): string | undefined {
  if (value.body.kind === "object" || value.body.kind === "array" || value.body.kind === "arrow") return undefined;
  if (fitOf(n, "", flat, ",") !== "breaks") return undefined;
  const signature = flatSignature(value.params, value.returns);
  const body = flatExpr(value.body, "arrowBody");
  if (signature === undefined || body === undefined) return undefined;
  const head = `${propertyKey(key)}: ${signature} =>`;
  if (fitOf(n, "", head, "") !== "fits" || fitOf(n + 2, "", body, ",") !== "fits") return undefined;
  return lines(pad(n) + head, [`${pad(n + 2)}${body},`]);
}

/**
 * A type that ends a line after `prefix` (`key?: `), where its layout is known when it does not
 * fit: an object type goes one member per line. Undefined for any other type, which is a unit.
 */
export function annotationLines(n: number, prefix: string, type: TypeTree, suffix: string): string | undefined {
  if (type.kind !== "object" || type.members.length === 0) return undefined;
  const flat = flatType(type, "annotation");
  const fit = fitOf(n, prefix, flat, suffix);
  if (fit === "fits") return pad(n) + prefix + flat + suffix;
  if (fit === "unknown") return undefined;
  return lines(
    `${pad(n)}${prefix}{`,
    type.members.map((m) => memberLines(m, n + 2)),
    `${pad(n)}}${suffix}`,
  );
}

/** A member of an interface or of an object type that breaks, after its JSDoc, with its `;`. */
function memberLines(member: TypeMember, n: number): string {
  return commented(n, member.doc, memberBody(member, n));
}

function memberBody(member: TypeMember, n: number): string {
  const head = typeMemberHead(member);
  const type = flatType(member.type, "annotation");
  const flat = type === undefined ? undefined : head + type;
  if (member.type.kind === "object" && member.type.members.length > 0) {
    const fit = fitOf(n, "", flat, ";");
    if (fit === "fits") return pad(n) + flat + ";";
    // An index signature's `[key: string]` stays unbroken while `[key: string]: {` fits.
    if (fit === "breaks" && (member.kind === "property" || fitOf(n, head, "{", "") === "fits")) {
      return lines(
        `${pad(n)}${head}{`,
        member.type.members.map((m) => memberLines(m, n + 2)),
        `${pad(n)}};`,
      );
    }
  }
  return unit(n, flat, () => typeMemberBodyDoc(member), "", ";");
}

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
