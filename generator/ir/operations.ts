import { joinPointer } from "../load/pointer.js";
import { type BuildContext, type RawSchema } from "./context.js";
import { METHODS } from "../openapi.js";
import { isRecord } from "../records.js";
import { deref } from "./deref.js";
import { convertBody, convertResponses, responseReading } from "./media.js";
import { convertCallbacks } from "./incoming.js";
import type { Incoming, Operation } from "./model.js";
import { withImpliedPathParameters } from "./implied-parameters.js";
import { convertParameters } from "./parameters.js";
import { convertSecurity } from "./security.js";

/** Header parameters that carry an API key by name, such as ElevenLabs' `xi-api-key`. */
const API_KEY_HEADER = /^(x-|xi-)?api[-_]?key$/i;

/** Paths Object (§4.8.8) and Operation Objects (§4.8.10), in document order; their callbacks go to `callbacks`. */
export function convertOperations(ctx: BuildContext, paths: unknown, callbacks: Incoming[]): Operation[] {
  if (!isRecord(paths)) return [];
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const itemPointer = joinPointer("/paths", path);
    const item = deref(ctx, rawItem);
    if (!isRecord(item)) continue;
    for (const method of METHODS) {
      const raw = item[method];
      if (!isRecord(raw)) continue;
      const operation = convertOperation(ctx, path, method, raw, item, joinPointer(itemPointer, method));
      callbacks.push(...convertCallbacks(ctx, operation, operations.length, raw.callbacks));
      operations.push(operation);
    }
  }
  return operations;
}

function convertOperation(ctx: BuildContext, path: string, method: string, raw: RawSchema, item: RawSchema, pointer: string): Operation {
  const operationId = typeof raw.operationId === "string" ? raw.operationId : undefined;
  const hint = [operationId ?? `${method} ${path}`];
  const group = raw["x-fern-sdk-group-name"];
  const sdkGroup = typeof group === "string" ? [group] : Array.isArray(group) ? group.filter((g) => typeof g === "string") : undefined;
  const responses = convertResponses(ctx, raw.responses, joinPointer(pointer, "responses"), hint);
  const operation: Operation = {
    pointer,
    method,
    path,
    tags: Array.isArray(raw.tags) ? raw.tags.filter((t) => typeof t === "string") : [],
    deprecated: raw.deprecated === true,
    parameters: withImpliedPathParameters(path, convertParameters(ctx, item, raw, pointer, hint), pointer),
    responses,
    reading: responseReading(raw, responses),
    security: convertSecurity(ctx, raw.security),
  };
  if (operationId !== undefined) operation.operationId = operationId;
  const apiKey = operation.parameters.find((p) => p.in === "header" && API_KEY_HEADER.test(p.name));
  if (apiKey) operation.apiKeyHeader = apiKey.name;
  if (sdkGroup !== undefined && sdkGroup.length > 0) operation.sdkGroup = sdkGroup;
  if (typeof raw["x-fern-sdk-method-name"] === "string") operation.sdkMethod = raw["x-fern-sdk-method-name"];
  if (typeof raw.summary === "string") operation.summary = raw.summary;
  if (typeof raw.description === "string") operation.description = raw.description;
  const bodyPointer = joinPointer(pointer, "requestBody");
  // Not even converted: its schemas would be types that nothing uses.
  if (BODILESS.includes(method) && raw.requestBody !== undefined) {
    if (!holdsNothing(ctx, raw.requestBody)) reportBodiless(ctx, method, bodyPointer);
  } else {
    const body = convertBody(ctx, raw.requestBody, bodyPointer, hint);
    if (body) operation.body = body;
  }
  return operation;
}

/** Methods whose requests fetch refuses to give a body (`TypeError: Request with GET/HEAD method cannot have body`). */
const BODILESS = ["get", "head"];

/**
 * A body every media type of which is an object that admits no member (no properties, no
 * additional ones, nothing composed in): leaving it out loses nothing, so it is not worth a warning
 * (Stripe declares one on each of its 213 GET operations).
 */
function holdsNothing(ctx: BuildContext, rawBody: unknown): boolean {
  const body = deref(ctx, rawBody);
  if (!isRecord(body) || !isRecord(body.content)) return false;
  return Object.values(body.content).every((media) => {
    const schema = isRecord(media) ? deref(ctx, media.schema) : undefined;
    if (!isRecord(schema) || schema.additionalProperties !== false) return false;
    if (isRecord(schema.properties) && Object.keys(schema.properties).length > 0) return false;
    return !["patternProperties", "allOf", "anyOf", "oneOf", "items", "$ref"].some((key) => key in schema);
  });
}

function reportBodiless(ctx: BuildContext, method: string, pointer: string): void {
  ctx.report({
    code: "W_BODY_NOT_SENT",
    severity: "warning",
    message: `The spec declares a request body on ${method.toUpperCase()}, which fetch cannot send; the function takes no body.`,
    hint: "Remove the requestBody, or move what it carries into query parameters (or use POST).",
    pointer,
  });
}
