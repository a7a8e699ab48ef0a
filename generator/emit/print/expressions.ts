import { literalText, propertyKey, stringLiteral, templateText } from "../escape.js";
import { breaksPerCall, chainLayout, hasManyGroups, isChainCall, isComputed } from "./chain.js";
import { commentDoc } from "./comments.js";
import {
  conditionalGroup,
  breakParent,
  fill,
  group,
  hardline,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  line,
  printDoc,
  softline,
  type Doc,
} from "./doc.js";
import { parameterDoc, parameterList, typeArguments, typeDoc } from "./types.js";
import { utils } from "prettier/doc";
import type { Expr, ObjectMember, Param, TypeTree } from "./tree.js";

/**
 * Expressions as prettier's estree printer lays them out (binaryish chains, call arguments with
 * last-argument expansion, member chains, arrow functions, object and array literals), for the
 * expressions the generator writes.
 */

/** What prettier reads from the parent of an expression. */
export type Parent =
  | "statement"
  | "return"
  | "arrowBody"
  | "logical"
  | "binary"
  | "unary"
  | "callee"
  | "memberObject"
  | "argument"
  | "property"
  | "declarator"
  | "test"
  | "template"
  | "other";

const { willBreak, removeLines } = utils;

const isBinaryish = (e: Expr): boolean => e.kind === "logical" || e.kind === "binary";

/** Group ids are compared by identity: each symbol is new. */
const newId = (name: string): symbol => Symbol(name);

export function exprDoc(e: Expr, parent: Parent = "other", expandLastArg = false): Doc {
  const doc = printWithoutParens(e, parent, expandLastArg);
  return needsParens(e, parent) ? ["(", doc, ")"] : doc;
}

/** prettier's parentheses for the expressions generated here. */
export function needsParens(e: Expr, parent: Parent): boolean {
  switch (e.kind) {
    case "logical":
      // A chain within a chain has another operator (same-operator chains are one node): prettier
      // parenthesizes `a && b` within `||` too, though precedence would not need it.
      return parent === "unary" || parent === "memberObject" || parent === "callee" || parent === "logical" || parent === "binary";
    case "binary":
      return parent === "unary" || parent === "memberObject" || parent === "callee" || parent === "binary";
    case "as":
      return parent === "memberObject" || parent === "callee" || parent === "unary" || parent === "binary" || parent === "logical";
    case "arrow":
      return parent === "memberObject" || parent === "callee" || parent === "binary" || parent === "logical" || parent === "unary";
    default:
      return false;
  }
}

/** An expression that is one token: its text is the same in a document and in flat text (flat.ts). */
type Token = Extract<Expr, { kind: "id" | "string" | "number" }>;

export const tokenText = (e: Token): string =>
  e.kind === "id" ? e.name : e.kind === "string" ? stringLiteral(e.value) : literalText(e.value);

function printWithoutParens(e: Expr, parent: Parent, expandLastArg: boolean): Doc {
  switch (e.kind) {
    case "id":
    case "string":
    case "number":
      return tokenText(e);
    case "template":
      return templateDoc(e);
    case "member":
    case "index":
      return memberDoc(e, parent);
    case "call":
      return isChainCall(e) ? memberChain(e) : callDoc(e);
    case "logical":
    case "binary":
      return binaryishDoc(e, parent);
    case "unary":
      return [e.operator, e.operator === "typeof" || e.operator === "void" ? " " : "", exprDoc(e.argument, "unary")];
    case "arrow":
      return arrowDoc(e, expandLastArg);
    case "object":
      return objectDoc(e.properties, e.expanded ?? false);
    case "array":
      return arrayDoc(e.elements);
    case "as":
      return parent === "memberObject" || parent === "callee"
        ? group([indent([softline, exprDoc(e.expression), " as ", typeDoc(e.type)]), softline])
        : [exprDoc(e.expression), " as ", typeDoc(e.type)];
    case "spread":
      return ["...", exprDoc(e.argument)];
  }
}

/** Expressions inside `${}` are printed as prettier prints them: at unlimited width, so never broken where a line could break. */
function templateDoc(e: Expr & { kind: "template" }): Doc {
  const parts: Doc[] = ["`"];
  e.quasis.forEach((text, i) => {
    parts.push(templateText(text));
    const expression = e.expressions[i];
    if (expression) parts.push("${", printFlat(exprDoc(expression, "template")), "}");
  });
  parts.push("`");
  return parts;
}

const printFlat = (doc: Doc): string => printDoc(doc, Number.POSITIVE_INFINITY);

function lookupDoc(e: Expr & ({ kind: "member" } | { kind: "index" })): Doc {
  if (e.kind === "member" && !isComputed(e)) return [".", e.property];
  const index: Expr = e.kind === "member" ? { kind: "string", value: e.property } : e.index;
  return index.kind === "number" ? ["[", exprDoc(index), "]"] : group(["[", indent([softline, exprDoc(index)]), softline, "]"]);
}

