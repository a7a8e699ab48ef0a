// The change report over a year of real ElevenLabs updates (../shared/specs/elevenlabs, never
// copied here), checked two ways that do not go through generator/changes:
// - the compiler: both clients of each pair are generated, and TypeScript says whether code
//   written against the older one still compiles (test/support/compat-oracle.ts);
// - an independent scan of the raw JSON for union variant changes, each of which the report must
//   name where it happened.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { diffApiModels } from "../generator/changes/diff.js";
import type { ChangeReport } from "../generator/changes/model.js";
import { analyze } from "../generator/pipeline.js";
import { disagrees, runOracle, type Verdict } from "./support/compat-oracle.js";
import { SHARED, sharedAvailable } from "./support/shared.js";
import { unionVariantChanges, type VariantChange } from "./support/union-scan.js";

const ELEVENLABS = join(SHARED, "specs", "elevenlabs");
const available = sharedAvailable(
  join(ELEVENLABS, "history"),
  "test/history-verdicts.campaign.test.ts (the change report on real history)",
);
const versions = available
  ? [
      ...readdirSync(join(ELEVENLABS, "history"))
        .sort()
        .map((f) => join(ELEVENLABS, "history", f)),
      join(ELEVENLABS, "openapi.json"),
    ]
  : [];
const pairs = versions
  .slice(1)
  .map((after, i) => ({ before: versions[i]!, after, name: after.replace(/^.*\//, "").replace(/-.*$|\.json$/, "") }));

/** Breaking, notice and non-breaking counts per pair, as the report gives them (written down from a replay; a change here is a change of verdicts to review). */
const COUNTS: Record<string, [number, number, number]> = {
  "20250220": [43, 8, 207],
  "20250310": [92, 13, 165],
  "20250408": [288, 15, 559],
  "20250509": [10, 18, 148],
  "20250528": [199, 10, 123],
  "20250610": [28, 34, 69],
  "20250623": [17, 4, 75],
  "20250710": [23, 8, 80],
  "20250801": [40, 9, 121],
  "20250811": [2, 8, 32],
  openapi: [4, 11, 82],
};

describe.skipIf(!available)("the change report on the ElevenLabs history", () => {
  const reports = new Map<string, ChangeReport>();
  let verdicts: Verdict[];

  beforeAll(async () => {
    const models = new Map<string, Awaited<ReturnType<typeof analyze>>["model"]>();
    for (const version of versions) models.set(version, (await analyze([version])).model);
    for (const pair of pairs) reports.set(pair.name, diffApiModels(models.get(pair.before)!, models.get(pair.after)!));
    verdicts = await runOracle(pairs, mkdtempSync(join(tmpdir(), "specforge-history-verdicts-")));
  }, 1_800_000);

  it.each(pairs.map((p) => [p.name, p] as const))("%s: every verdict agrees with the compiler", (name) => {
    const mine = verdicts.filter((v) => v.case === name);
    expect(mine.length).toBeGreaterThan(500);
    expect(mine.filter(disagrees)).toEqual([]);
  });

  it.each(pairs.map((p) => [p.name, p] as const))("%s: every union variant change the raw specs show is reported", (name, pair) => {
    const raw = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    const report = reports.get(name)!;
    const missing = unionVariantChanges(raw(pair.before), raw(pair.after)).filter((found) => !reported(found, report));
    expect(missing).toEqual([]);
  });

  it("the counts per pair", () => {
    const counts = Object.fromEntries(
      pairs.map(({ name }) => {
        const { changes } = reports.get(name)!;
        const count = (severity: string) => changes.filter((c) => c.severity === severity).length;
        return [name, [count("breaking"), count("notice"), count("non-breaking")]];
      }),
    );
    console.log(counts);
    expect(counts).toEqual(COUNTS);
  });
});

/** The report names the variant at the place the scan found it: the component (or operation) and the member path. */
function reported(found: VariantChange, report: ChangeReport): boolean {
  // Or named beside what it replaced (`A is now B`, `narrowed from string to ToolType`).
  const either = ["reference-changed", "type-changed", "type-widened", "type-narrowed", "response-body-changed"];
  const kinds = [
    ...(found.change === "added" ? ["variant-added", "type-widened", "value-added"] : ["variant-removed", "type-narrowed"]),
    ...either,
  ];
  return report.changes.some(
    (c) =>
      kinds.includes(c.kind) &&
      (found.schema !== undefined ? c.schema === found.schema : c.operation === found.operation) &&
      c.member === found.member &&
      c.message.includes(found.variant),
  );
}
