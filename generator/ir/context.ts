import type { DiagnosticInput } from "../diagnostics.js";
import type { InheritanceParent } from "./inheritance.js";
import type { Literal, NamedSchema } from "./model.js";
import type { RequiredPin } from "./required.js";

/** What the schema and operation builders share while one document is turned into IR. */
export interface BuildContext {
  root: unknown;
  report(diagnostic: DiagnosticInput): void;
  /** Named schemas in output order; hoisted inline schemas are appended as they are found. */
  schemas: NamedSchema[];
  /** Ids of `schemas`, and of schemas being converted into one: their top level is never hoisted again. */
  named: Set<string>;
  /** Discriminator facts that the variants' own types must carry, applied once all schemas exist. */
  discriminatorPins: { target: string; property: string; values: Literal[] }[];
  /** Properties that a `required` list elsewhere makes required, copied in once all schemas exist (required.ts). */
  requiredPins: RequiredPin[];
  /** Conversions postponed to keep recursion shallow; build.ts drains them. */
  deferred: (() => void)[];
  /** How many inline schemas deep the conversion is, below the nearest named schema. */
  depth: number;
  /** Discriminator parents (allOf inheritance) by component pointer. */
  parents: Map<string, InheritanceParent>;
}

export type RawSchema = Record<string, unknown>;

export const isLiteral = (value: unknown): value is Literal =>
  value === null || typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));

/** The pointer prefix of named component schemas; a `$ref` to one of these stays a reference. */
export const COMPONENT_SCHEMAS = "/components/schemas/";

export const isComponentSchemaPointer = (pointer: string): boolean =>
  pointer.startsWith(COMPONENT_SCHEMAS) && !pointer.slice(COMPONENT_SCHEMAS.length).includes("/");
