#!/usr/bin/env node
import { relative } from "node:path";
import { performance } from "node:perf_hooks";
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { formatDiagnostic, hasErrors } from "./diagnostics.js";
import { generate } from "./pipeline.js";
import { applyPlan } from "./write/apply.js";
import { planOutput } from "./write/plan.js";
import { driftReport } from "./write/report.js";

/** Exit codes: 0 output current or written, 1 drift found by --check, 2 bad input or failure. */
export const EXIT = { ok: 0, drift: 1, badInput: 2 } as const;

interface GenerateArgs {
  spec: string;
  out: string;
  check: boolean;
  strict: boolean;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

async function runGenerate(args: GenerateArgs): Promise<number> {
  const started = performance.now();
  const result = await generate(args.spec);
  const warnings = result.diagnostics.filter((d) => d.severity === "warning");
  for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
  if (!result.files || !result.api || hasErrors(result.diagnostics) || (args.strict && warnings.length > 0)) {
    process.stderr.write(`specforge: ${args.out}/ was left as it was.\n`);
    return EXIT.badInput;
  }
  const plan = planOutput(args.out, result.files);
  const outLabel = relative(process.cwd(), args.out) || ".";
  const counts = `${plural(result.api.operations.length, "operation")}, ${plural(result.api.schemas.length, "schema")}`;
  if (args.check) {
    if (plan.changes.length === 0) {
      process.stdout.write(`specforge: ${outLabel}/ is up to date (${counts}, ${plural(plan.unchanged.length, "file")}).\n`);
      return EXIT.ok;
    }
    process.stdout.write(driftReport(plan, outLabel) + "\n");
    const fix = `npm run generate${args.spec === "spec" && args.out === "generated" ? "" : ` -- --spec ${args.spec} --out ${args.out}`}`;
    process.stdout.write(`specforge: ${outLabel}/ does not match the spec. Fix: ${fix}\n`);
    return EXIT.drift;
  }
  applyPlan(args.out, plan);
  const written = plan.changes.filter((c) => c.kind !== "removed").length;
  const removed = plan.changes.length - written;
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    `specforge: ${counts} -> ${outLabel}/: ${written} written, ${plan.unchanged.length} unchanged${removed > 0 ? `, ${removed} removed` : ""} (${ms} ms)\n`,
  );
  return EXIT.ok;
}

export async function main(argv: string[]): Promise<number> {
  let usageError: string | undefined;
  const args = await yargs(argv)
    .scriptName("specforge")
    .command(["generate", "$0"], "Generate TypeScript types, guards, operations and a client from an OpenAPI 3.0/3.1 document.")
    .options({
      spec: { type: "string", default: "spec", describe: "The OpenAPI document, or a folder holding exactly one" },
      out: { type: "string", default: "generated", describe: "The output folder" },
      check: { type: "boolean", default: false, describe: "Write nothing; exit 1 and show a diff if the output is not current" },
      strict: { type: "boolean", default: false, describe: "Treat warnings as errors" },
    })
    .epilogue("Exit codes: 0 success, 1 drift (--check), 2 bad input.")
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
  return runGenerate(args);
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`specforge: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.badInput;
  },
);
