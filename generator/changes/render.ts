import type { Diagnostic } from "../diagnostics.js";
import type { ApiChange, ChangeReport, Severity } from "./model.js";

/** Bumped when the JSON report changes shape. */
export const REPORT_VERSION = 1;

const SEVERITIES: Severity[] = ["breaking", "notice", "non-breaking"];

const count = (report: ChangeReport, severity: Severity): number => report.changes.filter((c) => c.severity === severity).length;

export const breakingCount = (report: ChangeReport): number => count(report, "breaking");

/** What the reader must compare: `base` is the older side, `head` the newer. */
export interface Sides {
  base: string;
  head: string;
}

function summary(report: ChangeReport) {
  const { operations: o, schemas: s } = report;
  return {
    breaking: count(report, "breaking"),
    notice: count(report, "notice"),
    nonBreaking: count(report, "non-breaking"),
    operations: { added: o.added.length, removed: o.removed.length, moved: o.moved.length, changed: o.changed.length },
    schemas: { added: s.added.length, removed: s.removed.length, changed: s.changed.length },
  };
}

/**
 * The `--format json` document; docs/change-report.md documents every field. Without a report
 * (nothing recorded yet, or a spec that could not be read: exit 2), `summary` is null and `note`
 * says why. `diagnostics` are the spec's problems, also printed on stderr for people.
 */
export function reportJson(
  outcome: { report: ChangeReport } | { note: string },
  sides: { base: string | null; head: string | null },
  diagnostics: readonly Diagnostic[],
): string {
  const body =
    "report" in outcome
      ? {
          version: REPORT_VERSION,
          ...sides,
          summary: summary(outcome.report),
          operations: outcome.report.operations,
          schemas: outcome.report.schemas,
          changes: outcome.report.changes,
          diagnostics,
        }
      : { version: REPORT_VERSION, ...sides, note: outcome.note, summary: null, changes: [], diagnostics };
  return JSON.stringify(body, null, 2);
}

const line = (c: ApiChange): string => {
  const where = c.member === "" ? c.identifier : `${c.identifier}${c.member.startsWith("[") ? "" : "."}${c.member}`;
  const context = c.operation ?? `schema ${c.schema}`;
  return `  ${c.severity.padEnd(12)} ${where}: ${c.message} (${c.direction === "both" ? "" : `${c.direction}, `}${context}) #${c.pointer}`;
};

/** The human report: counts first, then every change, most severe first. */
export function reportText(report: ChangeReport, sides: Sides): string {
  const s = summary(report);
  if (report.changes.length === 0) return `specforge: no API changes from ${sides.base} to ${sides.head}.`;
  const { operations: o, schemas: sc } = s;
  return [
    `specforge: API changes from ${sides.base} to ${sides.head}: ${s.breaking} breaking, ${s.notice} notice, ${s.nonBreaking} non-breaking`,
    `  operations: ${o.added} added, ${o.removed} removed, ${o.moved} moved, ${o.changed} changed`,
    `  schemas: ${sc.added} added, ${sc.removed} removed, ${sc.changed} changed`,
    ...SEVERITIES.flatMap((severity) => report.changes.filter((c) => c.severity === severity).map(line)),
  ].join("\n");
}
