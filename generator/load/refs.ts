import { isRecord } from "../records.js";
import { escapeSegment, refToPointer, resolvePointer } from "./pointer.js";

/**
 * The one place that follows a `$ref` in the raw document. Every stage that reads raw spec objects
 * (the bundler, the validator, the IR builders) asks here, so that chains of refs, dangling refs
 * and refs that leave the document mean the same thing everywhere.
 */

/** The local pointer that a Reference Object (`{ $ref: "#/..." }`) names; undefined for any other value. */
export const localRef = (value: unknown): string | undefined =>
  isRecord(value) && typeof value.$ref === "string" ? refToPointer(value.$ref) : undefined;

/** Longest chain of refs to refs followed; longer ones are treated as cycles. */
const MAX_CHAIN = 32;

/**
 * What `value` stands for: the target of its `$ref`, through chains of refs to refs; `value`
 * itself when it is not a Reference Object. Undefined when a ref dangles, leaves the document,
 * or goes round in a cycle (validate/ reports each of these).
 */
export function follow(root: unknown, value: unknown): unknown {
  let node = value;
  for (let step = 0; isRecord(node) && typeof node.$ref === "string"; step++) {
    const pointer = step < MAX_CHAIN ? refToPointer(node.$ref) : undefined;
    if (pointer === undefined) return undefined;
    node = resolvePointer(root, pointer);
  }
  return node;
}

/**
 * The pointer a `discriminator.mapping` value names (§4.8.25): a `#/...` reference, or a bare
 * component name. Undefined for refs into other files, which the bundler has already replaced.
 */
export function mappingTarget(value: string): string | undefined {
  if (value.startsWith("#")) return refToPointer(value);
  return /[/#]/.test(value) ? undefined : `/components/schemas/${escapeSegment(value)}`;
}
