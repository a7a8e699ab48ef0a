import type { BodyField, Operation, Parameter, SecurityScheme } from "../../ir/model.js";
import { isJsonMediaType } from "../../ir/media-types.js";
import type { OperationNames } from "../../names/plan.js";
import { call, id, member, str, type Expr, type ObjectMember } from "../print/tree.js";

/** Methods that RFC 9110 §9.2.2 calls idempotent: retried without the caller opting in. */
const IDEMPOTENT = ["get", "head", "options", "put", "delete", "trace"];

/** The properties of the object a generated function hands to the runtime's request(), and the wire.ts helpers they use. */
export interface RequestFields {
  fields: ObjectMember[];
  helpers: string[];
}

const property = (key: string, value: Expr): ObjectMember => ({ kind: "property", key, value });
const object = (properties: ObjectMember[]): Expr => ({ kind: "object", properties });

/**
 * How one query parameter is written (§4.8.12.4). A scalar, or an array in `form` with explode (the
 * default), needs no helper: the runtime repeats arrays. Other shapes and styles go through wire.ts
 * `styled`, which looks at the value at run time, so a union of an object and a number works too.
 */
function queryEntry(p: Parameter, value: Expr, helpers: Set<string>): ObjectMember {
  if (p.shape === "json") return property(p.name, joinedValue(p, value, helpers));
  if (p.shape === "scalar" || (p.shape === "array" && p.explode && p.style === "form")) return property(p.name, value);
  helpers.add("styled");
  return { kind: "spread", argument: call("styled", [str(p.name), value, str(p.style), id(String(p.explode))]) };
}

/**
 * Header, cookie and path values: scalars as they are; arrays and objects (or values that may be
 * either) joined, `simple` style; a `content` parameter as JSON text.
 */
function joinedValue(p: Parameter, value: Expr, helpers: Set<string>): Expr {
  if (p.shape === "json") return (helpers.add("jsonText"), call("jsonText", [value]));
  if (p.shape === "scalar") return value;
  helpers.add("joined");
  return call("joined", [value, str(","), id(String(p.explode))]);
}

const scheme = (s: SecurityScheme): Expr => ({ kind: "array", elements: s.kind === "apiKey" ? [str(s.in), str(s.name)] : [str(s.kind)] });

/** The encoder for the body's media type; none for plain `application/json`, the runtime's default. */
function encoder(operation: Operation, partHeaders: Expr | undefined, helpers: Set<string>): Expr | undefined {
  const body = operation.body!;
  const type = body.mediaType.split(";")[0]!.trim();
  switch (body.encoding) {
    case "json":
      if (type.toLowerCase() === "application/json") return undefined;
      helpers.add("encodeAs");
      return call("encodeAs", [str(type), member("JSON", "stringify")]);
    case "multipart":
    case "form": {
      const helper = body.encoding === "form" ? "urlEncoded" : "multipart";
      helpers.add(helper);
      const rules = body.fields.flatMap((f) => {
        const rule = fieldEncoding(f, body.encoding === "form");
        return rule === undefined ? [] : [property(f.name, rule)];
      });
      const args = rules.length > 0 || partHeaders ? [object(rules)] : [];
      return call(helper, partHeaders ? [...args, partHeaders] : args);
    }
    default:
      helpers.add("encodeAs");
      // A wildcard such as `audio/*` is no content type: the Blob's own type is sent.
      return call("encodeAs", type.includes("*") ? [] : [str(type)]);
  }
}

/**
 * A field's wire.ts `Encoding`, when it differs from the default: its style (explode only when not
 * the style's default), else its content type when that is one concrete type (a list or a wildcard
 * leaves the choice to the value); in a form body only a JSON content type changes anything.
 */
function fieldEncoding(field: BodyField, form: boolean): Expr | undefined {
  if (field.style !== undefined) {
    if (form && field.style === "form" && field.explode !== false) return undefined;
    const explode = field.style !== "deepObject" && field.explode !== (field.style === "form");
    return object([property("style", str(field.style)), ...(explode ? [property("explode", id(String(field.explode)))] : [])]);
  }
  const type = field.contentType?.trim();
  if (type === undefined || /[*,]/.test(type) || (form && !isJsonMediaType(type))) return undefined;
  return object([property("type", str(type))]);
}

const READERS = { text: "asText", blob: "asBlob", none: "asNothing", stream: "asStream", sse: "asEvents", ndjson: "asLines" } as const;

/** `partHeaders`: the params' part headers, when the body's encoding declares some. */
export function requestFields(
  operation: Operation,
  own: OperationNames,
  fn: string,
  reading: Operation["reading"],
  partHeaders?: Expr,
): RequestFields {
  const helpers = new Set<string>();
  const value = (p: Parameter): Expr => member("params", own.parameters[operation.parameters.indexOf(p)]!);
  const of = (location: Parameter["in"]) => operation.parameters.filter((p) => p.in === location);
  const fields: ObjectMember[] = [property("operation", str(fn)), property("method", str(operation.method.toUpperCase()))];
  if (IDEMPOTENT.includes(operation.method)) fields.push(property("idempotent", id("true")));
  fields.push(property("path", pathValue(operation, of("path"), value, helpers)));
  const query = of("query").map((p) => queryEntry(p, value(p), helpers));
  if (query.length > 0) (helpers.add("query"), fields.push(property("query", call("query", [object(query)]))));
  const headers = of("header").map((p) => property(p.name, joinedValue(p, value(p), helpers)));
  const cookies = of("cookie").map((p) => property(p.name, joinedValue(p, value(p), helpers)));
  if (cookies.length > 0) (helpers.add("cookies"), headers.push(property("cookie", call("cookies", [object(cookies)]))));
  if (headers.length > 0) fields.push(property("headers", object(headers)));
  if (operation.apiKeyHeader !== undefined) fields.push(property("apiKeyHeader", str(operation.apiKeyHeader)));
  if (operation.security.length > 0)
    (helpers.add("security"),
      fields.push(property("auth", call("security", [{ kind: "array", elements: operation.security.map(scheme) }]))));
  if (operation.body) {
    fields.push(property("body", member("params", "body")));
    const encode = encoder(operation, partHeaders, helpers);
    if (encode !== undefined) fields.push(property("encode", encode));
  }
  if (reading !== "json") (helpers.add(READERS[reading]), fields.push(property("read", id(READERS[reading]))));
  return { fields, helpers: [...helpers] };
}

/** The path as a template literal, each `{name}` an encoded segment; a plain string without parameters. */
function pathValue(operation: Operation, parameters: Parameter[], value: (p: Parameter) => Expr, helpers: Set<string>): Expr {
  const quasis = [""];
  const expressions: Expr[] = [];
  for (const part of operation.path.split(/(\{[^}]*\})/)) {
    const p = parameters.find((x) => `{${x.name}}` === part);
    if (p) {
      helpers.add("segment");
      // An array or object (or a value that may be one) follows `simple`; label and matrix styles are sent as simple.
      expressions.push(call("segment", [joinedValue(p, value(p), helpers)]));
      quasis.push("");
    } else quasis[quasis.length - 1] += part;
  }
  return expressions.length === 0 ? str(operation.path) : { kind: "template", quasis, expressions };
}
