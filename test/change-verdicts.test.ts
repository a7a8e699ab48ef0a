// Issue 16's cases, each in a request and in a response, one and two levels deep, in an inline
// body and in a component: the change report's kinds, and its verdicts checked against the
// compiler (test/support/compat-oracle.ts generates both clients and asks TypeScript).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { diffApiModels } from "../generator/changes/diff.js";
import type { ApiChange, Severity } from "../generator/changes/model.js";
import { buildApiModel } from "../generator/changes/snapshot.js";
import { disagrees, runOracle, type Verdict } from "./support/compat-oracle.js";
import { irOf } from "./support/pipeline.js";

type Schema = Record<string, unknown>;
type Position = "request" | "response";
type Layout = "body.field" | "body.outer.field" | "Holder.field" | "Holder.outer.field";

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const NULL = { type: "null" };
const object = (properties: Record<string, unknown>, required = Object.keys(properties)): Schema => ({
  type: "object",
  properties,
  required,
});
/** Variants told apart by a constant `type`, as in ElevenLabs' tool results. */
const variant = (tag: string): Schema => object({ type: { type: "string", const: tag }, [tag]: { type: "string" } });
const oneOf = (...names: string[]): Schema => ({
  oneOf: names.map(ref),
  discriminator: { propertyName: "type", mapping: Object.fromEntries(names.map((n) => [n.toLowerCase(), `#/components/schemas/${n}`])) },
});

const COMPONENTS: Record<string, Schema> = {
  A: variant("a"),
  /** A under another name: the same type. */
  A2: variant("a"),
  B: variant("b"),
  C: variant("c"),
  D: variant("d"),
  Model: object({ id: { type: "string" } }),
  HolderCounts: object({ total: { type: "integer" }, failed: { type: "integer" } }),
};

/** A spec whose request or response carries `field` at `layout`. */
function spec(position: Position, layout: Layout, field: unknown): Schema {
  const holder = layout.endsWith("outer.field") ? object({ outer: object({ field }) }) : object({ field });
  const body = layout.startsWith("Holder") ? ref("Holder") : holder;
  const content = { content: { "application/json": { schema: body } } };
  return {
    openapi: "3.1.0",
    info: { title: "verdicts", version: "1" },
    paths: {
      "/items": {
        post: {
          operationId: "createItem",
          ...(position === "request" ? { requestBody: content } : {}),
          responses: {
            "200": {
              description: "ok",
              ...(position === "response" ? content : { content: { "application/json": { schema: { type: "string" } } } }),
            },
          },
        },
      },
    },
    components: { schemas: { ...COMPONENTS, ...(layout.startsWith("Holder") ? { Holder: holder } : {}) } },
  };
}

interface Case {
  name: string;
  before: unknown;
  after: unknown;
  /** The kinds reported at the field (or at `field<suffix>`), and the report's verdict in a request and in a response. */
  kinds: string[];
  suffix?: string;
  request: Severity;
  response: Severity;
  /** What TypeScript says, where it differs from the report: a response that lost a variant still compiles (the report: a notice). */
  compiler?: Partial<Record<Position, Severity>>;
}

