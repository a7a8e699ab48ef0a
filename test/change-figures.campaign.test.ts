// The figures of the change report before and after issue 16, measured, not remembered: for each
// pair of the ElevenLabs history and for 240 random one-edit pairs, the breaking, notice and
// non-breaking counts, how many units the compiler judged and how many verdicts it contradicts,
// and the union variant changes of the raw specs left unnamed. "Before" is main just before the
// issue's first commit, read out of git (test/support/baseline.ts). It prints tables and asserts
// that "after" agrees with the compiler everywhere. Several minutes; run it on demand:
//   CHANGE_FIGURES=1 npx vitest run --project campaigns test/change-figures.campaign.test.ts
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ChangeReport } from "../generator/changes/model.js";
import { engineAt, hasRevision } from "./support/baseline.js";
import { CURRENT, runOracle, type Engine, type OracleCase } from "./support/compat-oracle.js";
import { available } from "./support/history.js";
import { historyCases, tally, type Tally } from "./support/history-verdicts.js";
import { mutationCases } from "./support/spec-mutations.js";

/** main before the change report's rework (the parent of d461a2d, FastAPI body names). */
const BASELINE = "009049c1609444b1116b0a397e7b9fa24acb46f4";
const wanted = process.env.CHANGE_FIGURES === "1";
const ready = wanted && available && hasRevision(BASELINE);
if (!ready) console.warn(`skipped: the change report figures run with CHANGE_FIGURES=1, ../shared and revision ${BASELINE} in this clone`);

async function measure(engine: Engine, cases: OracleCase[], batch: number): Promise<Tally[]> {
  const tallies: Tally[] = [];
  for (let i = 0; i < cases.length; i += batch) {
    const some = cases.slice(i, i + batch);
    const reports = new Map<string, ChangeReport>();
    const verdicts = await runOracle(some, mkdtempSync(join(tmpdir(), "specforge-figures-")), engine, reports);
    tallies.push(...some.map((c) => tally(c, reports.get(c.name)!, verdicts)));
  }
  return tallies;
}

const COLUMNS: (keyof Tally)[] = ["breaking", "notice", "nonBreaking", "units", "missed", "falseBreaking", "variants", "unreported"];
const row = (name: string, before: Tally, after: Tally) =>
  `| ${name} | ${COLUMNS.map((k) => (before[k] === after[k] ? `${after[k]}` : `${before[k]} → ${after[k]}`)).join(" | ")} |`;
const sum = (tallies: Tally[]): Tally =>
  Object.fromEntries(COLUMNS.map((k) => [k, tallies.reduce((n, t) => n + t[k], 0)])) as unknown as Tally;
const table = (rows: string[]) => [`| pair | ${COLUMNS.join(" | ")} |`, `|${" --- |".repeat(COLUMNS.length + 1)}`, ...rows].join("\n");

describe.skipIf(!ready)("the change report before and after", () => {
  const baseline = ready ? engineAt(BASELINE) : undefined;

  it("on the ElevenLabs history", async () => {
    const before = await measure(await baseline!, historyCases, historyCases.length);
    const after = await measure(CURRENT, historyCases, historyCases.length);
    const rows = historyCases.map((c, i) => row(c.name, before[i]!, after[i]!));
    console.log(table([...rows, row("total", sum(before), sum(after))]));
    expect(sum(after)).toMatchObject({ missed: 0, falseBreaking: 0, unreported: 0 });
  });

  it("on 240 random one-edit pairs", async () => {
    const cases = mutationCases(
      Array.from({ length: 240 }, (_, i) => i + 1),
      mkdtempSync(join(tmpdir(), "specforge-figures-mutations-")),
    );
    const [before, after] = [sum(await measure(await baseline!, cases, 80)), sum(await measure(CURRENT, cases, 80))];
    console.log(table([row("240 random edits", before, after)]));
    expect(after).toMatchObject({ missed: 0, falseBreaking: 0, unreported: 0 });
  });
});
