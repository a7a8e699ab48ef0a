import { textDiff } from "../on-demand.js";
import type { OutputPlan } from "./plan.js";

/**
 * The drift report of `--check`: one line per file, then a unified diff per file. Files in
 * `explained` are listed without a diff: the API change report printed before says what changed.
 */
export function driftReport(plan: OutputPlan, outLabel: string, explained: ReadonlySet<string> = new Set()): string {
  const lines = plan.changes.map((c) => `  ${c.kind.padEnd(7)} ${outLabel}/${c.path}`);
  const { createTwoFilesPatch } = textDiff();
  const diffs = plan.changes
    .filter((c) => !explained.has(c.path))
    .map((c) =>
      createTwoFilesPatch(
        c.kind === "added" ? "/dev/null" : `a/${outLabel}/${c.path}`,
        c.kind === "removed" ? "/dev/null" : `b/${outLabel}/${c.path}`,
        c.before,
        c.after,
        undefined,
        undefined,
        { context: 3 },
      ),
    );
  return [`${plan.changes.length} file(s) out of date:`, ...lines, "", ...diffs].join("\n");
}
