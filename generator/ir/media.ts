import { joinPointer } from "../load/pointer.js";
import { type BuildContext, type RawSchema } from "./context.js";
import { isRecord } from "../records.js";
import { deref } from "./deref.js";
import { essence, JSON_TYPE, NDJSON_TYPE, preferredMediaType, SSE_TYPE } from "./media-types.js";
import { docOf } from "./doc.js";
import type { BodyEncoding, BodyField, RequestBody, Response, ResponseReading } from "./model.js";
import { styleOf } from "./parameters.js";
import { convertSchema, UNKNOWN } from "./schema.js";

function bodyEncoding(mediaType: string): BodyEncoding {
  const type = essence(mediaType);
  if (JSON_TYPE.test(type)) return "json";
  if (type === "multipart/form-data" || type === "multipart/mixed") return "multipart";
  if (type === "application/x-www-form-urlencoded") return "form";
  return /^text\//.test(type) ? "text" : "binary";
}

/** Request Body Object (§4.8.13), with the Encoding Objects (§4.8.15) of multipart and form fields. */
export function convertBody(ctx: BuildContext, raw: unknown, pointer: string, hint: string[]): RequestBody | undefined {
  const body = deref(ctx, raw);
  if (!isRecord(body) || !isRecord(body.content)) return undefined;
  const mediaType = preferredMediaType(Object.keys(body.content));
  if (mediaType === undefined) return undefined;
  const media = body.content[mediaType];
  const schemaPointer = joinPointer(pointer, "content", mediaType, "schema");
  const encoding = bodyEncoding(mediaType);
  const fields =
    isRecord(media) && isRecord(media.encoding)
      ? encodingFields(ctx, media.encoding, joinPointer(pointer, "content", mediaType, "encoding"), hint, encoding)
      : [];
  return {
    mediaType,
    encoding,
    type: isRecord(media) ? convertSchema(ctx, media.schema, schemaPointer, [...hint, "Body"]) : UNKNOWN,
    // OpenAPI's default is `required: false`, but FastAPI- and Fern-exported specs omit it on bodies
    // the server needs, so a body is required unless the spec says otherwise in so many words.
    required: body.required !== false,
    pointer,
    fields,
  };
}

/** Encoding Objects (§4.8.15) that say something: `style`/`explode` (form and multipart), `contentType`, part `headers` (multipart). */
function encodingFields(ctx: BuildContext, raw: RawSchema, pointer: string, hint: string[], encoding: BodyEncoding): BodyField[] {
  return Object.entries(raw).flatMap(([name, entry]) => {
    if (!isRecord(entry)) return [];
    const at = joinPointer(pointer, name);
    const field: BodyField = { name, headers: [] };
    if (typeof entry.contentType === "string") field.contentType = entry.contentType;
    if (typeof entry.style === "string" || typeof entry.explode === "boolean") Object.assign(field, styleOf(entry, "query"));
    if (encoding === "multipart" && isRecord(entry.headers)) {
      for (const [header, rawHeader] of Object.entries(entry.headers)) {
        const value = deref(ctx, rawHeader);
        // Content-Type is the contentType field's business (§4.8.15).
        if (!isRecord(value) || header.toLowerCase() === "content-type") continue;
        const headerAt = joinPointer(at, "headers", header);
        field.headers.push({
          name: header,
          type: convertSchema(ctx, value.schema, joinPointer(headerAt, "schema"), [...hint, name, header]),
          required: value.required === true,
          doc: docOf(value),
          pointer: headerAt,
        });
      }
    }
    return field.contentType !== undefined || field.style !== undefined || field.headers.length > 0 ? [field] : [];
  });
}

/** Responses Object (§4.8.16): exact codes, `1XX`-`5XX` ranges and `default`, in spec order. */
export function convertResponses(ctx: BuildContext, raw: unknown, pointer: string, hint: string[]): Response[] {
  if (!isRecord(raw)) return [];
  return Object.entries(raw).map(([status, entry]) => {
    const at = joinPointer(pointer, status);
    const response = deref(ctx, entry);
    const result: Response = { status: /^[1-5]xx$/i.test(status) ? status.toUpperCase() : status, pointer: at };
    if (!isRecord(response)) return result;
    if (typeof response.description === "string") result.description = response.description;
    const content = isRecord(response.content) ? response.content : {};
    const mediaType = preferredMediaType(Object.keys(content));
    if (mediaType !== undefined) {
      const media = content[mediaType];
      result.mediaType = mediaType;
      result.type = isRecord(media)
        ? convertSchema(ctx, media.schema, joinPointer(at, "content", mediaType, "schema"), [...hint, status, "Response"])
        : UNKNOWN;
    }
    return result;
  });
}

/** The responses a call resolves with: 2xx codes and the `2XX` range, else `default` when the spec lists no success. */
export function successResponses(responses: Response[]): Response[] {
  const success = responses.filter((r) => /^2(\d\d|XX)$/.test(r.status));
  return success.length > 0 ? success : responses.filter((r) => r.status === "default");
}

/**
 * How the 2xx body is read, from its media type and Fern's `x-fern-streaming`: `true` or
 * `{format: "json"}` streams newline-delimited JSON when the response is JSON, `{format: "sse"}`
 * streams server-sent events, and any other streamed response is a byte stream.
 */
export function responseReading(raw: RawSchema, responses: Response[]): ResponseReading {
  const mediaType = successResponses(responses).find((r) => r.mediaType !== undefined)?.mediaType;
  const type = mediaType === undefined ? undefined : essence(mediaType);
  const streaming = raw["x-fern-streaming"];
  const format = isRecord(streaming) ? streaming.format : undefined;
  if (format === "sse" || (type !== undefined && SSE_TYPE.test(type))) return "sse";
  if (type !== undefined && NDJSON_TYPE.test(type)) return "ndjson";
  if (streaming === true || isRecord(streaming)) return type !== undefined && JSON_TYPE.test(type) ? "ndjson" : "stream";
  if (type === undefined) return "none";
  if (JSON_TYPE.test(type)) return "json";
  return /^text\//.test(type) ? "text" : "blob";
}
