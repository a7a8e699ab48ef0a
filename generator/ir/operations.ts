import { joinPointer, refToPointer, resolvePointer } from "../load/pointer.js";
import { isRecord, type BuildContext, type RawSchema } from "./context.js";
import { docOf } from "./doc.js";
import type { Operation, Parameter, ParameterLocation, RequestBody, Response } from "./model.js";
import { convertSchema, UNKNOWN } from "./schema.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
const LOCATIONS: readonly string[] = ["path", "query", "header", "cookie"];
/** Header parameters that carry an API key by name, such as ElevenLabs' `xi-api-key`. */
const API_KEY_HEADER = /^(x-|xi-)?api[-_]?key$/i;

/** Media types in the order a client prefers to send or read them when several are offered. */
const MEDIA_PREFERENCE = [/^application\/(.+\+)?json$/, /^multipart\/form-data$/, /^application\/x-www-form-urlencoded$/, /^text\//, /./];

/** Paths Object (§4.8.8) and Operation Objects (§4.8.10), in document order. */
export function convertOperations(ctx: BuildContext, paths: unknown): Operation[] {
  if (!isRecord(paths)) return [];
  const operations: Operation[] = [];
  for (const [path, rawItem] of Object.entries(paths)) {
    const itemPointer = joinPointer("/paths", path);
    const item = deref(ctx, rawItem);
    if (!isRecord(item)) continue;
    for (const method of METHODS) {
      const raw = item[method];
      if (!isRecord(raw)) continue;
      operations.push(convertOperation(ctx, path, method, raw, item, joinPointer(itemPointer, method)));
    }
  }
  return operations;
}

function convertOperation(ctx: BuildContext, path: string, method: string, raw: RawSchema, item: RawSchema, pointer: string): Operation {
  const operationId = typeof raw.operationId === "string" ? raw.operationId : undefined;
  const hint = [operationId ?? `${method} ${path}`];
  const group = raw["x-fern-sdk-group-name"];
  const sdkGroup = typeof group === "string" ? [group] : Array.isArray(group) ? group.filter((g) => typeof g === "string") : undefined;
  const operation: Operation = {
    pointer,
    method,
    path,
    tags: Array.isArray(raw.tags) ? raw.tags.filter((t) => typeof t === "string") : [],
    deprecated: raw.deprecated === true,
    parameters: convertParameters(ctx, item, raw, pointer, hint),
    responses: convertResponses(ctx, raw.responses, joinPointer(pointer, "responses"), hint),
  };
  if (operationId !== undefined) operation.operationId = operationId;
  const apiKey = operation.parameters.find((p) => p.in === "header" && API_KEY_HEADER.test(p.name));
  if (apiKey) operation.apiKeyHeader = apiKey.name;
  if (sdkGroup !== undefined && sdkGroup.length > 0) operation.sdkGroup = sdkGroup;
  if (typeof raw["x-fern-sdk-method-name"] === "string") operation.sdkMethod = raw["x-fern-sdk-method-name"];
  if (typeof raw.summary === "string") operation.summary = raw.summary;
  if (typeof raw.description === "string") operation.description = raw.description;
  const body = convertBody(ctx, raw.requestBody, joinPointer(pointer, "requestBody"), hint);
  if (body) operation.body = body;
  return operation;
}

/** Path-level parameters apply unless the operation redefines the same name and location (§4.8.9). */
function convertParameters(ctx: BuildContext, item: RawSchema, raw: RawSchema, pointer: string, hint: string[]): Parameter[] {
  const byKey = new Map<string, Parameter>();
  const collect = (list: unknown, at: string): void => {
    if (!Array.isArray(list)) return;
    list.forEach((entry, index) => {
      const p = deref(ctx, entry);
      const where = joinPointer(at, index);
      if (!isRecord(p) || typeof p.name !== "string" || typeof p.in !== "string" || !LOCATIONS.includes(p.in)) return;
      const schema = p.schema ?? (isRecord(p.content) ? Object.values(p.content).find(isRecord)?.schema : undefined);
      byKey.set(`${p.in} ${p.name}`, {
        name: p.name,
        in: p.in as ParameterLocation,
        required: p.in === "path" || p.required === true,
        type: convertSchema(ctx, schema, joinPointer(where, "schema"), [...hint, p.name]),
        doc: docOf(p),
        pointer: where,
      });
    });
  };
  collect(item.parameters, pointer.slice(0, pointer.lastIndexOf("/")) + "/parameters");
  collect(raw.parameters, joinPointer(pointer, "parameters"));
  return [...byKey.values()];
}

function convertBody(ctx: BuildContext, raw: unknown, pointer: string, hint: string[]): RequestBody | undefined {
  const body = deref(ctx, raw);
  if (!isRecord(body) || !isRecord(body.content)) return undefined;
  const mediaType = preferredMediaType(Object.keys(body.content));
  if (mediaType === undefined) return undefined;
  const media = body.content[mediaType];
  const schemaPointer = joinPointer(pointer, "content", mediaType, "schema");
  return {
    mediaType,
    type: isRecord(media) ? convertSchema(ctx, media.schema, schemaPointer, [...hint, "Body"]) : UNKNOWN,
    // OpenAPI's default is `required: false`, but FastAPI- and Fern-exported specs omit it on bodies
    // the server needs, so a body is required unless the spec says otherwise in so many words.
    required: body.required !== false,
    pointer,
  };
}

function convertResponses(ctx: BuildContext, raw: unknown, pointer: string, hint: string[]): Response[] {
  if (!isRecord(raw)) return [];
  return Object.entries(raw).map(([status, entry]) => {
    const at = joinPointer(pointer, status);
    const response = deref(ctx, entry);
    const result: Response = { status, pointer: at };
    if (!isRecord(response)) return result;
    if (typeof response.description === "string") result.description = response.description;
    const content = isRecord(response.content) ? response.content : {};
    const mediaType = preferredMediaType(Object.keys(content));
    if (mediaType !== undefined) {
      const media = content[mediaType];
      result.mediaType = mediaType;
      result.type = isRecord(media) ? convertSchema(ctx, media.schema, joinPointer(at, "content", mediaType, "schema"), [...hint, status, "Response"]) : UNKNOWN;
    }
    return result;
  });
}

export const preferredMediaType = (types: string[]): string | undefined => {
  for (const pattern of MEDIA_PREFERENCE) {
    const found = types.find((t) => pattern.test(t.split(";")[0]!.trim().toLowerCase()));
    if (found !== undefined) return found;
  }
  return undefined;
};

/** Parameter, Request Body, Response and Path Item objects may be `$ref`s to components. */
function deref(ctx: BuildContext, raw: unknown, depth = 0): unknown {
  if (!isRecord(raw) || typeof raw.$ref !== "string" || depth > 32) return raw;
  const target = refToPointer(raw.$ref);
  return target === undefined ? undefined : deref(ctx, resolvePointer(ctx.root, target), depth + 1);
}
