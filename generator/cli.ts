#!/usr/bin/env node
import { statSync } from "node:fs";
import { relative } from "node:path";
import { performance } from "node:perf_hooks";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { diffApiModels } from "./changes/diff.js";
import type { ApiModel, ChangeReport } from "./changes/model.js";
import { MODEL_FILE, readRecordedModel } from "./changes/record.js";
import { breakingCount, reportJson, reportText, type Sides } from "./changes/render.js";
import { formatDiagnostic, hasErrors, type Diagnostic } from "./diagnostics.js";
import type { FormatRecord } from "./format/cached.js";
import { generatorFingerprint, specFingerprint } from "./cache/inputs.js";
import { readRunCache, sha256, writeRunCache, type RunCache } from "./cache/run-cache.js";
import { applyPlan } from "./write/apply.js";
import { FINGERPRINT_FILE, fingerprintFile, outputCurrent } from "./write/fingerprint.js";
import { planOutput } from "./write/plan.js";
import { driftReport } from "./write/report.js";

/** Exit codes: 0 output current or written, 1 drift found by --check (or breaking changes under --fail-on breaking), 2 bad input or failure. */
export const EXIT = { ok: 0, drift: 1, badInput: 2 } as const;

interface ReportArgs {
  format: "text" | "json";
  /** Set: exit 1 for breaking API changes only, instead of for any drift. */
  failOn: "breaking" | undefined;
}

interface GenerateArgs extends ReportArgs {
  spec: string;
  out: string;
  check: boolean;
  strict: boolean;
}

interface CompareArgs extends ReportArgs {
  base: string;
  spec: string;
}

/** The change report between the model recorded in the output folder and the current spec; undefined when none is recorded. */
function recordedChanges(
  out: string,
  outLabel: string,
  current: ApiModel,
  spec: string,
): { report?: ChangeReport; sides: Sides; note?: string } {
  const sides = { base: `${outLabel}/${MODEL_FILE}`, head: spec };
  const recorded = readRecordedModel(out);
  if ("model" in recorded) return { report: diffApiModels(recorded.model, current), sides };
  const reason = "missing" in recorded ? recorded.missing : recorded.unreadable;
  return { sides, note: `no API change report: ${reason}; the next generation records one.` };
}

/** Under --fail-on breaking, the exit code is the compatibility gate's, whatever the drift. */
const gate = (args: ReportArgs, report: ChangeReport | undefined): number | undefined =>
  args.failOn === "breaking" ? (report && breakingCount(report) > 0 ? EXIT.drift : EXIT.ok) : undefined;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The size of a spec file, or 0 if it cannot be read (the pipeline reports it); for a folder, the pipeline decides once it has read the spec. */
const specBytes = (spec: string): number => {
  try {
    const stat = statSync(spec);
    return stat.isFile() ? stat.size : 0;
  } catch {
    return 0;
  }
};

async function runGenerate(args: GenerateArgs): Promise<number> {
  const started = performance.now();
  const generator = generatorFingerprint();
  const spec = specFingerprint(args.spec);
  // The folder's fingerprint says the same spec and generator wrote it, and nothing was edited since.
  if (args.check && args.format === "text" && spec !== undefined && outputCurrent(args.out, { generator, spec })) {
    process.stdout.write(
      `specforge: ${relative(process.cwd(), args.out) || "."}/ is up to date (spec and generator unchanged since it was generated).\n`,
    );
    return EXIT.ok;
  }
  const previous = readRunCache(args.out);
  const cache = previous?.generator === generator ? previous : undefined;
  // Loaded only now: the heavy stages (TypeScript, prettier) are not needed on the path above.
  // prettier's worker starts first, to load while the pipeline's modules do; not when the last
  // run's formatted statements are at hand: after an edit, what is left to format is small.
  const { startFormatting } = await import("./format/prettier.js");
  if (!cache) startFormatting(specBytes(args.spec));
  const [{ generate }, { cachingFormatter }] = await Promise.all([import("./pipeline.js"), import("./format/cached.js")]);
  const record: FormatRecord = { unformatted: new Map(), segments: {} };
  const result = await generate(args.spec, cachingFormatter(args.out, cache, record), !cache);
  const warnings = result.diagnostics.filter((d) => d.severity === "warning");
  for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
  if (!result.ok || hasErrors(result.diagnostics) || (args.strict && warnings.length > 0)) {
    process.stderr.write(`specforge: ${args.out}/ was left as it was.\n`);
    return EXIT.badInput;
  }
  const remember = (): void => {
    const files: RunCache["files"] = {};
    for (const f of result.files)
      files[f.path] = { unformatted: record.unformatted.get(f.path) ?? sha256(f.content), formatted: sha256(f.content) };
    writeRunCache(args.out, { generator, files, segments: record.segments });
  };
  if (spec !== undefined) result.files.push(fingerprintFile({ generator, spec }, warnings.length, result.files, result.specName));
  const plan = planOutput(args.out, result.files);
  if (args.check) plan.changes = plan.changes.filter((c) => c.path !== FINGERPRINT_FILE);
  const outLabel = relative(process.cwd(), args.out) || ".";
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
      human.write(`specforge: ${outLabel}/ is up to date (${counts}, ${plural(plan.unchanged.length, "file")}).\n`);
      return gate(args, changes.report) ?? EXIT.ok;
    }
    printChanges();
    human.write(driftReport(plan, outLabel, new Set([MODEL_FILE])) + "\n");
    const fix = `npm run generate${args.spec === "spec" && args.out === "generated" ? "" : ` -- --spec ${args.spec} --out ${args.out}`}`;
    human.write(`specforge: ${outLabel}/ does not match the spec. Fix: ${fix}\n`);
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
    `specforge: ${counts} -> ${outLabel}/: ${written} written, ${plan.unchanged.length} unchanged${removed > 0 ? `, ${removed} removed` : ""} (${ms} ms)\n`,
  );
  return gate(args, changes.report) ?? EXIT.ok;
}

