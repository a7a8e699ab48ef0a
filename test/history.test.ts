// The change report on a year of real ElevenLabs spec updates (../shared/specs/elevenlabs, never
// copied into this repository). For each consecutive pair, the output generated from the older spec
// is checked against the newer one, and the report's counts are compared with counts taken here
// straight from the raw JSON, and with the table below.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { METHODS } from "../generator/openapi.js";
import { runCli } from "./support/cli.js";
import { ROOT } from "./support/paths.js";

const ELEVENLABS = join(ROOT, "..", "shared", "specs", "elevenlabs");
const available = existsSync(join(ELEVENLABS, "openapi.json")) && existsSync(join(ELEVENLABS, "history"));
if (!available) {
  console.warn(
    `\n${"!".repeat(80)}\n!! SKIPPED test/history.test.ts: ${ELEVENLABS} is absent, so the change report is NOT tested on real history.\n${"!".repeat(80)}\n`,
  );
}
const versions = available
  ? [
      ...readdirSync(join(ELEVENLABS, "history"))
        .sort()
        .map((f) => join("history", f)),
      "openapi.json",
    ]
  : [];
const pairs = versions.slice(1).map((newer, i) => [versions[i]!, newer] as const);
const specPath = (version: string): string => join(ELEVENLABS, version);
const label = (version: string): string => version.replace(/^history\//, "").replace(/-.*$/, "");

type RawOperation = { operationId?: string; "x-fern-sdk-group-name"?: unknown; "x-fern-sdk-method-name"?: unknown };
interface RawSpec {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, unknown> };
}

const raw = (version: string): RawSpec => JSON.parse(readFileSync(specPath(version), "utf8")) as RawSpec;

function rawOperations(spec: RawSpec): Map<string, RawOperation> {
  const operations = new Map<string, RawOperation>();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) if (item[method]) operations.set(`${method.toUpperCase()} ${path}`, item[method]);
  }
  return operations;
}

/**
 * The expected operation and schema changes, from set differences of `METHOD path` and of
 * `components.schemas` keys. A removed and an added operation are one operation that moved when
 * the method is the same and the operationId, the Fern SDK group and method, or the path without
 * its trailing slash is the same (the trailing slashes dropped in July 2025).
 */
function independentCounts(older: RawSpec, newer: RawSpec) {
  const before = rawOperations(older);
  const after = rawOperations(newer);
  const added = [...after.keys()].filter((k) => !before.has(k)).sort();
  const removed = [...before.keys()].filter((k) => !after.has(k)).sort();
  const sdkName = (o: RawOperation): string | undefined =>
    o["x-fern-sdk-method-name"] === undefined ? undefined : JSON.stringify([o["x-fern-sdk-group-name"], o["x-fern-sdk-method-name"]]);
  const moved: { from: string; to: string }[] = [];
  for (const from of removed) {
    const was = before.get(from)!;
    const to = added.find((k) => {
      const now = after.get(k)!;
      if (k.split(" ")[0] !== from.split(" ")[0]) return false;
      return (
        (was.operationId !== undefined && was.operationId === now.operationId) ||
        (sdkName(was) !== undefined && sdkName(was) === sdkName(now)) ||
        k.replace(/\/$/, "") === from.replace(/\/$/, "")
      );
    });
    if (to !== undefined) {
      moved.push({ from, to });
      added.splice(added.indexOf(to), 1);
    }
  }
  const oldSchemas = Object.keys(older.components.schemas);
  const newSchemas = Object.keys(newer.components.schemas);
  return {
    operations: { added, removed: removed.filter((k) => !moved.some((m) => m.from === k)), moved },
    schemas: {
      added: newSchemas.filter((s) => !oldSchemas.includes(s)).sort(),
      removed: oldSchemas.filter((s) => !newSchemas.includes(s)).sort(),
    },
  };
}

/** Written down by hand from the raw diffs: [newer, operations added, removed, moved, schemas added, removed]. */
const EXPECTED: [string, number, number, number, number, number][] = [
  ["20250220", 45, 0, 0, 72, 5],
  ["20250310", 13, 6, 0, 68, 14],
  ["20250408", 12, 1, 0, 75, 21],
  ["20250509", 23, 0, 1, 60, 1], // POST /v1/convai/twilio/outbound_call -> outbound-call, same operationId
  ["20250528", 9, 1, 0, 39, 5],
  ["20250610", 8, 0, 0, 22, 4],
  ["20250623", 20, 0, 0, 37, 7],
  ["20250710", 1, 4, 4, 16, 12], // three trailing slashes dropped, and phone-numbers/create -> phone-numbers
  ["20250801", 7, 24, 0, 32, 13], // 20 of the 24 removed are the /v1/projects family
  ["20250811", 0, 0, 0, 6, 0],
  ["openapi.json", 14, 0, 0, 51, 0],
];

