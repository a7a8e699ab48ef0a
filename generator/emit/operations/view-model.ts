import type { BodyField, Operation, RequestBody, TypeNode } from "../../ir/model.js";
import { successResponses } from "../../ir/media.js";
import { referencedSchemas } from "../../ir/references.js";
import type { NameTable, OperationNames } from "../../names/plan.js";
import { chain } from "../types/checks.js";
import { id, member, named, str, type Comment, type Expr, type Param, type Stmt, type TypeMember, type TypeTree } from "../print/tree.js";
import { docParagraphs } from "../doc.js";
import { identifier, propertyKey } from "../escape.js";
import { typeTree, unionOf } from "../types/type-tree.js";
import { errorView } from "./errors.js";
import { requestFields } from "./request-fields.js";

/** A member of an operation's params interface. */
export interface FieldView {
  doc: Comment;
  /** Already a property key. */
  key: string;
  optional: boolean;
  type: TypeTree;
}

/** One exported function: the operation itself, or its stream variant. */
export interface FunctionView {
  doc: Comment;
  fn: string;
  /** `{@link fn}`, for JSDoc. */
  link: string;
  /** The client key, raw (the printer quotes it if needed). */
  method: string;
  parameters: Param[];
  /** What the call resolves with, given to request() as its type argument so tsc need not infer it. */
  resultType: TypeTree;
  /** `Promise<resultType>`. */
  returns: TypeTree;
  /** The object handed to the runtime's request(). */
  request: Expr;
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
  /** The union of the errors the spec declares; undefined when it declares none. */
  errorAlias?: Stmt;
  errorType: string;
  errorGuard: string;
  /** The error guard's one parameter, its type predicate, and the condition it returns. */
  errorGuardParams: Param[];
  errorGuardReturns: TypeTree;
  errorCheck: Expr;
  functions: FunctionView[];
  /** wire.ts helpers the functions use. */
  helpers: string[];
  /** Schema ids the operation's types mention, for imports. */
  schemaIds: string[];
  /** Whether some field takes an upload (`Uploadable<...>`), for the runtime import. */
  uploads: boolean;
}

/** What a call resolves with, for each way of reading the 2xx body. */
function resultType(operation: Operation, names: NameTable, reading: Operation["reading"]): TypeTree {
  const success = successResponses(operation.responses);
  const data = unionOf(success.filter((r) => r.type !== undefined).map((r) => typeTree(r.type!, names)));
  const body = success.some((r) => r.type !== undefined) ? data : named("unknown");
  switch (reading) {
    case "none":
      return named("void");
    case "blob":
      return named("Blob");
    case "text":
      return named("string");
    case "stream":
      return named("ReadableStream", [named("Uint8Array")]);
    case "sse":
    case "ndjson":
      return named("AsyncIterable", [body]);
  }
  // The runtime resolves 204/205 to undefined, whatever else the operation may answer.
  return operation.responses.some((r) => r.status === "204" || r.status === "205") ? unionOf([body, named("undefined")]) : body;
}

const isUpload = (operation: Operation): boolean => operation.body?.encoding === "multipart" || operation.body?.encoding === "binary";

function bodyType(operation: Operation, names: NameTable): TypeTree {
  const type = typeTree(operation.body!.type, names);
  // Multipart file fields also take bytes; the runtime wraps them in a Blob.
  return isUpload(operation) ? named("Uploadable", [type]) : type;
}

/** The type of `partHeaders`: for each multipart field whose `encoding` declares headers, those headers. */
function partHeadersType(body: RequestBody, names: NameTable): { type: TypeTree; optional: boolean } | undefined {
  const fields = body.fields.filter((f) => f.headers.length > 0);
  if (fields.length === 0) return undefined;
  const optional = (f: BodyField): boolean => f.headers.every((h) => !h.required);
  const members = fields.map((f): TypeMember => ({
    kind: "property",
    key: f.name,
    optional: optional(f),
    type: {
      kind: "object",
      members: f.headers.map((h): TypeMember => ({ kind: "property", key: h.name, optional: !h.required, type: typeTree(h.type, names) })),
    },
  }));
  return { type: { kind: "object", members }, optional: fields.every(optional) };
}