/** `compare`: the change report between two specs; exit 1 for any change, or only breaking ones under --fail-on breaking. */
async function runCompare(args: CompareArgs): Promise<number> {
  const { analyze } = await import("./pipeline.js");
  const models: ApiModel[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const spec of [args.base, args.spec]) {
    const result = analyze(spec);
    diagnostics.push(...result.diagnostics);
    if (result.model) models.push(result.model);
  }
  for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
  if (models.length < 2) return EXIT.badInput;
  const report = diffApiModels(models[0]!, models[1]!);
  const sides = { base: args.base, head: args.spec };
  process.stdout.write((args.format === "json" ? reportJson(report, sides) : reportText(report, sides)) + "\n");
  return gate(args, report) ?? (report.changes.length > 0 ? EXIT.drift : EXIT.ok);
}

export async function main(argv: string[]): Promise<number> {
  let usageError: string | undefined;
  let run: (() => Promise<number> | number) | undefined;
  const spec = { type: "string", default: "spec", describe: "The OpenAPI document, or a folder holding exactly one" } as const;
  const report = {
    format: {
      choices: ["text", "json"] as const,
      default: "text" as const,
      describe: "The API change report as text, or as JSON on stdout",
    },
    "fail-on": {
      choices: ["breaking"] as const,
      describe: "Exit 1 only for breaking API changes (a compatibility gate), not for other drift",
    },
  };
  await yargs(argv)
    .scriptName("specforge")
    .command(
      ["generate", "$0"],
      "Generate TypeScript types, guards, operations and a client from an OpenAPI 3.0/3.1 document.",
      (y) =>
        y.options({
          spec,
          out: { type: "string", default: "generated", describe: "The output folder" },
          check: {
            type: "boolean",
            default: false,
            describe: "Write nothing; exit 1 and show the API changes and a diff if the output is not current",
          },
          strict: { type: "boolean", default: false, describe: "Treat warnings as errors" },
          ...report,
        }),
      (a) => {
        run = () => runGenerate(a);
      },
    )
    .command(
      "compare",
      "Compare two specs and print the API change report, without generating.",
      (y) =>
        y.options({
          base: { type: "string", demandOption: true, describe: "The older spec" },
          spec: { ...spec, describe: "The newer spec" },
          ...report,
        }),
      (a) => {
        run = () => runCompare(a);
      },
    )
    .epilogue("Exit codes: 0 success, 1 drift (--check), API changes (compare) or breaking changes (--fail-on breaking), 2 bad input.")
    .strict()
    .fail((message, error) => {
      // Errors thrown by the command itself are internal errors, reported below; these are usage errors.
      if (error) throw error;
      usageError = message;
    })
    .help()
    .version()
    .parseAsync();
  if (usageError !== undefined) {
    process.stderr.write(`specforge: ${usageError}\nRun with --help for usage.\n`);
    return EXIT.badInput;
  }
  // --help and --version print and run no command.
  return run ? run() : EXIT.ok;
}

// A reader that stops early (`specforge generate --check | head`) is not an error of ours.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`specforge: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.badInput;
  },
);
