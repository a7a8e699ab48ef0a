import { commentDoc } from "./comments.js";
import type { Doc } from "./doc.js";
import { exprDoc, signature } from "./expressions.js";
import { returnArgument, stmtDoc } from "./statements.js";
import type { Comment, Expr, Param, Stmt, TypeTree } from "./tree.js";
import { typeArgumentItems, typeDoc } from "./types.js";

/**
 * What a template can leave a hole for, by the helper it names: each takes a print-tree node
 * from the view model and gives its document for that place in the code (see print/template.ts).
 */
export const HOLES = {
  /** A whole statement or declaration. */
  statement: (s: Stmt): Doc => stmtDoc(s),
  /** An expression, e.g. an object literal. */
  expr: (e: Expr): Doc => exprDoc(e),
  /** The value of a return statement: `return {{{returned x}}};`. */
  returned: (e: Expr): Doc => returnArgument(e),
  /** A type after `name: ` or `name?: `. */
  annotation: (t: TypeTree): Doc => typeDoc(t, "annotation"),
  /** Between the angle brackets of `Name<...>`. */
  typeArgs: (args: TypeTree | TypeTree[]): Doc => typeArgumentItems(Array.isArray(args) ? args : [args]),
  /** A function's parameter list and return type: `(a: A, b: B): R`. */
  signature: (params: Param[], returns: TypeTree): Doc => signature(params, returns),
  /** A JSDoc block at the indentation of its line. */
  comment: (c: Comment): Doc => commentDoc(c),
} as const;