/** A member access that is no call's callee. */
function memberDoc(e: Expr & ({ kind: "member" } | { kind: "index" }), parent: Parent): Doc {
  const inline = e.kind === "index" || isComputed(e as Expr & { kind: "member" }) || (e.object.kind === "id" && parent !== "memberObject");
  const lookup = lookupDoc(e);
  return [exprDoc(e.object, "memberObject"), inline ? lookup : group(indent([softline, lookup]))];
}

/** Printed arguments: `(a, b)` with prettier's choice of hugging the last one. */
function callArguments(args: Expr[]): Doc {
  if (args.length === 0) return "()";
  const printed = args.map((a, i) => (i === args.length - 1 ? exprDoc(a, "argument") : [exprDoc(a, "argument"), ",", line]));
  const allBrokenOut = (): Doc => group(["(", indent([line, ...printed]), ",", line, ")"], { shouldBreak: true });
  if (isFunctionComposition(args)) return allBrokenOut();
  if (shouldExpandLast(args)) {
    const head = printed.slice(0, -1);
    if (head.some(willBreak)) return allBrokenOut();
    const last = exprDoc(args.at(-1)!, "argument", true);
    if (willBreak(last)) return [breakParent, conditionalGroup([["(", ...head, group(last, { shouldBreak: true }), ")"], allBrokenOut()])];
    return conditionalGroup([["(", ...head, last, ")"], ["(", ...head, group(last, { shouldBreak: true }), ")"], allBrokenOut()]);
  }
  return group(["(", indent([softline, ...printed]), ifBreak(","), softline, ")"], { shouldBreak: printed.some(willBreak) });
}

export function isFunctionComposition(args: Expr[]): boolean {
  if (args.length <= 1) return false;
  let functions = 0;
  for (const arg of args) {
    if (arg.kind === "arrow") {
      if (++functions > 1) return true;
    } else if (arg.kind === "call" && arg.args.some((a) => a.kind === "arrow")) return true;
  }
  return false;
}

function couldExpand(arg: Expr): boolean {
  switch (arg.kind) {
    case "object":
      return arg.properties.length > 0;
    case "array":
      return arg.elements.length > 0;
    case "as":
      return couldExpand(arg.expression);
    case "arrow":
      return arg.body.kind === "object" || arg.body.kind === "array" || arg.body.kind === "call";
    default:
      return false;
  }
}

/** An array of numbers, which prettier fills several to a line. */
export const isConciseArray = (e: Expr): boolean =>
  e.kind === "array" &&
  e.elements.length > 1 &&
  e.elements.every((x) => x.kind === "number" || (x.kind === "unary" && x.operator === "-" && x.argument.kind === "number"));

export function shouldExpandLast(args: Expr[]): boolean {
  const last = args.at(-1)!;
  const penultimate = args.at(-2);
  return (
    couldExpand(last) &&
    (!penultimate || penultimate.kind !== last.kind) &&
    (args.length !== 2 || penultimate!.kind !== "arrow" || last.kind !== "array") &&
    !(args.length > 1 && isConciseArray(last))
  );
}

function callDoc(e: Expr & { kind: "call" }): Doc {
  const contents = [e.new ? "new " : "", exprDoc(e.callee, "callee"), e.typeArgs ? typeArguments(e.typeArgs) : "", callArguments(e.args)];
  return e.callee.kind === "call" ? group(contents) : contents;
}

/** prettier's member chain: `a.b(c).d(e)` on one line, or one call per line when it does not fit. */
function memberChain(root: Expr & { kind: "call" }): Doc {
  const layout = chainLayout(root);
  const { links, groups, merged, calls } = layout;
  const printed = links.map((link, i): Doc => {
    if (i === 0) return exprDoc(link, "memberObject");
    if (link.kind === "call") return [link.typeArgs ? typeArguments(link.typeArgs) : "", callArguments(link.args)];
    return lookupDoc(link as Expr & ({ kind: "member" } | { kind: "index" }));
  });
  const printGroup = (g: number[]): Doc => g.map((i) => printed[i]!);
  const printedGroups = groups.map(printGroup);
  const oneLine = printedGroups;
  if (!hasManyGroups(layout)) return group(oneLine);
  const rest = groups.slice(merged ? 2 : 1);
  const expanded = [printGroup(groups[0]!), merged ? printGroup(groups[1]!) : "", indent([hardline, join(hardline, rest.map(printGroup))])];
  const lastGroupWillBreak =
    links[groups.at(-1)!.at(-1)!]!.kind === "call" &&
    willBreak(printedGroups.at(-1)!) &&
    calls.slice(0, -1).some((c) => c.args.some((a) => a.kind === "arrow"));
  if (breaksPerCall(layout) || printedGroups.slice(0, -1).some(willBreak) || lastGroupWillBreak) return group(expanded);
  return [willBreak(oneLine) ? breakParent : "", conditionalGroup([oneLine, expanded])];
}