interface JsonReport {
  summary: { breaking: number; operations: { added: number; removed: number; moved: number }; schemas: { added: number; removed: number } };
  operations: { added: string[]; removed: string[]; moved: { from: string; to: string }[] };
  schemas: { added: string[]; removed: string[] };
  changes: {
    kind: string;
    severity: string;
    breaking: boolean;
    direction: string;
    pointer: string;
    identifier: string;
    member: string;
    operation?: string;
    schema?: string;
  }[];
}

describe.skipIf(!available)("a year of ElevenLabs spec updates", () => {
  const out = mkdtempSync(join(tmpdir(), "specforge-history-"));

  beforeAll(() => {
    const first = runCli(["generate", "--spec", specPath(versions[0]!), "--out", out]);
    expect(first.status, first.stderr).toBe(0);
  });

  // Each pair starts from the output of the older spec, which the previous pair generated.
  it.each(pairs.map(([older, newer], i) => [label(older), label(newer), older, newer, i] as const))(
    "%s -> %s: --check exits 1 with the report, regenerating makes it current",
    (_from, to, older, newer, i) => {
      const check = runCli(["generate", "--check", "--format", "json", "--spec", specPath(newer), "--out", out]);
      expect(check.status, check.stderr.slice(-2000)).toBe(1);
      const report = JSON.parse(check.stdout) as JsonReport;

      const expected = independentCounts(raw(older), raw(newer));
      expect(report.operations.added).toEqual(expected.operations.added);
      expect(report.operations.removed).toEqual(expected.operations.removed);
      expect(report.operations.moved).toEqual(expected.operations.moved);
      expect(report.schemas.added).toEqual(expected.schemas.added);
      expect(report.schemas.removed).toEqual(expected.schemas.removed);
      const { operations: o, schemas: s } = report.summary;
      expect([to, o.added, o.removed, o.moved, s.added, s.removed]).toEqual(EXPECTED[i]);

      expect(runCli(["generate", "--spec", specPath(newer), "--out", out]).status).toBe(0);
      const current = runCli(["generate", "--check", "--format", "json", "--spec", specPath(newer), "--out", out]);
      expect(current.status).toBe(0);
      expect((JSON.parse(current.stdout) as JsonReport).changes).toEqual([]);
    },
    // Three whole-spec CLI runs, mostly prettier; generous so that a loaded machine does not fail it.
    300_000,
  );
});

/** `compare` needs no generation, so each hand-checked pair stands alone. */
function compare(older: string, newer: string): JsonReport {
  const result = runCli(["compare", "--base", specPath(older), "--spec", specPath(newer), "--format", "json"]);
  expect(result.status).toBe(1);
  return JSON.parse(result.stdout) as JsonReport;
}
const version = (date: string): string => versions.find((v) => v.includes(date))!;

