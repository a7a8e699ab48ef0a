/**
 * The two data shapes of the change report: the API model recorded next to the generated code
 * (what a later run compares against), and the report of changes between two such models.
 */
import type { Literal, ResponseReading } from "../ir/model.js";
import type { PrimitiveKind } from "../ir/walk.js";
import type { ChangeKind } from "./classify.js";

/**
 * Bumped when the recorded model changes shape; a model of another format is not compared.
 * Format 3 writes a pointer below its parent's as the rest after it (record.ts); format 2, which
 * wrote every pointer whole, is still read.
 */
export const API_MODEL_FORMAT = 3;

/**
 * A type as a client of the generated code sees it: the IR's TypeNode without documentation,
 * component references by schema name, and schemas the IR hoisted out of unions expanded in place
 * (they are part of their parent's API), keeping their generated identifier and pointer.
 */
export type TypeModel =
  | { kind: PrimitiveKind }
  | { kind: "literal"; value: Literal }
  | { kind: "array"; items: TypeModel }
  | { kind: "tuple"; items: TypeModel[]; rest?: TypeModel }
  | { kind: "ref"; schema: string }
  | ObjectModel
  | UnionModel
  | IntersectionModel;

/** Set on a schema the IR hoisted to a named type of its own. */
export interface Hoisted {
  name?: string;
  pointer?: string;
}

export interface ObjectModel extends Hoisted {
  kind: "object";
  properties: Record<string, PropertyModel>;
  additional?: TypeModel;
}

export interface PropertyModel {
  type: TypeModel;
  required: boolean;
  /** `readOnly` properties are only read (responses), `writeOnly` ones only written (requests). */
  access?: "readOnly" | "writeOnly";
  pointer: string;
}

export interface UnionModel {
  kind: "union";
  members: TypeModel[];
  /** `values[i]` are the discriminator values of `members[i]`. */
  discriminator?: { property: string; values: Literal[][] };
}

export interface IntersectionModel extends Hoisted {
  kind: "intersection";
  members: TypeModel[];
}

export interface ParameterModel {
  /** The key in the generated params object, e.g. `voiceId`. */
  key: string;
  required: boolean;
  type: TypeModel;
  pointer: string;
}

export interface OperationModel {
  pointer: string;
  operationId?: string;
  /** The generated standalone function, e.g. `getVoice`. */
  function: string;
  /** `group.method` on the generated client. */
  client: string;
  paramsType: string;
  errorType: string;
  deprecated?: true;
  /** Keyed `<in> <name>`, e.g. `query page_size`. */
  parameters: Record<string, ParameterModel>;
  body?: { mediaType: string; required: boolean; type: TypeModel; pointer: string };
  /** Keyed by status (`200`, `4XX`, `default`). */
  responses: Record<string, { mediaType?: string; type?: TypeModel; pointer: string }>;
  /** How the function reads a success body (parsed JSON, text, a Blob, a stream...): it decides the function's result type. */
  reading: ResponseReading;
}

export interface SchemaModel {
  /** The generated type name. */
  identifier: string;
  pointer: string;
  type: TypeModel;
}

export type Schemas = Record<string, SchemaModel>;

/**
 * Pairs of types being compared, older and newer, by identity: a comparison that reaches the
 * same pair again is inside a recursive schema, and assumes what it is finding out.
 */
export type Assumed = readonly (readonly [TypeModel, TypeModel])[];

export const isAssumed = (assumed: Assumed, x: TypeModel, y: TypeModel): boolean => assumed.some(([a, b]) => a === x && b === y);

/** The component schemas of the older (`base`) and the newer (`head`) model: references resolve in their own side. */
export interface Models {
  base: Schemas;
  head: Schemas;
}

export interface ApiModel {
  format: typeof API_MODEL_FORMAT;
  title: string;
  version: string;
  /** Keyed `<METHOD> <path>`, e.g. `GET /v1/voices/{voice_id}`. */
  operations: Record<string, OperationModel>;
  /** Component schemas, keyed by their name in `components/schemas`. */
  schemas: Record<string, SchemaModel>;
  /** The files the API was read from, relative to the folder holding them all, when there were several (merged inputs). */
  inputs?: string[];
}

/** How a change affects code written against the generated client. */
export type Severity = "breaking" | "notice" | "non-breaking";

/** Which way the data flows through the changed spot: the client writes requests and reads responses. */
export type Direction = "request" | "response" | "both";

export interface ApiChange {
  kind: ChangeKind;
  severity: Severity;
  breaking: boolean;
  direction: Direction;
  /** JSON pointer into the newer spec, or into the older one for what was removed. */
  pointer: string;
  /** The generated identifier affected: a function, a params or error type, or a schema type. */
  identifier: string;
  /** Where inside `identifier`, e.g. `body.voice_settings` or `samples[]`; empty for the whole. */
  member: string;
  /** `<METHOD> <path>` when the change is in an operation. */
  operation?: string;
  /** The component schema name when the change is in a schema. */
  schema?: string;
  message: string;
}

export interface ChangeReport {
  operations: { added: string[]; removed: string[]; moved: { from: string; to: string }[]; changed: string[] };
  schemas: { added: string[]; removed: string[]; changed: string[] };
  changes: ApiChange[];
}