const CASES: Case[] = [
  {
    name: "1. a variant removed from a nullable union",
    before: { anyOf: [ref("A"), ref("B"), ref("C"), NULL] },
    after: { anyOf: [ref("A"), ref("B"), NULL] },
    kinds: ["variant-removed"],
    request: "breaking",
    response: "notice",
    compiler: { response: "non-breaking" },
  },
  {
    name: "1. a variant added to a nullable union",
    before: { anyOf: [ref("A"), ref("B"), NULL] },
    after: { anyOf: [ref("A"), ref("B"), ref("C"), NULL] },
    kinds: ["variant-added"],
    request: "non-breaking",
    response: "notice",
  },
  {
    name: "1. a variant removed from Pydantic's optional discriminated union, anyOf [oneOf, null]",
    before: { anyOf: [oneOf("A", "B", "C"), NULL] },
    after: { anyOf: [oneOf("A", "B"), NULL] },
    kinds: ["variant-removed"],
    request: "breaking",
    response: "notice",
    compiler: { response: "non-breaking" },
  },
  {
    name: "1. two variants added to anyOf [oneOf, null] (ElevenLabs' tool result, 2025-08)",
    before: { anyOf: [oneOf("A", "B"), NULL] },
    after: { anyOf: [oneOf("A", "B", "C", "D"), NULL] },
    kinds: ["variant-added", "variant-added"],
    request: "non-breaking",
    response: "notice",
  },
  {
    name: "1. a variant removed two unions deep, anyOf [oneOf [oneOf [A, B], C], null]",
    before: { anyOf: [{ oneOf: [{ oneOf: [ref("A"), ref("B")] }, ref("C")] }, NULL] },
    after: { anyOf: [{ oneOf: [{ oneOf: [ref("A")] }, ref("C")] }, NULL] },
    kinds: ["variant-removed"],
    request: "breaking",
    response: "notice",
    compiler: { response: "non-breaking" },
  },
  {
    name: "1. a variant removed beside a string, anyOf [string, oneOf]",
    before: { anyOf: [{ type: "string" }, oneOf("A", "B", "C")] },
    after: { anyOf: [{ type: "string" }, oneOf("A", "B")] },
    kinds: ["variant-removed"],
    request: "breaking",
    response: "notice",
    compiler: { response: "non-breaking" },
  },
  {
    name: "1. a variant added beside a string, anyOf [string, oneOf]",
    before: { anyOf: [{ type: "string" }, oneOf("A", "B")] },
    after: { anyOf: [{ type: "string" }, oneOf("A", "B", "C")] },
    kinds: ["variant-added"],
    request: "non-breaking",
    response: "notice",
  },
  {
    name: "2. anyOf [oneOf [A, B], null] -> oneOf [A, B] is only a nullability change",
    before: { anyOf: [oneOf("A", "B"), NULL] },
    after: oneOf("A", "B"),
    kinds: ["nullable-removed"],
    request: "breaking",
    response: "non-breaking",
  },
  {
    name: "2. oneOf [A, B] -> anyOf [oneOf [A, B], null]",
    before: oneOf("A", "B"),
    after: { anyOf: [oneOf("A", "B"), NULL] },
    kinds: ["nullable-added"],
    request: "non-breaking",
    response: "breaking",
  },
  {
    name: "3. an inline object moved into a component of the same shape",
    before: object({ total: { type: "integer" }, failed: { type: "integer" } }),
    after: ref("HolderCounts"),
    kinds: [],
    request: "non-breaking",
    response: "non-breaking",
  },
  {
    name: "3. an inline object moved into a component with one more required property",
    before: object({ total: { type: "integer" } }),
    after: ref("HolderCounts"),
    kinds: ["required-property-added"],
    suffix: ".failed",
    request: "breaking",
    response: "non-breaking",
  },
  {
    name: "3. a nullable reference to another component of the same shape",
    before: { anyOf: [ref("A"), NULL] },
    after: { anyOf: [ref("A2"), NULL] },
    kinds: ["reference-changed"],
    request: "non-breaking",
    response: "non-breaking",
  },
  {
    name: "3. a variant of a tagged union now another component of the same shape",
    before: { anyOf: [oneOf("A", "B"), NULL] },
    after: {
      anyOf: [
        {
          ...oneOf("A2", "B"),
          discriminator: { propertyName: "type", mapping: { a: "#/components/schemas/A2", b: "#/components/schemas/B" } },
        },
        NULL,
      ],
    },
    kinds: ["reference-changed"],
    request: "non-breaking",
    response: "non-breaking",
  },
  {
    name: "4. string -> Model | string",
    before: { type: "string" },
    after: { anyOf: [ref("Model"), { type: "string" }] },
    kinds: ["type-widened"],
    request: "non-breaking",
    response: "breaking",
  },
  {
    name: "4. A | null -> A | Model | null: an object joining one that has no tag in common",
    before: { anyOf: [ref("A"), NULL] },
    after: { anyOf: [ref("A"), ref("Model"), NULL] },
    kinds: ["type-widened"],
    request: "non-breaking",
    response: "breaking",
  },
  {
    name: "4. an enum value added",
    before: { enum: ["a", "b"] },
    after: { enum: ["a", "b", "c"] },
    kinds: ["value-added"],
    request: "non-breaking",
    response: "notice",
  },
  {
    name: "4. integer -> string | integer",
    before: { type: "integer" },
    after: { type: ["string", "integer"] },
    kinds: ["type-widened"],
    request: "non-breaking",
    response: "breaking",
  },
];

const LAYOUTS: Layout[] = ["body.field", "body.outer.field", "Holder.field", "Holder.outer.field"];
const POSITIONS: Position[] = ["request", "response"];

const modelOf = (document: Schema) => {
  const { api, names } = irOf(document);
  return buildApiModel(api, names);
};

/** The changes reported at the field, wherever the layout puts it. */
function fieldChanges(c: Case, position: Position, layout: Layout): ApiChange[] {
  const report = diffApiModels(modelOf(spec(position, layout, c.before)), modelOf(spec(position, layout, c.after)));
  return report.changes.filter((change) => change.kind !== "schema-added" && change.kind !== "schema-removed");
}

const matrix = CASES.flatMap((c) => POSITIONS.flatMap((position) => LAYOUTS.map((layout) => ({ c, position, layout }))));

describe("the report's kinds", () => {
  it.each(matrix.map(({ c, position, layout }) => [c.name, position, layout, c] as const))(
    "%s, in a %s at %s",
    (_name, position, layout, c) => {
      const changes = fieldChanges(c, position, layout);
      expect(changes.map((change) => change.kind)).toEqual(c.kinds);
      const member = layout.replace(/^(body|Holder)\./, "") + (c.suffix ?? "");
      for (const change of changes) {
        expect(change.member).toBe(layout.startsWith("Holder") ? member : position === "request" ? `body.${member}` : `[200].${member}`);
        expect(change.severity).toBe(c[position]);
      }
    },
  );
});

describe("the report's verdicts follow the compiler", () => {
  let verdicts: Verdict[];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "specforge-verdicts-"));
    const file = (name: string, document: Schema): string => {
      const path = join(dir, `${name}.json`);
      writeFileSync(path, JSON.stringify(document));
      return path;
    };
    const cases = matrix.map(({ c, position, layout }, i) => ({
      name: `${c.name}, in a ${position} at ${layout}`,
      before: file(`${i}-before`, spec(position, layout, c.before)),
      after: file(`${i}-after`, spec(position, layout, c.after)),
    }));
    verdicts = await runOracle(cases, dir);
  }, 300_000);

  it.each(matrix.map(({ c, position, layout }) => [c.name, position, layout, c] as const))(
    "%s, in a %s at %s",
    (name, position, layout, c) => {
      const mine = verdicts.filter((v) => v.case === `${name}, in a ${position} at ${layout}`);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.filter(disagrees)).toEqual([]);
      // The unit that carries the field: the params or result of the operation, and the component.
      const carrier = mine.filter((v) => v.unit.endsWith(position === "request" ? "params" : "result") || v.unit === "schema Holder");
      for (const v of carrier) expect([v.unit, v.compiler]).toEqual([v.unit, c.compiler?.[position] ?? c[position]]);
    },
  );
});
