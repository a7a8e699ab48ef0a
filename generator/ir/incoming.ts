import { joinPointer } from "../load/pointer.js";
import { type BuildContext, type RawSchema } from "./context.js";
import { isRecord } from "../records.js";
import { deref } from "./deref.js";
import type { Incoming, NameHint, Operation } from "./model.js";
import { convertNamed } from "./named.js";
import { METHODS } from "../openapi.js";

/**
 * Requests the API sends to the user: 3.1 `webhooks` (§4.8.1) and the `callbacks` of operations
 * (§4.8.18). The user's server receives them, so what a client needs is the payload's type and a
 * guard to vet an incoming body. Each payload is a named schema: `<Name>Webhook`,
 * `<Operation><Name>Callback`.
 */
export function convertWebhooks(ctx: BuildContext, webhooks: unknown): Incoming[] {
  if (!isRecord(webhooks)) return [];
  return Object.entries(webhooks).flatMap(([name, item]) =>
    convertPathItem(ctx, item, joinPointer("/webhooks", name), (method, several) => ({
      kind: "webhook",
      name,
      method,
      hint: several ? [name, method, "Webhook"] : [name, "Webhook"],
    })),
  );
}

/** The callbacks of the operation at `index` of `Api.operations`, whose raw `callbacks` are given. */
export function convertCallbacks(ctx: BuildContext, operation: Operation, index: number, raw: unknown): Incoming[] {
  const callbacks = deref(ctx, raw);
  if (!isRecord(callbacks)) return [];
  const at = joinPointer(operation.pointer, "callbacks");
  const owner = operation.operationId ?? `${operation.method} ${operation.path}`;
  return Object.entries(callbacks).flatMap(([name, raw]) => {
    const callback = deref(ctx, raw);
    if (!isRecord(callback)) return [];
    const expressions = Object.keys(callback).filter((e) => !e.startsWith("x-"));
    return expressions.flatMap((expression) =>
      convertPathItem(ctx, callback[expression], joinPointer(at, name, expression), (method, several) => ({
        kind: "callback",
        name,
        operation: index,
        expression,
        method,
        hint: [owner, name, ...(several || expressions.length > 1 ? [method] : []), "Callback"],
      })),
    );
  });
}

type Describe = (
  method: string,
  several: boolean,
) => Pick<Incoming, "kind" | "name" | "method" | "operation" | "expression"> & { hint: NameHint };

/** One Incoming per operation of a Path Item; its request body (the payload) becomes a named schema. */
function convertPathItem(ctx: BuildContext, raw: unknown, pointer: string, describe: Describe): Incoming[] {
  const item = deref(ctx, raw);
  if (!isRecord(item)) return [];
  const methods = METHODS.filter((m) => isRecord(item[m]));
  return methods.map((method) => {
    const operation = item[method] as RawSchema;
    const { hint, ...described } = describe(method, methods.length > 1);
    const at = joinPointer(pointer, method);
    const body = deref(ctx, operation.requestBody);
    const content = isRecord(body) && isRecord(body.content) ? body.content : {};
    const mediaType = Object.keys(content).find((t) => /json/i.test(t)) ?? Object.keys(content)[0];
    // Without a body (a ping) the payload is typed unknown.
    const media = mediaType === undefined ? undefined : content[mediaType];
    const payload = joinPointer(at, "requestBody", ...(mediaType === undefined ? [] : ["content", mediaType, "schema"]));
    const incoming: Incoming = { ...described, pointer: at, payload };
    if (mediaType !== undefined) incoming.mediaType = mediaType;
    if (typeof operation.summary === "string") incoming.summary = operation.summary;
    if (typeof operation.description === "string") incoming.description = operation.description;
    const index = ctx.schemas.length;
    convertNamed(ctx, isRecord(media) ? (media.schema ?? {}) : {}, payload, hint, "inline");
    const schema = ctx.schemas[index];
    if (schema?.id === payload) schema.doc = { ...schema.doc, description: payloadDoc(incoming, schema.doc.description) };
    return incoming;
  });
}

/** The payload type's JSDoc: what sends it, the operation's summary and description, then the schema's own. */
function payloadDoc(incoming: Incoming, own: string | undefined): string {
  const what = `the \`${incoming.name}\` ${incoming.kind}`;
  const lines = [`The payload the API sends with ${what} (${incoming.method.toUpperCase()}).`, incoming.summary, incoming.description, own];
  return lines.filter((l) => l !== undefined && l !== "").join("\n\n");
}
