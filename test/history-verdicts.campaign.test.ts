// The change report over a year of real ElevenLabs updates (../shared/specs/elevenlabs, never
// copied here), checked two ways that do not go through generator/changes:
// - the compiler: both clients of each pair are generated, and TypeScript says whether code
//   written against the older one still compiles (test/support/compat-oracle.ts);
// - an independent scan of the raw JSON for union variant changes, each of which the report must
//   name where it happened.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ChangeReport } from "../generator/changes/model.js";
import { disagrees, runOracle, type Verdict } from "./support/compat-oracle.js";
import { available } from "./support/history.js";
import { historyCases, unreportedVariants } from "./support/history-verdicts.js";
import { unionVariantChanges } from "./support/union-scan.js";

/** Breaking, notice and non-breaking counts per pair, as the report gives them (written down from a replay; a change here is a change of verdicts to review). */
const COUNTS: Record<string, [number, number, number]> = {
  "20250220": [40, 8, 207],
  "20250310": [92, 13, 165],
  "20250408": [288, 15, 559],
  "20250509": [10, 18, 148],
  "20250528": [202, 10, 123],
  "20250610": [28, 34, 69],
  "20250623": [17, 4, 75],
  "20250710": [22, 8, 80],
  "20250801": [40, 9, 121],
  "20250811": [2, 8, 32],
  "openapi.json": [4, 11, 82],
};

describe.skipIf(!available)("the change report on the ElevenLabs history", () => {
  const reports = new Map<string, ChangeReport>();
  let verdicts: Verdict[];

  beforeAll(async () => {
    verdicts = await runOracle(historyCases, mkdtempSync(join(tmpdir(), "specforge-history-verdicts-")), undefined, reports);
  }, 1_800_000);

  it.each(historyCases.map((c) => [c.name, c] as const))("%s: every verdict agrees with the compiler", (name) => {
    const mine = verdicts.filter((v) => v.case === name);
    expect(mine.length).toBeGreaterThan(500);
    expect(mine.filter(disagrees)).toEqual([]);
  });

  it.each(historyCases.map((c) => [c.name, c] as const))("%s: every union variant change the raw specs show is reported", (name, c) => {
    const raw = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    expect(unreportedVariants(unionVariantChanges(raw(c.before), raw(c.after)), reports.get(name)!)).toEqual([]);
  });

  it("the counts per pair", () => {
    const counts = Object.fromEntries(
      historyCases.map(({ name }) => {
        const { changes } = reports.get(name)!;
        const count = (severity: string) => changes.filter((c) => c.severity === severity).length;
        return [name, [count("breaking"), count("notice"), count("non-breaking")]];
      }),
    );
    expect(counts).toEqual(COUNTS);
  });
});
