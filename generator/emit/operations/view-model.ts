import type { Api, Operation, TypeNode } from "../../ir/model.js";
import { successResponses } from "../../ir/media.js";
import { referencedSchemas } from "../../ir/references.js";
import type { NameTable, OperationNames } from "../../names/plan.js";
import { docParagraphs } from "../doc.js";
import { docComment, identifier, propertyKey, stringLiteral } from "../escape.js";
import { typeText } from "../types/type-text.js";
import { errorView } from "./errors.js";
import { requestFields } from "./request-fields.js";

export interface FieldView {
  doc: string;
  key: string;
  optional: boolean;
  type: string;
}

/** One exported function: the operation itself, or its stream variant. */
export interface FunctionView {
  doc: string;
  fn: string;
  /** `{@link fn}`, for JSDoc. */
  link: string;
  /** The client key, already a property key. */
  method: string;
  resultType: string;
  /** `key: value` lines of the object handed to the runtime's request(). */
  requestFields: string[];
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
  errorType: string;
  errorGuard: string;
  errors: string;
  operationLiteral: string;
  statusCheck: string;
  functions: FunctionView[];
  /** wire.ts helpers the functions use. */
  helpers: string[];
  /** Schema ids the operation's types mention, for imports. */
  schemaIds: string[];
}

/** What a call resolves with, for each way of reading the 2xx body. */
function resultType(operation: Operation, names: NameTable, reading: Operation["reading"]): string {
  const success = successResponses(operation.responses);
  const types = [...new Set(success.filter((r) => r.type !== undefined).map((r) => typeText(r.type!, names)))];
  const data = types.length === 0 ? "unknown" : types.join(" | ");
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
  return operation.responses.some((r) => r.status === "204" || r.status === "205") ? `${data} | undefined` : data;
}

function bodyType(operation: Operation, names: NameTable): string {
  const type = typeText(operation.body!.type, names);
  // Multipart file fields also take bytes; the runtime wraps them in a Blob.
  return operation.body!.encoding === "multipart" || operation.body!.encoding === "binary" ? `Uploadable<${type}>` : type;
}

export function operationView(operation: Operation, own: OperationNames, names: NameTable): OperationView {
  const fields: FieldView[] = operation.parameters.map((p, i) => ({
    doc: docComment([...docParagraphs(p.doc), `The \`${p.name}\` ${p.in} parameter.`]),
    key: propertyKey(own.parameters[i]!),
    optional: !p.required,
    type: typeText(p.type, names),
  }));
  if (operation.body) {
    fields.unshift({ doc: docComment([`The ${operation.body.mediaType} request body.`]), key: "body", optional: !operation.body.required, type: bodyType(operation, names) });
  }
  const signature = `\`${operation.method.toUpperCase()} ${operation.path}\``;
  const doc = (extra?: string): string => docComment([operation.summary, operation.description, extra, signature, operation.deprecated ? "@deprecated" : undefined]);
  const main = requestFields(operation, own, own.fn, operation.reading);
  const functions: FunctionView[] = [
    { doc: doc(), fn: identifier(own.fn), link: `{@link ${identifier(own.fn)}}`, method: propertyKey(own.method), resultType: resultType(operation, names, operation.reading), requestFields: main.lines },
  ];
  const helpers = new Set(main.helpers);
  if (own.stream) {
    const variant = requestFields(operation, own, own.fn, "stream");
    variant.helpers.forEach((h) => helpers.add(h));
    functions.push({
      doc: doc(`The same as {@link ${identifier(own.fn)}}, but resolves as soon as the response headers arrive, with the body as a stream of bytes.`),
      fn: identifier(own.stream.fn),
      link: `{@link ${identifier(own.stream.fn)}}`,
      method: propertyKey(own.stream.method),
      resultType: "ReadableStream<Uint8Array>",
      requestFields: variant.lines,
    });
  }
  const errors = errorView(operation, names);
  const typeNodes: TypeNode[] = [...operation.parameters.map((p) => p.type), ...operation.responses.flatMap((r) => (r.type ? [r.type] : []))];
  if (operation.body) typeNodes.push(operation.body.type);
  return {
    groupPath: own.groupPath,
    file: own.file,
    link: functions[0]!.link,
    paramsType: identifier(own.paramsType),
    paramsOptional: fields.every((f) => f.optional),
    fields,
    errorType: identifier(own.errorType),
    errorGuard: identifier(own.errorGuard),
    errors: errors.union,
    operationLiteral: stringLiteral(own.fn),
    statusCheck: errors.statusCheck,
    functions,
    helpers: [...helpers],
    schemaIds: typeNodes.flatMap((t) => referencedSchemas(t)),
  };
}

export const operationViews = (api: Api, names: NameTable): OperationView[] =>
  api.operations.map((operation, i) => operationView(operation, names.operations[i]!, names));
