// The change report's verdicts against the compiler on pairs of specs one random edit apart
// (test/support/spec-mutations.ts): every operation's names, arguments, result and errors, and
// every schema kept, for 240 seeded pairs, and the union variant changes the raw specs show. A
// failure names its seed and edit; replay it with mutationPair(seed).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ChangeReport } from "../generator/changes/model.js";
import { disagrees, runOracle } from "./support/compat-oracle.js";
import { unreportedVariants } from "./support/history-verdicts.js";
import { mutationCases } from "./support/spec-mutations.js";
import { unionVariantChanges } from "./support/union-scan.js";

const PAIRS = 240;
const BATCH = 80;

describe("verdicts on random edits", () => {
  it.each(Array.from({ length: PAIRS / BATCH }, (_, i) => i))("batch %i", async (batch) => {
    const dir = mkdtempSync(join(tmpdir(), "specforge-mutations-"));
    const cases = mutationCases(
      Array.from({ length: BATCH }, (_, i) => batch * BATCH + i + 1),
      dir,
    );
    const reports = new Map<string, ChangeReport>();
    const verdicts = await runOracle(cases, dir, undefined, reports);
    expect(verdicts.length).toBeGreaterThan(BATCH * 20);
    expect(verdicts.filter(disagrees)).toEqual([]);
    // And every union variant change an independent scan of the two specs finds is named.
    const raw = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    const unreported = cases.flatMap((c) => unreportedVariants(unionVariantChanges(raw(c.before), raw(c.after)), reports.get(c.name)!));
    expect(unreported).toEqual([]);
  });
});
