// The ElevenLabs spec history in ../shared/specs/elevenlabs (never copied into this repository),
// and what the change report must say about each consecutive pair, taken straight from the raw
// JSON and written down by hand. Used by test/history.test.ts and test/history.campaign.test.ts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { METHODS } from "../../generator/openapi.js";
import { ROOT } from "./paths.js";

const ELEVENLABS = join(ROOT, "..", "shared", "specs", "elevenlabs");
export const available = existsSync(join(ELEVENLABS, "openapi.json")) && existsSync(join(ELEVENLABS, "history"));
if (!available) {
  console.warn(
    `\n${"!".repeat(80)}\n!! SKIPPED the history tests (test/history*.test.ts): ${ELEVENLABS} is absent, so the change report is NOT tested on real history.\n${"!".repeat(80)}\n`,
  );
}
export const versions = available
  ? [
      ...readdirSync(join(ELEVENLABS, "history"))
        .sort()
        .map((f) => join("history", f)),
      "openapi.json",
    ]
  : [];
export const pairs = versions.slice(1).map((newer, i) => [versions[i]!, newer] as const);
export const specPath = (version: string): string => join(ELEVENLABS, version);
export const label = (version: string): string => version.replace(/^history\//, "").replace(/-.*$/, "");

type RawOperation = { operationId?: string; "x-fern-sdk-group-name"?: unknown; "x-fern-sdk-method-name"?: unknown };
interface RawSpec {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, unknown> };
}

export const raw = (version: string): RawSpec => JSON.parse(readFileSync(specPath(version), "utf8")) as RawSpec;

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
export function independentCounts(older: RawSpec, newer: RawSpec) {
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
export const EXPECTED: [string, number, number, number, number, number][] = [
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

export interface JsonReport {
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

export const version = (date: string): string => versions.find((v) => v.includes(date))!;

/** The report between the i-th pair agrees with the counts taken from the raw JSON, and with the table. */
export function expectCounts(report: JsonReport, i: number): void {
  const [older, newer] = pairs[i]!;
  const expected = independentCounts(raw(older), raw(newer));
  expect(report.operations.added).toEqual(expected.operations.added);
  expect(report.operations.removed).toEqual(expected.operations.removed);
  expect(report.operations.moved).toEqual(expected.operations.moved);
  expect(report.schemas.added).toEqual(expected.schemas.added);
  expect(report.schemas.removed).toEqual(expected.schemas.removed);
  const { operations: o, schemas: s } = report.summary;
  expect([label(newer), o.added, o.removed, o.moved, s.added, s.removed]).toEqual(EXPECTED[i]);
}
