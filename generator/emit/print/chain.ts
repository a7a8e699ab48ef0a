import { isDotName } from "../escape.js";
import type { Expr } from "./tree.js";

/**
 * prettier's member chain (`printMemberChain`) as data: the links of `a.b(c).d(e)` from left to
 * right and how prettier groups them. The document (print/expressions.ts) and the one-line text
 * (print/flat.ts) of a chain are both read from this, so they cannot disagree on its shape.
 */
export interface ChainLayout {
  /** The head (an object that is no call of a member) and then each call or member, left to right. */
  links: Expr[];
  /** Runs of consecutive link indices: the first is the head's, each later one starts at a member after a call. */
  groups: number[][];
  /** Whether the second group stays on the head's line when the chain breaks (`this.x`, factories, computed access). */
  merged: boolean;
  /** The calls in the chain, left to right (the head too, when it is a call). */
  calls: (Expr & { kind: "call" })[];
}

const isMemberish = (e: Expr): boolean => e.kind === "member" || e.kind === "index";
/** `a.b` is printed as `a["b"]` when `b` is no identifier. */
export const isComputed = (e: Expr & { kind: "member" }): boolean => !isDotName(e.property);

/** Whether a call is printed as a member chain (its callee is a member access). */
export const isChainCall = (e: Expr & { kind: "call" }): boolean => isMemberish(e.callee) && !e.new;

export function chainLayout(root: Expr & { kind: "call" }): ChainLayout {
  const links: Expr[] = [];
  let node: Expr = root;
  for (;;) {
    links.unshift(node);
    if (node.kind === "call" && (isMemberish(node.callee) || node.callee.kind === "call") && !node.new) node = node.callee;
    else if (node.kind === "member" || node.kind === "index") node = node.object;
    else break;
  }
  // The head is the innermost object; a call whose callee is neither a member nor a call is a head too.
  const isCall = (i: number): boolean => i > 0 && links[i]!.kind === "call";
  const isMember = (i: number): boolean => i > 0 && isMemberish(links[i]!);
  const isNumericIndex = (i: number): boolean => {
    const link = links[i]!;
    return i > 0 && link.kind === "index" && link.index.kind === "number";
  };
  const isComputedLink = (i: number): boolean => {
    const link = links[i]!;
    return link.kind === "index" || (link.kind === "member" && isComputed(link));
  };
  const groups: number[][] = [];
  let current = [0];
  let i = 1;
  for (; i < links.length && (isCall(i) || isNumericIndex(i)); i++) current.push(i);
  if (links[0]!.kind !== "call") for (; i + 1 < links.length && isMember(i) && isMember(i + 1); i++) current.push(i);
  groups.push(current);
  current = [];
  let seenCall = false;
  for (; i < links.length; i++) {
    if (seenCall && isMember(i)) {
      if (isNumericIndex(i)) {
        current.push(i);
        continue;
      }
      groups.push(current);
      current = [];
      seenCall = false;
    }
    if (isCall(i)) seenCall = true;
    current.push(i);
  }
  if (current.length > 0) groups.push(current);

  const first = groups[0]!;
  const isFactory = (name: string): boolean => /^[A-Z]|^[$_]+$/.test(name);
  const hasComputed = groups[1]?.[0] !== undefined && isComputedLink(groups[1][0]);
  const lastOfFirst = links[first.at(-1)!]!;
  const head = links[0]!;
  const merged =
    groups.length >= 2 &&
    (first.length === 1
      ? head.kind === "id" && (isFactory(head.name) || hasComputed)
      : lastOfFirst.kind === "member" && !isComputed(lastOfFirst) && (isFactory(lastOfFirst.property) || hasComputed));
  const calls = links.filter((l): l is Expr & { kind: "call" } => l.kind === "call");
  return { links, groups, merged, calls };
}

/** Whether the chain has more groups than prettier keeps on one line without looking (two, three when merged). */
export const hasManyGroups = (layout: ChainLayout): boolean => layout.groups.length > (layout.merged ? 3 : 2);

/** More than two calls, one with an argument that is not simple: prettier breaks such a chain one call per line even when it fits. */
export const breaksPerCall = (layout: ChainLayout): boolean =>
  hasManyGroups(layout) && layout.calls.length > 2 && layout.calls.some((c) => !c.args.every((a) => isSimpleArgument(a, 0)));

/** prettier's `isSimpleCallArgument`, for the expressions generated here. */
function isSimpleArgument(e: Expr, depth: number): boolean {
  switch (e.kind) {
    case "id":
    case "string":
    case "number":
      return true;
    case "template":
      return e.expressions.every((x) => isSimpleArgument(x, depth));
    case "object":
      return e.properties.every((p) => p.kind === "property" && isSimpleArgument(p.value, depth));
    case "array":
      return e.elements.every((x) => isSimpleArgument(x, depth));
    case "unary":
      return (e.operator === "!" || e.operator === "-") && isSimpleArgument(e.argument, depth);
    case "member":
      return isSimpleArgument(e.object, depth);
    case "index":
      return isSimpleArgument(e.object, depth) && isSimpleArgument(e.index, depth);
    case "call":
      return depth < 2 && isSimpleArgument(e.callee, depth) && e.args.every((a) => isSimpleArgument(a, depth + 1));
    default:
      return false;
  }
}
