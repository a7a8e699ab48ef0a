import { docCommentLines } from "../escape.js";
import { hardline, join, type Doc } from "./doc.js";
import type { Comment } from "./tree.js";

/** A JSDoc block before a declaration or member, its lines at the indentation of what it documents; "" for none. */
export function commentDoc(comment: Comment | undefined): Doc {
  const lines = comment ? docCommentLines(comment) : [];
  return lines.length === 0 ? "" : join(hardline, lines);
}

/** `doc` after its JSDoc block, if any. */
export const withComment = (comment: Comment | undefined, doc: Doc): Doc => {
  const printed = commentDoc(comment);
  return printed === "" ? doc : [printed, hardline, doc];
};
