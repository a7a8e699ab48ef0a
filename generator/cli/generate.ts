import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generatorFingerprint, specFingerprint } from "../cache/inputs.js";
import { readRunCache, sha256, writeRunCache, type RunCache } from "../cache/run-cache.js";
import { diffApiModels } from "../changes/diff.js";
import type { ApiModel, ChangeReport } from "../changes/model.js";
import { MODEL_FILE, readRecordedModel } from "../changes/record.js";
import { reportJson, reportText, type Sides } from "../changes/render.js";
import { formatDiagnostic, hasErrors, type Diagnostic } from "../diagnostics.js";
import type { EmitOptions } from "../emit/modules.js";
import type { FormatRecord } from "../format/cached.js";
import { applyPlan } from "../write/apply.js";
import { FINGERPRINT_FILE, fingerprintFile, outputCurrent } from "../write/fingerprint.js";
import { planOutput } from "../write/plan.js";
import { driftReport } from "../write/report.js";
import { EXIT, folderLabel, pathLabel, plural } from "./exit.js";
import { rerunCommand } from "./invocation.js";
import { createProgress } from "./progress.js";
import { gate, type ReportArgs } from "./report-options.js";

export interface GenerateArgs extends ReportArgs {
  /** One or more inputs, merged into one client. */
  spec: string[];
  out: string;
  check: boolean;
  strict: boolean;
  importExtension: EmitOptions["importExtension"];
}

/** The change report between the model recorded in the output folder and the current spec; undefined when none is recorded. */
function recordedChanges(
  out: string,
  outLabel: string,
  current: ApiModel,
  spec: string[],
): { report?: ChangeReport; sides: Sides; note?: string } {
  const sides = { base: `${outLabel}/${MODEL_FILE}`, head: spec.join(", ") };
  const recorded = readRecordedModel(out);
  if ("model" in recorded) return { report: diffApiModels(recorded.model, current), sides };
  const reason = "missing" in recorded ? recorded.missing : recorded.unreadable;
  return { sides, note: `no API change report: ${reason}; the next generation records one.` };
}

/** The size of the spec files, 0 for one that cannot be read (the pipeline reports it); for a folder, the pipeline decides once it has read the spec. */
const specBytes = (specs: string[]): number =>
  specs.reduce((sum, spec) => {
    try {
      const stat = statSync(spec);
      return sum + (stat.isFile() ? stat.size : 0);
    } catch {
      return sum;
    }
  }, 0);

/** The last line of a failed run: the output folder is as it was, or was never created. */
const untouched = (out: string): string =>
  existsSync(out)
    ? `specforge: ${folderLabel(out)} was left as it was.\n`
    : `specforge: nothing was written (${folderLabel(out)} does not exist).\n`;

const conflict = (out: string, path: string): Diagnostic => ({
  code: "E_OUT_CONFLICT",
  severity: "error",
  message: `${path} in the output folder is not a file specforge generated, and the run would replace it.`,
  hint: "specforge never overwrites files of yours: move the file, or pass another --out.",
  file: join(out, path),
  pointer: "",
});

export async function runGenerate(args: GenerateArgs): Promise<number> {
  const started = performance.now();
  const emit: EmitOptions = { importExtension: args.importExtension };
  // The options shape the output as much as the generator's code does.
  const generator = sha256(`${generatorFingerprint()}\0${JSON.stringify(emit)}`);
  const spec = specFingerprint(args.spec);
  // The folder's fingerprint says the same spec and generator wrote it, and nothing was edited since.
  if (args.check && args.format === "text" && spec !== undefined && outputCurrent(args.out, { generator, spec })) {
    process.stdout.write(`specforge: ${folderLabel(args.out)} is up to date (spec and generator unchanged since it was generated).\n`);
    return EXIT.ok;
  }
  const previous = readRunCache(args.out);
  const cache = previous?.generator === generator ? previous : undefined;
  // Loaded only now: the heavy stages (TypeScript, prettier) are not needed on the path above.
  // prettier's worker starts first, to load while the pipeline's modules do; not when the last
  // run's formatted statements are at hand: after an edit, what is left to format is small.
  const { startFormatting } = await import("../format/prettier.js");
  if (!cache) startFormatting(specBytes(args.spec));
  const [{ generate }, { cachingFormatter }] = await Promise.all([import("../pipeline.js"), import("../format/cached.js")]);
  const record: FormatRecord = { unformatted: new Map(), segments: {} };
  const progress = createProgress();
  const result = await generate(args.spec, cachingFormatter(args.out, cache, record), !cache, emit, (stage, counts) =>
    progress.stage(stage, counts),
  ).finally(() => progress.done());
  const warnings = result.diagnostics.filter((d) => d.severity === "warning");
  for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
  if (!result.ok || hasErrors(result.diagnostics) || (args.strict && warnings.length > 0)) {
    process.stderr.write(untouched(args.out));
    return EXIT.badInput;
  }
  const remember = (): void => {
    const files: RunCache["files"] = {};
    for (const f of result.files)
      files[f.path] = { unformatted: record.unformatted.get(f.path) ?? sha256(f.content), formatted: sha256(f.content) };
    writeRunCache(args.out, { generator, files, segments: record.segments });
  };
  if (spec !== undefined) result.files.push(fingerprintFile({ generator, spec }, warnings.length, result.files));
  const plan = planOutput(args.out, result.files);
  if (plan.conflicts.length > 0) {
    for (const path of plan.conflicts) process.stderr.write(formatDiagnostic(conflict(args.out, path)) + "\n");
    process.stderr.write(untouched(args.out));
    return EXIT.badInput;
  }
  if (args.check) plan.changes = plan.changes.filter((c) => c.path !== FINGERPRINT_FILE);
  const outLabel = pathLabel(args.out);
  const counts = `${plural(result.api.operations.length, "operation")}, ${plural(result.api.schemas.length, "schema")}`;
  const changes = recordedChanges(args.out, outLabel, result.model, args.spec);
  // With --format json, stdout carries the JSON report alone and everything for people goes to stderr.
  const human = args.format === "json" ? process.stderr : process.stdout;
  if (args.format === "json") process.stdout.write(reportJson(changes.report, changes.sides, changes.note) + "\n");
  const printChanges = (): void => {
    if (args.format === "text")
      human.write((changes.report ? reportText(changes.report, changes.sides) : `specforge: ${changes.note}`) + "\n");
  };
  if (args.check) {
    if (plan.changes.length === 0) {
      remember();
      human.write(`specforge: ${folderLabel(args.out)} is up to date (${counts}, ${plural(plan.unchanged.length, "file")}).\n`);
      return gate(args, changes.report) ?? EXIT.ok;
    }
    printChanges();
    human.write(driftReport(plan, outLabel, new Set([MODEL_FILE])) + "\n");
    const fix = rerunCommand();
    human.write(`specforge: ${folderLabel(args.out)} does not match the spec. Fix: ${fix}\n`);
    return gate(args, changes.report) ?? EXIT.drift;
  }
  // A first generation has nothing to compare with, so it prints no report.
  if (plan.changes.length > 0 && changes.report) printChanges();
  applyPlan(args.out, plan);
  remember();
  const written = plan.changes.filter((c) => c.kind !== "removed").length;
  const removed = plan.changes.length - written;
  const ms = Math.round(performance.now() - started);
  human.write(
    `specforge: ${counts} -> ${folderLabel(args.out)}: ${written} written, ${plan.unchanged.length} unchanged${removed > 0 ? `, ${removed} removed` : ""} (${ms} ms)\n`,
  );
  return gate(args, changes.report) ?? EXIT.ok;
}
