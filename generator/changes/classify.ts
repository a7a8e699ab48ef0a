import type { Direction, Severity } from "./model.js";

type Rule = { request: Severity; response: Severity };

const same = (severity: Severity): Rule => ({ request: severity, response: severity });

/**
 * What each kind of change means for code written against the generated client, by the way the
 * data flows. The client writes requests, so a request type may widen but not narrow; it reads
 * responses, so a response type may narrow but not widen. A new enum value or variant in a
 * response is a "notice": code compiles, but an exhaustive `switch` or `match` meets a value it
 * has no case for (and a removed one leaves a case the compiler calls unreachable). A value or
 * variant counts as such only beside others of its sort (an enum value among values of its type,
 * an object among at least two objects); anything else a response gains is a widening, which
 * code written for the old type does not compile against (`string` -> `Model | string`).
 */
export const RULES = {
  "operation-added": same("non-breaking"),
  "operation-removed": same("breaking"),
  /** The path changed but the generated function kept its name and signature. */
  "operation-moved": same("non-breaking"),
  /** The generated standalone function got another name (an operationId or SDK name changed). */
  "function-renamed": same("breaking"),
  /** The method moved on the generated client (`client.a.get` -> `client.a.b.get`), whatever the function's name. */
  "client-method-moved": same("breaking"),
  "operation-deprecated": same("non-breaking"),
  "parameter-added": same("non-breaking"),
  "required-parameter-added": same("breaking"),
  "parameter-removed": same("breaking"),
  "parameter-now-required": same("breaking"),
  "parameter-now-optional": same("non-breaking"),
  "body-added": same("non-breaking"),
  "required-body-added": same("breaking"),
  "body-removed": same("breaking"),
  "body-now-required": same("breaking"),
  "body-now-optional": same("non-breaking"),
  /** Another media type read or sent the same way (`application/json` -> `application/problem+json`). */
  "media-type-changed": same("non-breaking"),
  /** The function reads its result another way (JSON, text, a Blob, a stream): its result type changes, or what it holds. */
  "response-reading-changed": same("breaking"),
  /** A success body's schema changed where it does not type the result (a Blob, text, or `unknown` beside an untyped success). */
  "response-body-changed": same("non-breaking"),
  "response-added": same("notice"),
  "response-removed": same("notice"),
  "schema-added": same("non-breaking"),
  /** The exported type is gone, whichever way it was used. */
  "schema-removed": same("breaking"),
  "type-renamed": same("breaking"),
  /** Another component where the older type named one (`$ref: A` -> `$ref: B`); what B is, is compared on its own. */
  "reference-changed": same("non-breaking"),
  "property-added": same("non-breaking"),
  "required-property-added": { request: "breaking", response: "non-breaking" },
  /** In a request, TypeScript rejects the property in an object literal; in a response, the data is gone. */
  "property-removed": same("breaking"),
  "property-now-optional": { request: "non-breaking", response: "breaking" },
  "property-now-required": { request: "breaking", response: "non-breaking" },
  "nullable-added": { request: "non-breaking", response: "breaking" },
  "nullable-removed": { request: "breaking", response: "non-breaking" },
  "value-added": { request: "non-breaking", response: "notice" },
  "value-removed": { request: "breaking", response: "notice" },
  "variant-added": { request: "non-breaking", response: "notice" },
  "variant-removed": { request: "breaking", response: "notice" },
  "type-widened": { request: "non-breaking", response: "breaking" },
  "type-narrowed": { request: "breaking", response: "non-breaking" },
  "type-changed": same("breaking"),
  "discriminator-added": same("non-breaking"),
  "discriminator-removed": same("breaking"),
  "discriminator-changed": same("breaking"),
} satisfies Record<string, Rule>;

export type ChangeKind = keyof typeof RULES;

const RANK: Record<Severity, number> = { "non-breaking": 0, notice: 1, breaking: 2 };

/** The severity of a change; data that flows both ways gets the stricter of the two. */
export function classify(kind: ChangeKind, direction: Direction): Severity {
  const rule: Rule = RULES[kind];
  if (direction !== "both") return rule[direction];
  return RANK[rule.request] >= RANK[rule.response] ? rule.request : rule.response;
}
