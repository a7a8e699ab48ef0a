import type { Api, Operation, TypeNode } from "../../ir/model.js";
import { successResponses } from "../../ir/media.js";
import { referencedSchemas } from "../../ir/references.js";
import type { NameTable, OperationNames } from "../../names/plan.js";
import { docParagraphs } from "../doc.js";
import { docComment, identifier, propertyKey, stringLiteral } from "../escape.js";
import { functionHead, indentBlock, objectProperty, oneLine, returnChain, unionAlias, unionProperty } from "../layout.js";
import { segmentMarker } from "../segments.js";
import { topLevelParts, typeText, unionOf } from "../types/type-text.js";
import { errorView } from "./errors.js";
import { requestFields, type RequestField } from "./request-fields.js";

export interface FieldView {
  /** Indented as the member it documents. */
  doc: string;
  key: string;
  optional: boolean;
  type: string;
  /** The member `key?: type;` in its final layout (when the type is on one line). */
  line: string;
}

/** One exported function: the operation itself, or its stream variant. */
export interface FunctionView {
  doc: string;
  fn: string;
  /** `{@link fn}`, for JSDoc. */
  link: string;
  /** The client key, already a property key. */
  method: string;
  /** The marker before the function (emit/segments.ts). */
  segment: string;
  /** The function's head in its final layout, up to the opening brace. */
  head: string;
  /** What the call resolves with, given to request() as its type argument so tsc need not infer it. */
  resultType: string;
  /** The properties of the object handed to the runtime's request(), in their final layout. */
  requestFields: string;
}

export interface OperationView {
  /** The client path, e.g. ["voices", "pvc", "samples"]. */
  groupPath: string[];
  /** `operations/<file>.ts`. */
  file: string;
  link: string;
  paramsType: string;
  paramsOptional: boolean;
  fields: FieldView[];
  /** The markers before the params interface and the error union (emit/segments.ts). */
  paramsSegment: string;
  errorSegment: string;
  /** The error union's declaration in its final layout; empty when the spec declares no error status. */
  errorAlias: string;
  /** The error guard's head and return statement in their final layout. */
  errorGuardHead: string;
  errorGuardReturn: string;
  functions: FunctionView[];
  /** wire.ts helpers the functions use. */
  helpers: string[];
  /** Schema ids the operation's types mention, for imports. */
  schemaIds: string[];
}

function fieldView(doc: string, key: string, optional: boolean, type: string): FieldView {
  const head = `${key}${optional ? "?" : ""}:`;
  const line = oneLine(type) ? unionProperty("  ", head, topLevelParts(type, "|")) : `  ${head} ${type};`;
  return { doc: indentBlock(doc, "  "), key, optional, type, line };
}

/** Where the properties of the object handed to request() start. */
const REQUEST_FIELD_INDENT = "      ";

const requestObject = (fields: RequestField[]): string =>
  fields
    .map((f) =>
      "entries" in f ? objectProperty(REQUEST_FIELD_INDENT, f.key, f.entries, f.call) : `${REQUEST_FIELD_INDENT}${f.key}: ${f.value},`,
    )
    .join("\n");

/** What a call resolves with, for each way of reading the 2xx body. */
function resultType(operation: Operation, names: NameTable, reading: Operation["reading"]): string {
  const success = successResponses(operation.responses);
  const types = [...new Set(success.filter((r) => r.type !== undefined).map((r) => typeText(r.type!, names)))];
  const data = types.length === 0 ? "unknown" : unionOf(types);
  switch (reading) {
    case "none":
      return "void";
    case "blob":
      return "Blob";
    case "text":
      return "string";
    case "stream":
      return "ReadableStream<Uint8Array>";
    case "sse":
    case "ndjson":
      return `AsyncIterable<${data}>`;
  }
  // The runtime resolves 204/205 to undefined, whatever else the operation may answer.
  return operation.responses.some((r) => r.status === "204" || r.status === "205") ? unionOf([data, "undefined"]) : data;
}

