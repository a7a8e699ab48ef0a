// What the verdict tests measure on a set of spec pairs, shared by the history campaign
// (test/history-verdicts.campaign.test.ts) and the before/after figures
// (test/change-figures.campaign.test.ts): the report's counts, its agreement with the compiler,
// and the union variant changes of the raw specs it names.
import { readFileSync } from "node:fs";
import type { ChangeReport } from "../../generator/changes/model.js";
import { disagrees, type OracleCase, type Verdict } from "./compat-oracle.js";
import { label, pairs, specPath } from "./history.js";
import { unionVariantChanges, type VariantChange } from "./union-scan.js";

/** The consecutive ElevenLabs versions, each pair named by its newer version. */
export const historyCases: OracleCase[] = pairs.map(([older, newer]) => ({
  name: label(newer),
  before: specPath(older),
  after: specPath(newer),
}));

export interface Tally {
  breaking: number;
  notice: number;
  nonBreaking: number;
  /** Units (an operation's names, arguments, result, errors; a schema) the compiler judged. */
  units: number;
  /** The compiler sees a breaking change (or a notice) the report does not. */
  missed: number;
  /** The report calls breaking what the compiler accepts. */
  falseBreaking: number;
  /** Union variant changes the raw specs show, and those the report does not name. */
  variants: number;
  unreported: number;
}

export function tally(c: OracleCase, report: ChangeReport, verdicts: Verdict[]): Tally {
  const count = (severity: string) => report.changes.filter((change) => change.severity === severity).length;
  const mine = verdicts.filter((v) => v.case === c.name);
  const raw = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const variants = unionVariantChanges(raw(c.before), raw(c.after));
  return {
    breaking: count("breaking"),
    notice: count("notice"),
    nonBreaking: count("non-breaking"),
    units: mine.length,
    missed: mine.filter((v) => disagrees(v) && v.own !== "breaking").length,
    falseBreaking: mine.filter((v) => disagrees(v) && v.own === "breaking").length,
    variants: variants.length,
    unreported: unreportedVariants(variants, report).length,
  };
}

/** The variant changes the report does not name where the scan found them. */
export const unreportedVariants = (found: VariantChange[], report: ChangeReport): VariantChange[] =>
  found.filter((f) => !reported(f, report));

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
