import type { Doc } from "./doc.js";
import { exprDoc, signature } from "./expressions.js";
import { flatExpr, flatSignature, flatStatement, flatType, flatTypeArguments, hasComment, type Flat } from "./flat.js";
import { annotationLines, commentLines, objectValueLines, printStatement, returnedLines, signatureLines } from "./lines.js";
import { returnArgument, stmtDoc } from "./statements.js";
import type { Comment, Expr, Param, Stmt, TypeTree } from "./tree.js";
import { typeArgumentItems, typeDoc } from "./types.js";
import { commentDoc } from "./comments.js";

/**
 * A hole in a template's text, for a print-tree node: its document, its one-line text, and, for a
 * node that has a layout of its own when it does not fit (a statement, a JSDoc block, an object
 * literal, a returned chain), the lines of the template's line it is on (`prefix` and `suffix`
 * being the line's text around it). See print/template.ts.
 */
export interface Hole {
  doc(): Doc;
  flat(): Flat;
  lines?(indentation: number, prefix: string, suffix: string): string | undefined;
}

/**
 * What a template can leave a hole for, by the helper it names: each takes a print-tree node
 * from the view model and gives its hole for that place in the code.
 */
export const HOLES = {
  /** A whole statement or declaration, alone on its line. */
  statement: (s: Stmt): Hole => ({
    doc: () => stmtDoc(s),
    flat: () => ("doc" in s && hasComment(s.doc) ? undefined : flatStatement(s)),
    lines: (n, prefix, suffix) => (prefix === "" && suffix === "" ? printStatement(s, n) : undefined),
  }),
  /** An expression, e.g. an object literal. */
  expr: (e: Expr): Hole => ({
    doc: () => exprDoc(e),
    flat: () => flatExpr(e),
    lines: (n, prefix, suffix) => (e.kind === "object" ? objectValueLines(n, prefix, e, suffix) : undefined),
  }),
  /** The value of a return statement: `return {{{returned x}}};`. */
  returned: (e: Expr): Hole => ({
    doc: () => returnArgument(e),
    flat: () => flatExpr(e, "return"),
    lines: (n, prefix, suffix) => returnedLines(n, prefix, e, suffix),
  }),
  /** A type after `name: ` or `name?: `. */
  annotation: (t: TypeTree): Hole => ({
    doc: () => typeDoc(t, "annotation"),
    flat: () => flatType(t, "annotation"),
    lines: (n, prefix, suffix) => annotationLines(n, prefix, t, suffix),
  }),
  /** Between the angle brackets of `Name<...>`. */
  typeArgs: (args: TypeTree | TypeTree[]): Hole => {
    const list = Array.isArray(args) ? args : [args];
    return { doc: () => typeArgumentItems(list), flat: () => flatTypeArguments(list) };
  },
  /** A function's parameter list and return type: `(a: A, b: B): R`. */
  signature: (params: Param[], returns: TypeTree): Hole => ({
    doc: () => signature(params, returns),
    flat: () => flatSignature(params, returns),
    lines: (n, prefix, suffix) => signatureLines(n, prefix, params, returns, suffix),
  }),
  /** A JSDoc block at the indentation of its line. */
  comment: (c: Comment): Hole => ({
    doc: () => commentDoc(c),
    flat: () => (hasComment(c) ? undefined : ""),
    lines: (n, prefix, suffix) => (prefix === "" && suffix === "" ? commentLines(n, c) : undefined),
  }),
} as const;
