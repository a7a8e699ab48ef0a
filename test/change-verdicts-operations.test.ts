// Issue 16's operation-level cases: how a result is read, new responses, and the names a caller
// uses (the function, the client method). Kinds from the report; verdicts checked against the
// compiler on both generated clients (test/support/compat-oracle.ts).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { diffApiModels } from "../generator/changes/diff.js";
import type { Severity } from "../generator/changes/model.js";
import { buildApiModel } from "../generator/changes/snapshot.js";
import { disagrees, runOracle, type Verdict } from "./support/compat-oracle.js";
import { irOf } from "./support/pipeline.js";

type Schema = Record<string, unknown>;

const MODEL = { type: "object", properties: { id: { type: "string" } }, required: ["id"] };
const json = (schema: unknown) => ({ content: { "application/json": { schema } } });

/** One operation, `GET /transcript`, with its responses and Fern names. */
function spec(responses: Record<string, unknown>, names: Record<string, unknown> = { operationId: "getTranscript" }): Schema {
  return {
    openapi: "3.1.0",
    info: { title: "operations", version: "1" },
    paths: { "/transcript": { get: { ...names, responses } } },
    components: { schemas: { Model: MODEL } },
  };
}

const ok = (body: Record<string, unknown>) => ({ "200": { description: "ok", ...body } });
const MODEL_OR_STRING = { anyOf: [{ $ref: "#/components/schemas/Model" }, { type: "string" }] };

interface Case {
  name: string;
  before: Schema;
  after: Schema;
  kinds: string[];
  /** The compiler's verdict on each unit that changed; every other unit must compile unchanged. */
  units: Record<string, Severity>;
}

const CASES: Case[] = [
  {
    // getDubbingTranscript, ElevenLabs: `result.split(...)` stops compiling.
    name: "4. text/plain string -> application/json Model | string",
    before: spec(ok({ content: { "text/plain": { schema: { type: "string" } } } })),
    after: spec(ok(json(MODEL_OR_STRING))),
    kinds: ["response-reading-changed"],
    units: { result: "breaking" },
  },
  {
    name: "4. application/json string -> Model | string",
    before: spec(ok(json({ type: "string" }))),
    after: spec(ok(json(MODEL_OR_STRING))),
    kinds: ["type-widened"],
    units: { result: "breaking" },
  },
  {
    name: "4. JSON read the same way under another media type",
    before: spec(ok(json(MODEL))),
    after: spec(ok({ content: { "application/vnd.api+json": { schema: MODEL } } })),
    kinds: ["media-type-changed"],
    units: {},
  },
  {
    name: "4. JSON -> an audio file",
    before: spec(ok(json(MODEL))),
    after: spec(ok({ content: { "audio/mpeg": { schema: { type: "string", format: "binary" } } } })),
    kinds: ["response-reading-changed"],
    units: { result: "breaking" },
  },
  {
    name: "4. a new success response with another type widens the result",
    before: spec(ok(json(MODEL))),
    after: spec({ ...ok(json(MODEL)), "202": { description: "accepted", ...json({ type: "string" }) } }),
    kinds: ["type-widened"],
    units: { result: "breaking" },
  },
  {
    name: "4. a new success response with the same type",
    before: spec(ok(json(MODEL))),
    after: spec({ ...ok(json(MODEL)), "201": { description: "created", ...json({ $ref: "#/components/schemas/Model" }) } }),
    kinds: ["response-added"],
    units: {},
  },
  {
    name: "4. a 204 joins a JSON result as undefined",
    before: spec(ok(json(MODEL))),
    after: spec({ ...ok(json(MODEL)), "204": { description: "nothing" } }),
    kinds: ["type-widened"],
    units: { result: "breaking" },
  },
  {
    name: "4. the first error status: a new error type, nothing to break",
    before: spec(ok(json(MODEL))),
    after: spec({ ...ok(json(MODEL)), "404": { description: "missing", ...json(MODEL) } }),
    kinds: ["response-added"],
    units: {},
  },
  {
    name: "4. another error status is a notice",
    before: spec({ ...ok(json(MODEL)), "404": { description: "missing", ...json(MODEL) } }),
    after: spec({ ...ok(json(MODEL)), "404": { description: "missing", ...json(MODEL) }, "409": { description: "conflict" } }),
    kinds: ["response-added"],
    units: { errors: "notice" },
  },
  {
    name: "4. a success schema beside an untyped success: the result stays unknown",
    before: spec({ ...ok(json(MODEL)), "202": { description: "accepted", ...json({}) } }),
    after: spec({ ...ok(json(MODEL_OR_STRING)), "202": { description: "accepted", ...json({}) } }),
    kinds: ["response-body-changed"],
    units: {},
  },
  {
    name: "4. a success body becomes untyped: the result widens to unknown",
    before: spec(ok(json(MODEL))),
    after: spec({ ...ok(json(MODEL)), "202": { description: "accepted", ...json({}) } }),
    kinds: ["type-widened"],
    units: { result: "breaking" },
  },
  {
    name: "5. the Fern method renamed, the function kept: the client method moved",
    before: spec(ok(json(MODEL)), { "x-fern-sdk-group-name": "transcripts", "x-fern-sdk-method-name": "get" }),
    after: spec(ok(json(MODEL)), { "x-fern-sdk-group-name": "transcripts", "x-fern-sdk-method-name": "get_transcript" }),
    kinds: ["client-method-moved"],
    units: { names: "breaking" },
  },
  {
    name: "5. the Fern group nested: the client method moved and the function renamed",
    before: spec(ok(json(MODEL)), { "x-fern-sdk-group-name": "transcripts", "x-fern-sdk-method-name": "get" }),
    after: spec(ok(json(MODEL)), { "x-fern-sdk-group-name": ["dubbing", "transcripts"], "x-fern-sdk-method-name": "get" }),
    kinds: ["function-renamed", "client-method-moved"],
    units: { names: "breaking" },
  },
];

const modelOf = (document: Schema) => {
  const { api, names } = irOf(document);
  return buildApiModel(api, names);
};

describe("operation-level changes", () => {
  let verdicts: Verdict[];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "specforge-verdicts-operations-"));
    const file = (name: string, document: Schema): string => {
      writeFileSync(join(dir, `${name}.json`), JSON.stringify(document));
      return join(dir, `${name}.json`);
    };
    verdicts = await runOracle(
      CASES.map((c, i) => ({ name: c.name, before: file(`${i}-before`, c.before), after: file(`${i}-after`, c.after) })),
      dir,
    );
  }, 300_000);

  it.each(CASES.map((c) => [c.name, c] as const))("%s", (name, c) => {
    const report = diffApiModels(modelOf(c.before), modelOf(c.after));
    expect(report.changes.map((change) => change.kind)).toEqual(c.kinds);
    const mine = verdicts.filter((v) => v.case === name);
    expect(mine.filter(disagrees)).toEqual([]);
    const changed = Object.fromEntries(
      mine.filter((v) => v.compiler !== "non-breaking").map((v) => [v.unit.replace(/^GET \/transcript /, ""), v.compiler]),
    );
    expect(changed).toEqual(c.units);
  });
});
