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
  /** Component schemas keep exact PascalCase names; hoisted inline schemas are named freely. */
  origin: "component" | "inline";
  type: TypeNode;
  doc: Doc;
}

export type ParameterLocation = "path" | "query" | "header" | "cookie";

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  type: TypeNode;
  doc: Doc;
  pointer: string;
}

export interface RequestBody {
  mediaType: string;
  type: TypeNode;
  required: boolean;
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
}

export interface Server {
  url: string;
  description?: string;
}

export interface Api {
  title: string;
  version: string;
  servers: Server[];
  schemas: NamedSchema[];
  operations: Operation[];
}
