import { existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { generatorFingerprint, generatorKey, sha256, specDigest, specInputs } from "../cache/inputs.js";
import { diffApiModels } from "../changes/diff.js";
import type { ApiModel, ChangeReport } from "../changes/model.js";
import { MODEL_FILE, readRecordedModel } from "../changes/record.js";
import { reportJson, reportText, type Sides } from "../changes/render.js";
import { formatDiagnostic, hasErrors, type Diagnostic } from "../diagnostics.js";
import type { EmitOptions } from "../emit/modules.js";
import type { Api } from "../ir/model.js";
import { applyPlan } from "../write/apply.js";
import { FINGERPRINT_FILE, fingerprintFile, outputCurrent, recordedParts, recordedRenders } from "../write/fingerprint.js";
import { planOutput } from "../write/plan.js";
import { driftReport } from "../write/report.js";
import type { Input } from "../pipeline.js";
import type { Filters, Naming } from "../public.js";
import { EXIT, folderLabel, pathLabel, plural } from "./exit.js";
import { rerunCommand } from "./invocation.js";
import { createProgress } from "./progress.js";
import { filtersOf, gate, type FilterArgs, type ReportArgs } from "./report-options.js";

export interface GenerateArgs extends ReportArgs, FilterArgs {
  /** One or more inputs, merged into one client. */
  spec: string[];
  out: string;
  check: boolean;
  strict: boolean;
  /** Format the output with the user's own prettier configuration. */
  prettier?: boolean;
  /** How messages name the output folder: as the user gave it (a config's folder, relative to the config). Default: `out`. */
  outLabel?: string;
  /** The extension of imports between generated files; `.js` when not given. */
  importExtension?: EmitOptions["importExtension"];
}

/** `3 operations, 2 webhooks, 1 callback, 17 schemas`: webhooks and callbacks only when the spec has some. */
const summaryCounts = (api: Api): string => {
  const webhooks = api.incoming.filter((i) => i.kind === "webhook").length;
  const callbacks = api.incoming.length - webhooks;
  return [
    plural(api.operations.length, "operation"),
    ...(webhooks > 0 ? [plural(webhooks, "webhook")] : []),
    ...(callbacks > 0 ? [plural(callbacks, "callback")] : []),
    plural(api.schemas.length, "schema"),
  ].join(", ");
};

/** The last line of a failed run: the output folder is as it was, or was never created. */
const untouched = (out: string, shown: string): string =>
  existsSync(out)
    ? `specforge: ${folderLabel(shown)} was left as it was.\n`
    : `specforge: nothing was written (${folderLabel(shown)} does not exist).\n`;

const conflict = (out: string, path: string): Diagnostic => ({
  code: "E_OUT_CONFLICT",
  severity: "error",
  message: `${path} in the output folder is not a file specforge generated, and the run would replace it.`,
  hint: "specforge never overwrites files of yours: move the file, or pass another --out.",
  file: join(out, path),
  pointer: "",
});

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

/** Where a command writes: the process's streams, or buffers when several APIs run at once. */
export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** What a config gives beyond the flags: its filters (as an object), and the naming hooks of a TypeScript or JavaScript config. */
export interface GenerateExtras {
  filters?: Filters;
  naming?: Naming;
}

export async function runGenerate(args: GenerateArgs, io: Io = process, extras: GenerateExtras = {}): Promise<number> {
  const started = performance.now();
  const shown = args.outLabel ?? args.out;
  // With --prettier the output also depends on the user's prettier and its configuration.
  const { formatWithUserConfig, userConfigFingerprint } = args.prettier ? await import("../format/prettier.js") : {};
  const emit: EmitOptions = { importExtension: args.importExtension ?? ".js" };
  // The options shape the output as much as the generator's code does.
  const generator =
    generatorKey(generatorFingerprint(), emit, extras.naming) +
    (userConfigFingerprint ? `+prettier:${await userConfigFingerprint(args.out)}` : "");
  const input: Input = { specs: args.spec, ...extras, filters: extras.filters ?? filtersOf(args), emit };
  // The inputs as this run is about to read them; after it, the parts it read are added.
  const digest = specDigest(args.spec, args.out);
  // The folder's fingerprint says the same spec (and the parts it read then) and generator wrote it, and nothing was edited since.
  const parts = args.check && args.format === "text" && digest !== undefined ? recordedParts(args.out) : undefined;
  if (
    digest !== undefined &&
    parts !== undefined &&
    outputCurrent(args.out, { generator, ...specInputs(digest, input.filters, parts, args.out) })
  ) {
    io.stdout.write(`specforge: ${folderLabel(shown)} is up to date (spec and generator unchanged since it was generated).\n`);
    return EXIT.ok;
  }
  // Loaded only now: the stages are not needed on the path above.
  const { generate } = await import("../pipeline.js");
  const progress = createProgress();
  // Files the last run rendered from the same views are taken from the folder; with --prettier the
  // folder holds them restyled, so they are rendered again.
  const reuse = formatWithUserConfig ? undefined : recordedRenders(args.out, generator);
  const result = await generate(
    input,
    formatWithUserConfig && ((files) => formatWithUserConfig(files, args.out)),
    (stage, counts) => progress.stage(stage, counts),
    reuse,
  ).finally(() => progress.done());
  const warnings = result.diagnostics.filter((d) => d.severity === "warning");
  for (const d of result.diagnostics) io.stderr.write(formatDiagnostic(d) + "\n");
  if (!result.ok || hasErrors(result.diagnostics) || (args.strict && warnings.length > 0)) {
    const note = `the spec has ${hasErrors(result.diagnostics) || !args.strict ? "errors" : "warnings (--strict)"}; ${args.out}/ was left as it was.`;
    if (args.format === "json")
      io.stdout.write(reportJson({ note }, { base: null, head: args.spec.join(", ") }, result.diagnostics) + "\n");
    io.stderr.write(untouched(args.out, shown));
    return EXIT.badInput;
  }
  if (digest !== undefined)
    result.files.push(
      fingerprintFile({ generator, ...specInputs(digest, input.filters, result.parts, args.out) }, warnings.length, result.files),
    );
  const plan = planOutput(args.out, result.files);
  if (plan.conflicts.length > 0) {
    for (const path of plan.conflicts) io.stderr.write(formatDiagnostic(conflict(args.out, path)) + "\n");
    io.stderr.write(untouched(args.out, shown));
    return EXIT.badInput;
  }
  if (args.check) plan.changes = plan.changes.filter((c) => c.path !== FINGERPRINT_FILE);
  const outLabel = pathLabel(shown);
  const counts = summaryCounts(result.api);
  const changes = recordedChanges(args.out, outLabel, result.model, args.spec);
  // With --format json, stdout carries the JSON report alone and everything for people goes to stderr.
  const human = args.format === "json" ? io.stderr : io.stdout;
  if (args.format === "json") {
    const outcome = changes.report ? { report: changes.report } : { note: changes.note! };
    const sides = { ...changes.sides, base: changes.report ? changes.sides.base : null };
    io.stdout.write(reportJson(outcome, sides, result.diagnostics) + "\n");
  }
  const printChanges = (): void => {
    if (args.format === "text")
      human.write((changes.report ? reportText(changes.report, changes.sides) : `specforge: ${changes.note}`) + "\n");
  };
  if (args.check) {
    if (plan.changes.length === 0) {
      human.write(`specforge: ${folderLabel(shown)} is up to date (${counts}, ${plural(plan.unchanged.length, "file")}).\n`);
      return gate(args, changes.report) ?? EXIT.ok;
    }
    printChanges();
    human.write(driftReport(plan, outLabel, new Set([MODEL_FILE])) + "\n");
    human.write(`specforge: ${folderLabel(shown)} does not match the spec. Fix: ${rerunCommand()}\n`);
    return gate(args, changes.report) ?? EXIT.drift;
  }
  // A first generation has nothing to compare with, so it prints no report.
  if (plan.changes.length > 0 && changes.report) printChanges();
  applyPlan(args.out, plan);
  const written = plan.changes.filter((c) => c.kind !== "removed").length;
  const removed = plan.changes.length - written;
  const ms = Math.round(performance.now() - started);
  human.write(
    `specforge: ${counts} -> ${folderLabel(shown)}: ${written} written, ${plan.unchanged.length} unchanged${removed > 0 ? `, ${removed} removed` : ""} (${ms} ms)\n`,
  );
  return gate(args, changes.report) ?? EXIT.ok;
}
