import type { Operation, Parameter, SecurityScheme } from "../../ir/model.js";
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
 * How one parameter value is written. Form-style query values with explode (the default) need no
 * helper: the runtime repeats arrays. Other styles are serialized by wire.ts helpers (§4.8.12.4).
 */
function queryEntry(p: Parameter, value: Expr, helpers: Set<string>): ObjectMember {
  if (p.shape === "object" && p.style === "deepObject")
    return (helpers.add("deepObject"), { kind: "spread", argument: call("deepObject", [str(p.name), value]) });
  if (p.shape === "object" && p.explode && p.style === "form") return { kind: "spread", argument: value };
  if (p.shape === "scalar" || (p.explode && p.style === "form")) return property(p.name, value);
  const separator = p.style === "spaceDelimited" ? " " : p.style === "pipeDelimited" ? "|" : ",";
  helpers.add("joined");
  return property(p.name, call("joined", [value, str(separator)]));
}

/** Header values: arrays are comma-joined by String(); objects follow the simple style. */
function headerEntry(p: Parameter, value: Expr, helpers: Set<string>): ObjectMember {
  if (p.shape !== "object") return property(p.name, value);
  helpers.add("joined");
  return property(p.name, call("joined", [value, str(","), id(String(p.explode))]));
}

const scheme = (s: SecurityScheme): Expr => ({ kind: "array", elements: s.kind === "apiKey" ? [str(s.in), str(s.name)] : [str(s.kind)] });

/** The encoder for the body's media type; none for plain `application/json`, the runtime's default. */
function encoder(operation: Operation, helpers: Set<string>): Expr | undefined {
  const body = operation.body!;
  const type = body.mediaType.split(";")[0]!.trim();
  switch (body.encoding) {
    case "json":
      if (type.toLowerCase() === "application/json") return undefined;
      helpers.add("encodeAs");
      return call("encodeAs", [str(type), member("JSON", "stringify")]);
    case "multipart": {
      helpers.add("formData");
      const typed = body.fields.filter((f) => f.contentType !== undefined);
      return call("formData", typed.length === 0 ? [] : [object(typed.map((f) => property(f.name, str(f.contentType!))))]);
    }
    case "form":
      helpers.add("urlEncoded");
      return id("urlEncoded");
    default:
      helpers.add("encodeAs");
      // A wildcard such as `audio/*` is no content type: the Blob's own type is sent.
      return call("encodeAs", type.includes("*") ? [] : [str(type)]);
  }
}

const READERS = { text: "asText", blob: "asBlob", none: "asNothing", stream: "asStream", sse: "asEvents", ndjson: "asLines" } as const;

export function requestFields(operation: Operation, own: OperationNames, fn: string, reading: Operation["reading"]): RequestFields {
  const helpers = new Set<string>();
  const value = (p: Parameter): Expr => member("params", own.parameters[operation.parameters.indexOf(p)]!);
  const of = (location: Parameter["in"]) => operation.parameters.filter((p) => p.in === location);
  const fields: ObjectMember[] = [property("operation", str(fn)), property("method", str(operation.method.toUpperCase()))];
  if (IDEMPOTENT.includes(operation.method)) fields.push(property("idempotent", id("true")));
  fields.push(property("path", pathValue(operation, of("path"), value, helpers)));
  const query = of("query").map((p) => queryEntry(p, value(p), helpers));
  if (query.length > 0) (helpers.add("query"), fields.push(property("query", call("query", [object(query)]))));
  const headers = of("header").map((p) => headerEntry(p, value(p), helpers));
  const cookies = of("cookie").map((p) => property(p.name, value(p)));
  if (cookies.length > 0) (helpers.add("cookies"), headers.push(property("cookie", call("cookies", [object(cookies)]))));
  if (headers.length > 0) fields.push(property("headers", object(headers)));
  if (operation.apiKeyHeader !== undefined) fields.push(property("apiKeyHeader", str(operation.apiKeyHeader)));
  if (operation.security.length > 0)
    (helpers.add("security"),
      fields.push(property("auth", call("security", [{ kind: "array", elements: operation.security.map(scheme) }]))));
  if (operation.body) {
    fields.push(property("body", member("params", "body")));
    const encode = encoder(operation, helpers);
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
      expressions.push(call("segment", [value(p)]));
      quasis.push("");
    } else quasis[quasis.length - 1] += part;
  }
  return expressions.length === 0 ? str(operation.path) : { kind: "template", quasis, expressions };
}
