import type { Api, Operation, Response, TypeNode } from "../../ir/model.js";
import type { NameTable, OperationNames } from "../../names/plan.js";
import { docComment, identifier, propertyAccess, propertyKey, stringLiteral } from "../escape.js";
import { docParagraphs } from "../doc.js";
import { typeText } from "../types/type-text.js";
import { referencedSchemas } from "../../ir/references.js";

export interface FieldView {
  doc: string;
  key: string;
  optional: boolean;
  type: string;
}

export interface OperationView {
  doc: string;
  fn: string;
  /** `{@link fn}`, for JSDoc. */
  link: string;
  /** The client group as planned by names/ (letters and digits), also the file name. */
  group: string;
  method: string;
  paramsType: string;
  paramsOptional: boolean;
  fields: FieldView[];
  errorType: string;
  errorGuard: string;
  /** The union of ApiError types, empty when the spec declares no error status. */
  errors: string;
  operationLiteral: string;
  statusCheck: string;
  resultType: string;
  /** `key: value` lines of the object handed to the runtime's request(). */
  requestFields: string[];
  /** Schema ids the operation's types mention, for imports. */
  schemaIds: string[];
}

const isSuccess = (r: Response): boolean => /^2\d\d$/.test(r.status);
const errorStatus = (r: Response): number | undefined => (/^[45]\d\d$/.test(r.status) ? Number(r.status) : undefined);
const isJson = (mediaType: string): boolean => /^application\/(.+\+)?json$/i.test(mediaType.split(";")[0]!.trim());

/** How the runtime reads a 2xx body: JSON unless the spec says text, bytes or nothing. */
function responseKind(operation: Operation): "json" | "text" | "blob" | "none" {
  const success = operation.responses.filter(isSuccess);
  const media = success.find((r) => r.mediaType !== undefined)?.mediaType;
  if (media === undefined) return "none";
  if (isJson(media)) return "json";
  return /^text\//i.test(media) ? "text" : "blob";
}

function resultType(operation: Operation, names: NameTable, kind: ReturnType<typeof responseKind>): string {
  if (kind === "none") return "void";
  if (kind === "blob") return "Blob";
  if (kind === "text") return "string";
  const types = operation.responses.filter((r) => isSuccess(r) && r.type !== undefined).map((r) => typeText(r.type!, names));
  // The runtime resolves 204/205 to undefined, whatever else the operation may answer.
  if (operation.responses.some((r) => r.status === "204" || r.status === "205")) types.push("undefined");
  return [...new Set(types)].join(" | ");
}

export function operationView(operation: Operation, own: OperationNames, names: NameTable): OperationView {
  const fields: FieldView[] = operation.parameters.map((p, i) => ({
    doc: docComment([...docParagraphs(p.doc), `The \`${p.name}\` ${p.in} parameter.`]),
    key: propertyKey(own.parameters[i]!),
    optional: !p.required,
    type: typeText(p.type, names),
  }));
  if (operation.body) {
    fields.unshift({ doc: docComment([`The ${operation.body.mediaType} request body.`]), key: "body", optional: !operation.body.required, type: typeText(operation.body.type, names) });
  }
  const errors = operation.responses.flatMap((r) => {
    const status = errorStatus(r);
    return status === undefined ? [] : [{ status, type: r.type ? typeText(r.type, names) : "unknown" }];
  });
  const kind = responseKind(operation);
  const requestFields = [
    `operation: ${stringLiteral(own.fn)}`,
    `method: ${stringLiteral(operation.method.toUpperCase())}`,
    `path: ${stringLiteral(operation.path)}`,
  ];
  for (const location of ["path", "query", "header"] as const) {
    const entries = operation.parameters.flatMap((p, i) => (p.in === location ? [`${propertyKey(p.name)}: ${propertyAccess("params", own.parameters[i]!)}`] : []));
    if (entries.length > 0) requestFields.push(`${location === "path" ? "pathParams" : location === "query" ? "query" : "headers"}: { ${entries.join(", ")} }`);
  }
  if (operation.apiKeyHeader !== undefined) requestFields.push(`apiKeyHeader: ${stringLiteral(operation.apiKeyHeader)}`);
  if (operation.body) requestFields.push("body: params.body");
  if (kind !== "json") requestFields.push(`response: ${stringLiteral(kind)}`);
  const typeNodes: TypeNode[] = [...operation.parameters.map((p) => p.type), ...operation.responses.flatMap((r) => (r.type ? [r.type] : []))];
  if (operation.body) typeNodes.push(operation.body.type);
  return {
    doc: docComment([operation.summary, operation.description, `\`${operation.method.toUpperCase()} ${operation.path}\``, operation.deprecated ? "@deprecated" : undefined]),
    fn: identifier(own.fn),
    link: `{@link ${identifier(own.fn)}}`,
    group: own.group,
    method: propertyKey(own.method),
    paramsType: identifier(own.paramsType),
    paramsOptional: fields.every((f) => f.optional),
    fields,
    errorType: identifier(own.errorType),
    errorGuard: identifier(own.errorGuard),
    errors: errors.map((e) => `ApiError<${e.status}, ${e.type}>`).join(" | "),
    operationLiteral: stringLiteral(own.fn),
    statusCheck: `[${errors.map((e) => e.status).join(", ")}].includes(error.status)`,
    resultType: resultType(operation, names, kind),
    requestFields,
    schemaIds: typeNodes.flatMap((t) => referencedSchemas(t)),
  };
}

export const operationViews = (api: Api, names: NameTable): OperationView[] =>
  api.operations.map((operation, i) => operationView(operation, names.operations[i]!, names));
