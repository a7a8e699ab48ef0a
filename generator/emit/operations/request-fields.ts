import type { Operation, Parameter, SecurityScheme } from "../../ir/model.js";
import type { OperationNames } from "../../names/plan.js";
import { propertyAccess, propertyKey, stringLiteral, templateText } from "../escape.js";

/** Methods that RFC 9110 §9.2.2 calls idempotent: retried without the caller opting in. */
const IDEMPOTENT = ["get", "head", "options", "put", "delete", "trace"];

/** A property of the object handed to request(): a value, or an object literal (the argument of `call` if given). */
export type RequestField = { key: string; value: string } | { key: string; call?: string; entries: string[] };

/** The properties of the object a generated function hands to the runtime's request(), and the wire.ts helpers they use. */
export interface RequestFields {
  fields: RequestField[];
  helpers: string[];
  /** False when prettier lays a field out in a way emit/layout.ts does not (several security schemes: it breaks an array of arrays). */
  laidOut: boolean;
}

/**
 * How one parameter value is written. Form-style query values with explode (the default) need no
 * helper: the runtime repeats arrays. Other styles are serialized by wire.ts helpers (§4.8.12.4).
 */
function queryEntry(p: Parameter, value: string, helpers: Set<string>): string {
  const key = propertyKey(p.name);
  if (p.shape === "object" && p.style === "deepObject")
    return (helpers.add("deepObject"), `...deepObject(${stringLiteral(p.name)}, ${value})`);
  if (p.shape === "object" && p.explode && p.style === "form") return `...${value}`;
  if (p.shape === "scalar" || (p.explode && p.style === "form")) return `${key}: ${value}`;
  const separator = p.style === "spaceDelimited" ? " " : p.style === "pipeDelimited" ? "|" : ",";
  helpers.add("joined");
  return `${key}: joined(${value}, ${stringLiteral(separator)})`;
}

/** Header values: arrays are comma-joined by String(); objects follow the simple style. */
function headerEntry(p: Parameter, value: string, helpers: Set<string>): string {
  if (p.shape !== "object") return `${propertyKey(p.name)}: ${value}`;
  helpers.add("joined");
  return `${propertyKey(p.name)}: joined(${value}, ",", ${p.explode})`;
}

const schemeText = (s: SecurityScheme): string =>
  s.kind === "apiKey" ? `[${stringLiteral(s.in)}, ${stringLiteral(s.name)}]` : `[${stringLiteral(s.kind)}]`;

/** The encoder for the body's media type; none for plain `application/json`, the runtime's default. */
function encoder(operation: Operation, helpers: Set<string>): string | undefined {
  const body = operation.body!;
  const type = body.mediaType.split(";")[0]!.trim();
  switch (body.encoding) {
    case "json":
      if (type.toLowerCase() === "application/json") return undefined;
      helpers.add("encodeAs");
      return `encodeAs(${stringLiteral(type)}, JSON.stringify)`;
    case "multipart": {
      helpers.add("formData");
      const typed = body.fields.filter((f) => f.contentType !== undefined);
      return typed.length === 0
        ? "formData()"
        : `formData({ ${typed.map((f) => `${propertyKey(f.name)}: ${stringLiteral(f.contentType!)}`).join(", ")} })`;
    }
    case "form":
      helpers.add("urlEncoded");
      return "urlEncoded";
    default:
      helpers.add("encodeAs");
      // A wildcard such as `audio/*` is no content type: the Blob's own type is sent.
      return type.includes("*") ? "encodeAs()" : `encodeAs(${stringLiteral(type)})`;
  }
}

const READERS = { text: "asText", blob: "asBlob", none: "asNothing", stream: "asStream", sse: "asEvents", ndjson: "asLines" } as const;

export function requestFields(operation: Operation, own: OperationNames, fn: string, reading: Operation["reading"]): RequestFields {
  const helpers = new Set<string>();
  const value = (p: Parameter): string => propertyAccess("params", own.parameters[operation.parameters.indexOf(p)]!);
  const of = (location: Parameter["in"]) => operation.parameters.filter((p) => p.in === location);
  const fields: RequestField[] = [
    { key: "operation", value: stringLiteral(fn) },
    { key: "method", value: stringLiteral(operation.method.toUpperCase()) },
  ];
  const push = (key: string, value: string): void => void fields.push({ key, value });
  if (IDEMPOTENT.includes(operation.method)) push("idempotent", "true");
  // The path as a template literal: `{name}` becomes an encoded segment.
  const path = operation.path
    .split(/(\{[^}]*\})/)
    .map((part) => {
      const p = of("path").find((x) => `{${x.name}}` === part);
      return p ? (helpers.add("segment"), `\${segment(${value(p)})}`) : templateText(part);
    })
    .join("");
  push("path", path.includes("${") ? `\`${path}\`` : stringLiteral(operation.path));
  const query = of("query").map((p) => queryEntry(p, value(p), helpers));
  if (query.length > 0) (helpers.add("query"), fields.push({ key: "query", call: "query", entries: query }));
  const headers = of("header").map((p) => headerEntry(p, value(p), helpers));
  const cookies = of("cookie").map((p) => `${propertyKey(p.name)}: ${value(p)}`);
  if (cookies.length > 0) (helpers.add("cookies"), headers.push(`cookie: cookies({ ${cookies.join(", ")} })`));
  if (headers.length > 0) fields.push({ key: "headers", entries: headers });
  if (operation.apiKeyHeader !== undefined) push("apiKeyHeader", stringLiteral(operation.apiKeyHeader));
  if (operation.security.length > 0)
    (helpers.add("security"), push("auth", `security([${operation.security.map(schemeText).join(", ")}])`));
  if (operation.body) {
    push("body", "params.body");
    const encode = encoder(operation, helpers);
    if (encode !== undefined) push("encode", encode);
  }
  if (reading !== "json") (helpers.add(READERS[reading]), push("read", READERS[reading]));
  return { fields, helpers: [...helpers], laidOut: operation.security.length < 2 };
}
