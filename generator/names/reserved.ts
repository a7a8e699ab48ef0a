/**
 * Identifiers a generated name must never take. All generated exports share one namespace,
 * because `generated/index.ts` re-exports every module.
 */

/** ECMAScript reserved words, strict-mode and TypeScript contextual keywords that cannot name a type. */
export const KEYWORDS = [
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export",
  "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super",
  "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "implements", "interface", "let",
  "package", "private", "protected", "public", "static", "yield", "await", "arguments", "eval", "any", "boolean",
  "never", "number", "object", "string", "symbol", "undefined", "unknown", "bigint", "type", "as", "async", "declare",
  "is", "keyof", "module", "namespace", "readonly", "require", "infer", "asserts", "satisfies", "accessor", "out",
];

/** Globals that generated code refers to; a schema of the same name would shadow them. */
const GLOBALS = [
  "Array", "ArrayBuffer", "AbortController", "AbortSignal", "Blob", "Boolean", "Date", "Error", "Exclude", "Extract",
  "FormData", "Function", "Headers", "JSON", "Map", "Number", "Object", "Omit", "Partial", "Pick", "Promise", "Readonly",
  "ReadonlyArray", "Record", "Request", "RequestInit", "Required", "Response", "Set", "String", "Symbol", "TypeError",
  "URL", "URLSearchParams", "Uint8Array", "ReadableStream", "globalThis", "fetch", "setTimeout", "clearTimeout",
  "AsyncIterable", "AsyncGenerator", "Awaited", "BodyInit", "TextDecoder", "TextEncoder", "Math", "btoa",
];

/**
 * The exports of templates/runtime.ts.hbs and templates/client.ts.hbs, which spell these names
 * literally; test/names.test.ts checks this list against what the templates export.
 */
export const RUNTIME_EXPORTS = [
  "AbortError", "ApiError", "Client", "ClientErrorStatus", "ClientOptions", "Environment", "NetworkError", "OperationRequest",
  "ParseError", "RequestOptions", "ServerErrorStatus", "TimeoutError", "UnknownVariantError", "Uploadable", "createClient",
  "environments", "request", "serverUrl", "withDefaults",
];

/** The exports of templates/wire.ts.hbs, which operation files import by these names. */
export const WIRE_EXPORTS = [
  "Scheme", "asBlob", "asEvents", "asLines", "asNothing", "asStream", "asText", "cookies", "deepObject", "query", "segment",
  "encodeAs", "formData", "joined", "security", "urlEncoded",
];

/** Names that generated function bodies use locally, which no generated export may shadow (`R`: match's type parameter). */
export const RUNTIME_INTERNALS = ["R", "params", "options", "value", "handlers", "defaults", "error", "isRecord"];

export const RESERVED: ReadonlySet<string> = new Set([...KEYWORDS, ...GLOBALS, ...RUNTIME_EXPORTS, ...WIRE_EXPORTS, ...RUNTIME_INTERNALS]);