export function operationView(operation: Operation, own: OperationNames, names: NameTable): OperationView {
  const fields: FieldView[] = operation.parameters.map((p, i) => ({
    doc: [...docParagraphs(p.doc), `The \`${p.name}\` ${p.in} parameter.`],
    key: propertyKey(own.parameters[i]!),
    optional: !p.required,
    type: typeTree(p.type, names),
  }));
  const partHeaders = operation.body && partHeadersType(operation.body, names);
  if (partHeaders) fields.unshift({ doc: ["Headers of the multipart parts, by field."], key: "partHeaders", ...partHeaders });
  if (operation.body) {
    fields.unshift({
      doc: [`The ${operation.body.mediaType} request body.`],
      key: "body",
      optional: !operation.body.required,
      type: bodyType(operation, names),
    });
  }
  const signature = `\`${operation.method.toUpperCase()} ${operation.path}\``;
  const doc = (extra?: string): Comment => [
    operation.summary,
    operation.description,
    extra,
    signature,
    operation.deprecated ? "@deprecated" : undefined,
  ];
  const paramsType = identifier(own.paramsType);
  const paramsOptional = fields.every((f) => f.optional);
  const parameters: Param[] = [
    paramsOptional
      ? { name: "params", type: named(paramsType), initializer: { kind: "object", properties: [] } }
      : { name: "params", type: named(paramsType) },
    { name: "options", optional: true, type: named("RequestOptions") },
  ];
  const partHeadersValue = partHeaders ? member("params", "partHeaders") : undefined;
  const main = requestFields(operation, own, own.fn, operation.reading, partHeadersValue);
  const fn = identifier(own.fn);
  const functions: FunctionView[] = [
    {
      doc: doc(),
      fn,
      link: `{@link ${fn}}`,
      method: own.method,
      parameters,
      resultType: resultType(operation, names, operation.reading),
      returns: named("Promise", [resultType(operation, names, operation.reading)]),
      request: { kind: "object", properties: main.fields, expanded: true },
    },
  ];
  const helpers = new Set(main.helpers);
  if (own.stream) {
    const variant = requestFields(operation, own, own.fn, "stream", partHeadersValue);
    variant.helpers.forEach((h) => helpers.add(h));
    const streamFn = identifier(own.stream.fn);
    functions.push({
      doc: doc(`The same as {@link ${fn}}, but resolves as soon as the response headers arrive, with the body as a stream of bytes.`),
      fn: streamFn,
      link: `{@link ${streamFn}}`,
      method: own.stream.method,
      parameters,
      resultType: named("ReadableStream", [named("Uint8Array")]),
      returns: named("Promise", [named("ReadableStream", [named("Uint8Array")])]),
      request: { kind: "object", properties: variant.fields, expanded: true },
    });
  }
  const errors = errorView(operation, names);
  const errorType = identifier(own.errorType);
  const errorGuard = identifier(own.errorGuard);
  const typeNodes: TypeNode[] = [
    ...operation.parameters.map((p) => p.type),
    ...operation.responses.flatMap((r) => (r.type ? [r.type] : [])),
  ];
  if (operation.body) typeNodes.push(operation.body.type, ...operation.body.fields.flatMap((f) => f.headers.map((h) => h.type)));
  return {
    groupPath: own.groupPath,
    file: own.file,
    link: functions[0]!.link,
    paramsType,
    paramsOptional,
    fields,
    ...(errors.members.length === 0
      ? {}
      : {
          errorAlias: {
            kind: "typeAlias" as const,
            exported: true,
            name: errorType,
            type: errors.members.length === 1 ? errors.members[0]! : { kind: "union" as const, members: errors.members },
          },
        }),
    errorType,
    errorGuard,
    errorGuardParams: [{ name: "error", type: named("unknown") }],
    errorGuardReturns: { kind: "predicate", param: "error", type: named(errorType) },
    errorCheck: chain(
      [
        { kind: "binary", operator: "instanceof", left: id("error"), right: id("ApiError") },
        { kind: "binary", operator: "===", left: member("error", "operation"), right: str(own.fn) },
        errors.statusCheck,
      ],
      "&&",
    ),
    functions,
    helpers: [...helpers],
    schemaIds: typeNodes.flatMap((t) => referencedSchemas(t)),
    uploads: isUpload(operation),
  };
}

/** What the client, wire.ts and index.ts need of an operation: its view without the types and the request, which only its file prints. */
export type ClientView = Pick<OperationView, "groupPath" | "file" | "paramsType" | "helpers"> & {
  functions: Pick<FunctionView, "fn" | "method" | "parameters" | "link">[];
};

export const clientView = ({ groupPath, file, paramsType, helpers, functions }: OperationView): ClientView => ({
  groupPath,
  file,
  paramsType,
  helpers,
  functions: functions.map(({ fn, method, parameters, link }) => ({ fn, method, parameters, link })),
});