/** Whether a logical expression's right side is an object or array literal that prettier keeps on the operator's line. */
export const inlinesRight = (e: Expr): boolean =>
  (e.kind === "object" && e.properties.length > 0) || (e.kind === "array" && e.elements.length > 0);

/**
 * A binary or logical chain as prettier flattens it: its operands left to right (left operands of
 * the same kind in one level), and for each operand after the first whether its operator and line
 * form a group of their own (`grouped`), and whether it follows its operator on the same line
 * (`inline`: an object or array literal after `&&`). The document and the line layout read this.
 */
export interface ChainParts {
  operands: Expr[];
  operator: string;
  own: Parent;
  grouped: boolean[];
  inline: boolean[];
}

export function chainParts(e: Expr & ({ kind: "logical" } | { kind: "binary" }), parent: Parent): ChainParts {
  const operands = e.kind === "logical" ? e.operands : [e.left, e.right];
  const own: Parent = e.kind === "logical" ? "logical" : "binary";
  const parentType = parent === "logical" ? "logical" : parent === "binary" ? "binary" : "other";
  const grouped = [false];
  const inline = [false];
  for (let i = 1; i < operands.length; i++) {
    const right = operands[i]!;
    // The node joining operand i: its left is the chain so far, its parent the next node (same kind) or the real parent.
    const leftType: string = i > 1 ? own : kindOf(operands[0]!);
    const parentOfNode: string = i < operands.length - 1 ? own : parentType;
    grouped.push(parentOfNode !== own && leftType !== own && kindOf(right) !== own);
    inline.push(e.kind === "logical" && inlinesRight(right));
  }
  return { operands, operator: e.operator, own, grouped, inline };
}

/** The parts of a binary or logical chain, left operands flattened into one level as prettier does. */
function binaryishParts(e: Expr & ({ kind: "logical" } | { kind: "binary" }), parent: Parent): Doc[] {
  const { operands, operator, own, grouped, inline } = chainParts(e, parent);
  const parts: Doc[] = [group(exprDoc(operands[0]!, own))];
  for (let i = 1; i < operands.length; i++) {
    const right = exprDoc(operands[i]!, own);
    const doc: Doc = inline[i] ? [operator, " ", right] : [operator, line, right];
    parts.push(" ", grouped[i] ? group(doc) : doc);
  }
  return parts;
}

const kindOf = (e: Expr): string => (e.kind === "logical" ? "logical" : e.kind === "binary" ? "binary" : e.kind);

function binaryishDoc(e: Expr & ({ kind: "logical" } | { kind: "binary" }), parent: Parent): Doc {
  const parts = binaryishParts(e, parent);
  if (parent === "test") return parts;
  if (parent === "unary" || parent === "memberObject" || parent === "callee") return group([indent([softline, ...parts]), softline]);
  const operands = e.kind === "logical" ? e.operands : [e.left, e.right];
  const inline = e.kind === "logical" && inlinesRight(operands.at(-1)!);
  const samePrecedenceLeft = operands.length > 2;
  if (
    parent === "return" ||
    parent === "arrowBody" ||
    parent === "template" ||
    (inline && !samePrecedenceLeft) ||
    (!inline && (parent === "declarator" || parent === "property"))
  ) {
    return group(parts);
  }
  return group([parts[0]!, indent(parts.slice(1))]);
}

/** An arrow function; as a call's last argument (`expandLastArg`) its parameters stay on one line. */
function arrowDoc(e: Expr & { kind: "arrow" }, expandLastArg: boolean): Doc {
  const head = signature(e.params, e.returns, expandLastArg);
  const bodyOnSameLine = e.body.kind === "object" || e.body.kind === "array" || e.body.kind === "arrow";
  const body = exprDoc(e.body, "arrowBody");
  const bodyDoc = bodyOnSameLine ? [" ", body] : [indent([line, body]), expandLastArg ? ifBreak(",") : "", expandLastArg ? softline : ""];
  return group([group(head, { id: newId("arrow-chain") }), " =>", group(bodyDoc)]);
}

/**
 * `(a: A, b: B): R`, a function's parameters and return type in one group, as prettier prints a
 * signature: when it does not fit, the parameters go one per line (the return type breaks on its
 * own). Only a lone parameter before an object return type, or one that will break, groups apart.
 */