function bodyType(operation: Operation, names: NameTable): string {
  const type = typeText(operation.body!.type, names);
  // Multipart file fields also take bytes; the runtime wraps them in a Blob.
  return operation.body!.encoding === "multipart" || operation.body!.encoding === "binary" ? `Uploadable<${type}>` : type;
}

export function operationView(operation: Operation, own: OperationNames, names: NameTable): OperationView {
  const fields: FieldView[] = operation.parameters.map((p, i) =>
    fieldView(
      docComment([...docParagraphs(p.doc), `The \`${p.name}\` ${p.in} parameter.`]),
      propertyKey(own.parameters[i]!),
      !p.required,
      typeText(p.type, names),
    ),
  );
  if (operation.body) {
    fields.unshift(
      fieldView(
        docComment([`The ${operation.body.mediaType} request body.`]),
        "body",
        !operation.body.required,
        bodyType(operation, names),
      ),
    );
  }
  const signature = `\`${operation.method.toUpperCase()} ${operation.path}\``;
  const doc = (extra?: string): string =>
    docComment([operation.summary, operation.description, extra, signature, operation.deprecated ? "@deprecated" : undefined]);
  const paramsType = identifier(own.paramsType);
  const paramsOptional = fields.every((f) => f.optional);
  const head = (fn: string, result: string): string =>
    functionHead(
      `export async function ${fn}`,
      [`params: ${paramsType}${paramsOptional ? " = {}" : ""}`, "options?: RequestOptions"],
      `: Promise<${result}>`,
    );
  const main = requestFields(operation, own, own.fn, operation.reading);
  const mainResult = resultType(operation, names, operation.reading);
  const functions: FunctionView[] = [
    {
      doc: doc(),
      fn: identifier(own.fn),
      link: `{@link ${identifier(own.fn)}}`,
      method: propertyKey(own.method),
      segment: segmentMarker(oneLine(mainResult) && main.laidOut),
      head: head(identifier(own.fn), mainResult),
      resultType: mainResult,
      requestFields: requestObject(main.fields),
    },
  ];
  const helpers = new Set(main.helpers);
  if (own.stream) {
    const variant = requestFields(operation, own, own.fn, "stream");
    variant.helpers.forEach((h) => helpers.add(h));
    functions.push({
      doc: doc(
        `The same as {@link ${identifier(own.fn)}}, but resolves as soon as the response headers arrive, with the body as a stream of bytes.`,
      ),
      fn: identifier(own.stream.fn),
      link: `{@link ${identifier(own.stream.fn)}}`,
      method: propertyKey(own.stream.method),
      segment: segmentMarker(variant.laidOut),
      head: head(identifier(own.stream.fn), "ReadableStream<Uint8Array>"),
      resultType: "ReadableStream<Uint8Array>",
      requestFields: requestObject(variant.fields),
    });
  }
  const errors = errorView(operation, names);
  const errorType = identifier(own.errorType);
  const errorGuard = identifier(own.errorGuard);
  const typeNodes: TypeNode[] = [
    ...operation.parameters.map((p) => p.type),
    ...operation.responses.flatMap((r) => (r.type ? [r.type] : [])),
  ];
  if (operation.body) typeNodes.push(operation.body.type);
  return {
    groupPath: own.groupPath,
    file: own.file,
    link: functions[0]!.link,
    paramsType,
    paramsOptional,
    fields,
    paramsSegment: segmentMarker(oneLine(...fields.map((f) => f.type))),
    errorSegment: segmentMarker(oneLine(...errors.members)),
    errorAlias: errors.members.length === 0 ? "" : unionAlias(`export type ${errorType}`, errors.members),
    errorGuardHead: functionHead(`export function ${errorGuard}`, ["error: unknown"], `: error is ${errorType}`),
    errorGuardReturn: returnChain(["error instanceof ApiError", `error.operation === ${stringLiteral(own.fn)}`, errors.statusCheck], "&&"),
    functions,
    helpers: [...helpers],
    schemaIds: typeNodes.flatMap((t) => referencedSchemas(t)),
  };
}

export const operationViews = (api: Api, names: NameTable): OperationView[] =>
  api.operations.map((operation, i) => operationView(operation, names.operations[i]!, names));
