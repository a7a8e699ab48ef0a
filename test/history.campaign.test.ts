// The drift cycle of test/history.test.ts on every consecutive pair of the ElevenLabs history:
// each pair starts from the output of the older spec, which the previous pair generated; --check
// against the newer one exits 1 with the report, regenerating makes it current. 34 whole-spec runs.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { available, expectCounts, label, pairs, specPath, versions, type JsonReport } from "./support/history.js";

describe.skipIf(!available)("a year of ElevenLabs spec updates, regenerated pair by pair", () => {
  const out = mkdtempSync(join(tmpdir(), "specforge-history-"));

  beforeAll(() => {
    const first = runCli(["generate", "--spec", specPath(versions[0]!), "--out", out]);
    expect(first.status, first.stderr).toBe(0);
  });

  it.each(pairs.map(([older, newer], i) => [label(older), label(newer), newer, i] as const))(
    "%s -> %s: --check exits 1 with the report, regenerating makes it current",
    (_from, _to, newer, i) => {
      const check = runCli(["generate", "--check", "--format", "json", "--spec", specPath(newer), "--out", out]);
      expect(check.status, check.stderr.slice(-2000)).toBe(1);
      expectCounts(JSON.parse(check.stdout) as JsonReport, i);
      expect(runCli(["generate", "--spec", specPath(newer), "--out", out]).status).toBe(0);
      const current = runCli(["generate", "--check", "--format", "json", "--spec", specPath(newer), "--out", out]);
      expect(current.status).toBe(0);
      expect((JSON.parse(current.stdout) as JsonReport).changes).toEqual([]);
    },
  );
});