export function signature(params: Param[], returns: TypeTree | undefined, flat = false): Doc {
  const returnDoc = returns ? [":", " ", typeDoc(returns)] : "";
  if (flat) return group([group(removeLines(["(", join(", ", params.map(parameter)), ")"])), group(removeLines(returnDoc))]);
  // A lone destructured parameter hugs its parentheses.
  const hug = params.length === 1 && Array.isArray(params[0]!.name);
  const list = hug ? ["(", parameter(params[0]!), ")"] : parameterList(params.map(parameter));
  const apart = params.length === 1 && returns !== undefined && (returns.kind === "object" || willBreak(returnDoc));
  return group([apart ? group(list) : list, returnDoc]);
}

const parameter = (p: Param): Doc => parameterDoc(p, (init) => exprDoc(init, "other"));

export function objectDoc(properties: ObjectMember[], expanded: boolean): Doc {
  if (properties.length === 0) return "{}";
  const printed = properties.map((p) => {
    const doc = p.kind === "spread" ? ["...", exprDoc(p.argument)] : propertyDoc(p.key, p.value);
    const comment = p.kind === "property" ? commentDoc(p.doc) : "";
    return comment === "" ? group(doc) : [comment, hardline, group(doc)];
  });
  return group(["{", indent([line, join([",", line], printed)]), ifBreak(","), line, "}"], { shouldBreak: expanded });
}

/** `key: value` in an object literal, in prettier's assignment layouts. */
export function propertyDoc(key: string, value: Expr): Doc {
  const left = propertyKey(key);
  const right = exprDoc(value, "property");
  switch (assignmentLayout(value, left.length < 5)) {
    case "break-after-operator":
      return group([group(left), ":", group(indent([line, right]))]);
    case "never-break-after-operator":
      return group([group(left), ":", " ", right]);
    default: {
      const id = newId("assignment");
      return group([group(left), ":", group(indent(line), { id }), indentIfBreak(right, { groupId: id })]);
    }
  }
}

type Layout = "break-after-operator" | "never-break-after-operator" | "fluid";

/** prettier's `chooseLayout` for an assignment's right side (a left side that cannot break). */
export function assignmentLayout(value: Expr, shortKey: boolean): Layout {
  if (isBinaryish(value) && !(value.kind === "logical" && inlinesRight(value.operands.at(-1)!))) return "break-after-operator";
  if (!shortKey && (value.kind === "string" || isPoorlyBreakableChain(value, false))) return "break-after-operator";
  if (
    shortKey ||
    value.kind === "template" ||
    value.kind === "number" ||
    (value.kind === "id" && (value.name === "true" || value.name === "false"))
  )
    return "never-break-after-operator";
  return "fluid";
}

/** A chain of members and calls whose calls take no argument or one short one. */
function isPoorlyBreakableChain(e: Expr, deep: boolean): boolean {
  if (e.kind === "call") {
    const poor = e.args.length === 0 || (e.args.length === 1 && isLoneShortArgument(e.args[0]!));
    if (!poor || (e.typeArgs && (e.typeArgs.length > 1 || ["union", "intersection", "object"].includes(e.typeArgs[0]!.kind)))) return false;
    return isPoorlyBreakableChain(e.callee, true);
  }
  if (e.kind === "member" || e.kind === "index") return isPoorlyBreakableChain(e.object, true);
  return deep && e.kind === "id";
}

const SHORT = 100 * 0.25;

function isLoneShortArgument(e: Expr): boolean {
  switch (e.kind) {
    case "id":
      return e.name.length <= SHORT;
    case "number":
      return true;
    case "string":
      return stringLiteral(e.value).length <= SHORT;
    case "template":
      return e.expressions.length === 0 && e.quasis[0]!.length <= SHORT;
    case "unary":
      return isLoneShortArgument(e.argument);
    case "call":
      return e.args.length === 0 && e.callee.kind === "id" && e.callee.name.length <= SHORT - 2;
    default:
      return false;
  }
}

/** prettier breaks an array of two or more objects (or arrays) with more than one member each. */
export const breaksArray = (elements: Expr[]): boolean =>
  elements.length > 1 &&
  elements.every(
    (x, i) =>
      ((x.kind === "object" && x.properties.length > 1) || (x.kind === "array" && x.elements.length > 1)) &&
      (i === elements.length - 1 || elements[i + 1]!.kind === x.kind),
  );

function arrayDoc(elements: Expr[]): Doc {
  if (elements.length === 0) return "[]";
  const id = newId("array");
  if (isConciseArray({ kind: "array", elements })) {
    const items = elements.map((x, i) => [exprDoc(x), i === elements.length - 1 ? ifBreak(",", "", { groupId: id }) : ","]);
    return group(["[", indent([softline, fill(join(line, items) as Doc[])]), softline, "]"], { id });
  }
  const shouldBreak = breaksArray(elements);
  return group(
    [
      "[",
      indent([
        softline,
        join(
          [",", line],
          elements.map((x) => group(exprDoc(x))),
        ),
        ifBreak(","),
      ]),
      softline,
      "]",
    ],
    {
      id,
      shouldBreak,
    },
  );
}
