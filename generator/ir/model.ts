/**
 * The intermediate representation: plain data, independent of the OpenAPI version and of the
 * emitters. Every node that came from the spec keeps its JSON pointer, so later stages can report
 * problems in spec terms. Lists are arrays in document order, which makes every walk deterministic.
 */

export type Literal = string | number | boolean | null;

/** Parts of a name the spec suggests, e.g. ["environment_variables_create_Request", "string"]. */
export type NameHint = string[];

export type TypeNode =
  | { kind: "unknown" }
  | { kind: "never" }
  | { kind: "string" }
  | { kind: "number" }
  | { kind: "integer" }
  | { kind: "boolean" }
  | { kind: "null" }
  /** `format: binary`: raw bytes, a Blob in TypeScript. */
  | { kind: "binary" }
  | { kind: "literal"; value: Literal }
  | { kind: "array"; items: TypeNode }
  /** `prefixItems` (3.1) or an `items` array (3.0 style); `rest` types the items after them. */
  | { kind: "tuple"; items: TypeNode[]; rest?: TypeNode }
  | ObjectNode
  /** A reference to a named schema, by its id. */
  | { kind: "ref"; target: string }
  | UnionNode
  | { kind: "intersection"; members: TypeNode[] };

export interface ObjectNode {
  kind: "object";
  properties: Property[];
  /** Undefined when the spec says nothing: no index signature, as in openapi-typescript. */
  additional?: TypeNode;
}

export interface UnionNode {
  kind: "union";
  members: TypeNode[];
  /** Present when every member is a named object schema told apart by one property. */
  discriminator?: Discriminator;
}

export interface Discriminator {
  property: string;
  /** One entry per member, in member order. */
  variants: { target: string; values: Literal[] }[];
}

export interface Property {
  name: string;
  type: TypeNode;
  required: boolean;
  /** `readOnly` properties exist only in responses, `writeOnly` ones only in requests. */
  access?: "readOnly" | "writeOnly";
  doc: Doc;
  pointer: string;
}

export interface Doc {
  title?: string;
  description?: string;
  deprecated?: boolean;
  /** JSON text of `default` and `example`, kept verbatim for JSDoc. */
  default?: string;
  example?: string;
}

export interface NamedSchema {
  /** Unique id: the JSON pointer of the schema in the spec. */
  id: string;
  /** The name the spec suggests (component key, title, or derived); `names/` decides the identifier. */
  nameHint: NameHint;
  /**
   * `component`: under components/schemas, keeps an exact PascalCase name. `inline`: hoisted out of
   * the one place it appears. `referenced`: another local `$ref` target (`$defs`, a property of a
   * schema), possibly used from many places.
   */
  origin: "component" | "inline" | "referenced";
  type: TypeNode;
  doc: Doc;
  /**
   * For `enum` schemas: the names `x-enum-varnames` or `x-enumNames` give the values, parallel to
   * the non-null literal members of `type` (undefined where the spec gives none).
   */
  enumNames?: (string | undefined)[];
}

export type ParameterLocation = "path" | "query" | "header" | "cookie";

/** Parameter Object `style` values (§4.8.12.4). */
export type ParameterStyle = "form" | "simple" | "label" | "matrix" | "spaceDelimited" | "pipeDelimited" | "deepObject";

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  type: TypeNode;
  doc: Doc;
  pointer: string;
  /** The spec's `style`, else the default for the location: `form` for query and cookie, `simple` otherwise. */
  style: ParameterStyle;
  /** The spec's `explode`, else true for `form` and false otherwise. */
  explode: boolean;
  /** What the schema is on the wire, `$ref`s and nullable unions seen through; `json` for a `content` parameter. */
  shape: WireShape | "json";
}

/** What a value is on the wire, which decides how a style serialises it; `varies`: only the value at run time can tell. */
export type WireShape = "scalar" | "array" | "object" | "varies";

/** How a request body is sent, from its media type. */
export type BodyEncoding = "json" | "multipart" | "form" | "text" | "binary";

export interface RequestBody {
  mediaType: string;
  encoding: BodyEncoding;
  type: TypeNode;
  required: boolean;
  pointer: string;
  /** Multipart and form fields with an Encoding Object (§4.8.15) that says something, in spec order. */
  fields: BodyField[];
}

/** An Encoding Object: how one property of a multipart or form body is sent. */
export interface BodyField {
  name: string;
  contentType?: string;
  /** Present when the entry gives `style` or `explode`; then `contentType` does not apply (§4.8.15). */
  style?: ParameterStyle;
  explode?: boolean;
  /** Headers of the part, multipart only; the caller gives their values. */
  headers: PartHeader[];
}

export interface PartHeader {
  name: string;
  type: TypeNode;
  required: boolean;
  doc: Doc;
  pointer: string;
}

export interface Response {
  /** `200`, `4XX` or `default`, as in the spec. */
  status: string;
  description?: string;
  /** Absent for responses without content. */
  mediaType?: string;
  type?: TypeNode;
  pointer: string;
}

/** A Security Scheme the client can fill from its options (§4.8.27). OAuth2 and OpenID Connect send a bearer token. */
export type SecurityScheme = { kind: "apiKey"; in: "header" | "query" | "cookie"; name: string } | { kind: "bearer" } | { kind: "basic" };

/**
 * How 2xx bodies are read. `stream`: the bytes as they arrive; `sse` and `ndjson`: an async
 * iterable of parsed events. `x-fern-streaming` marks streams whose content type says JSON or nothing.
 */
export type ResponseReading = "json" | "text" | "blob" | "none" | "stream" | "sse" | "ndjson";

export interface Operation {
  pointer: string;
  method: string;
  path: string;
  operationId?: string;
  tags: string[];
  /** `x-fern-sdk-group-name` / `x-fern-sdk-method-name`, when the spec gives them. */
  sdkGroup?: string[];
  sdkMethod?: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  parameters: Parameter[];
  /** The header parameter that carries an API key (e.g. `xi-api-key`), which a client-wide `apiKey` fills. */
  apiKeyHeader?: string;
  body?: RequestBody;
  responses: Response[];
  reading: ResponseReading;
  /** Alternatives in the spec's order; the first whose credentials the caller gave is used. Empty: no security. */
  security: SecurityScheme[];
}

export interface ServerVariable {
  name: string;
  default: string;
  enum?: string[];
  description?: string;
}

export interface Server {
  url: string;
  description?: string;
  variables: ServerVariable[];
}

/**
 * A request the API sends to the user's server: a 3.1 webhook, or a callback an operation
 * registers. Clients get the payload's type and a guard, to vet what arrives.
 */
export interface Incoming {
  kind: "webhook" | "callback";
  /** The key under `webhooks`, or under the operation's `callbacks`. */
  name: string;
  /** For a callback: the index in `Api.operations` of the operation that registers it. */
  operation?: number;
  /** For a callback: the runtime expression of the URL it is sent to (`{$request.body#/callbackUrl}`). */
  expression?: string;
  method: string;
  pointer: string;
  summary?: string;
  description?: string;
  /** The id of the named schema of the request body it carries (unknown when it declares none). */
  payload: string;
  mediaType?: string;
}

export interface Api {
  title: string;
  version: string;
  servers: Server[];
  schemas: NamedSchema[];
  operations: Operation[];
  /** Webhooks, then callbacks, in spec order. */
  incoming: Incoming[];
}