describe.skipIf(!available)("hand-checked changes in the ElevenLabs history", () => {
  it("2025-07: paths that dropped their trailing slash are moves, not removals, and break no caller", () => {
    const report = compare(version("20250623"), version("20250710"));
    const moves = report.changes.filter((c) => c.kind === "operation-moved");
    expect(moves.map((c) => [c.operation, c.identifier, c.severity, c.pointer])).toEqual([
      ["GET /v1/convai/phone-numbers", "listConversationalAiPhoneNumbers", "non-breaking", "/paths/~1v1~1convai~1phone-numbers/get"],
      [
        "GET /v1/pronunciation-dictionaries",
        "listPronunciationDictionaries",
        "non-breaking",
        "/paths/~1v1~1pronunciation-dictionaries/get",
      ],
      [
        "GET /v1/pronunciation-dictionaries/{pronunciation_dictionary_id}",
        "getPronunciationDictionary",
        "non-breaking",
        "/paths/~1v1~1pronunciation-dictionaries~1{pronunciation_dictionary_id}/get",
      ],
      // Not a slash: the path changed, but the Fern SDK name (and so the function) stayed.
      ["POST /v1/convai/phone-numbers", "createConversationalAiPhoneNumber", "non-breaking", "/paths/~1v1~1convai~1phone-numbers/post"],
    ]);
    expect(report.operations.removed).not.toContain("GET /v1/pronunciation-dictionaries/");
  });

  it("2025-04-08: allOf [$ref X] becoming $ref X with sibling keywords reports nothing", () => {
    const report = compare(version("20250310"), version("20250408"));
    // Both properties switched style (checked in the raw JSON) and nothing else changed in these schemas.
    for (const schema of ["ASRConversationalConfig", "HistoryAlignmentsResponseModel"]) {
      expect(report.changes.filter((c) => c.schema === schema)).toEqual([]);
    }
    const raw0310 = raw(version("20250310")).components.schemas as Record<string, { properties: Record<string, unknown> }>;
    const raw0408 = raw(version("20250408")).components.schemas as Record<string, { properties: Record<string, unknown> }>;
    expect(raw0310.ASRConversationalConfig!.properties.quality).toMatchObject({ allOf: [{ $ref: "#/components/schemas/ASRQuality" }] });
    expect(raw0408.ASRConversationalConfig!.properties.quality).toMatchObject({ $ref: "#/components/schemas/ASRQuality" });
  });

  it("2025-04-08: allOf [X] becoming anyOf [X, null] is non-breaking in a request and breaking in a response", () => {
    const report = compare(version("20250310"), version("20250408"));
    const at = (schema: string, member: string) => report.changes.filter((c) => c.schema === schema && c.member === member);
    expect(at("Body_Text_to_speech_v1_text_to_speech__voice_id__post", "voice_settings")).toEqual([
      expect.objectContaining({
        kind: "nullable-added",
        severity: "non-breaking",
        breaking: false,
        direction: "request",
        identifier: "TextToSpeechBody",
      }),
    ]);
    expect(at("VoiceResponseModel", "settings")).toEqual([
      expect.objectContaining({
        kind: "nullable-added",
        severity: "breaking",
        breaking: true,
        direction: "response",
        identifier: "VoiceResponseModel",
        pointer: "/components/schemas/VoiceResponseModel/properties/settings",
      }),
    ]);
  });

  it("2025-08-01: the 24 removed operations, 20 of them /v1/projects, are breaking", () => {
    const report = compare(version("20250710"), version("20250801"));
    const removed = report.changes.filter((c) => c.kind === "operation-removed");
    expect(removed).toHaveLength(24);
    expect(removed.filter((c) => c.operation!.split(" ")[1]!.startsWith("/v1/projects"))).toHaveLength(20);
    expect(removed.every((c) => c.breaking)).toBe(true);
    expect(removed.find((c) => c.operation === "GET /v1/projects")).toMatchObject({
      identifier: "getProjects",
      pointer: "/paths/~1v1~1projects/get",
    });
  });

  it("2025-06-10: a new required request field breaks, a response field turned optional breaks, a response enum value is a notice", () => {
    const report = compare(version("20250528"), version("20250610"));
    const find = (schema: string, member: string) => report.changes.find((c) => c.schema === schema && c.member === member);
    expect(find("MCPToolConfig-Input", "integration_type")).toMatchObject({
      kind: "required-property-added",
      severity: "breaking",
      direction: "request",
      identifier: "MCPToolConfigInput",
    });
    expect(find("SpeechHistoryItemResponseModel", "text")).toMatchObject({
      kind: "property-now-optional",
      severity: "breaking",
      direction: "response",
    });
    expect(find("AuthorizationMethod", "")).toMatchObject({
      kind: "value-added",
      severity: "notice",
      breaking: false,
      direction: "response",
    });
  });

  it("2025-05-28: a new Fern SDK group moves the client method, which breaks callers; the function kept its name", () => {
    const report = compare(version("20250509"), version("20250528"));
    const at = report.changes.filter((c) => c.operation === "DELETE /v1/convai/agents/{agent_id}");
    expect(at).toEqual([
      expect.objectContaining({
        kind: "client-method-moved",
        severity: "breaking",
        identifier: "deleteConversationalAiAgent",
        message: "was client.conversationalAi.deleteAgent, now client.conversationalAi.agents.delete",
      }),
    ]);
    // 107 client methods moved; 82 of their functions were renamed too, 25 kept their names.
    expect(report.changes.filter((c) => c.kind === "client-method-moved")).toHaveLength(107);
    expect(report.changes.filter((c) => c.kind === "function-renamed")).toHaveLength(82);
  });
});
