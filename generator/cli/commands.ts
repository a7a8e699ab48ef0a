import yargs, { type Argv } from "yargs";
import { runCompare } from "./compare.js";
import { resolve } from "node:path";
import { findConfig } from "../config/load.js";
import { EXIT } from "./exit.js";
import { runGenerate } from "./generate.js";
import { filterOptions, filtersOf, reportOptions, specOption } from "./report-options.js";

/** What the command line asks for: a command to run (none for --help and --version), or a usage error to print. */
export type Parsed = { run?: () => Promise<number> } | { usageError: string };

/**
 * One entry per command: its yargs definition and what it runs. A new command is a new entry
 * (and a module of its own under cli/), so this file stays the table of contents of the CLI.
 */
type Register = (y: Argv, select: (run: () => Promise<number>) => void) => Argv;

const generate: Register = (y, select) =>
  y.command(
    ["generate", "$0"],
    "Generate TypeScript types, guards, operations and a client from an OpenAPI 3.0/3.1 document.",
    (c) =>
      c.options({
        spec: specOption,
        out: { type: "string", describe: "The output folder [default: generated]" },
        config: {
          type: "string",
          describe: "A config file; without --spec or --out, specforge.config.{ts,mjs,js,json} in the project is used when there is one",
        },
        check: {
          type: "boolean",
          default: false,
          describe: "Write nothing; exit 1 and show the API changes and a diff if the output is not current",
        },
        strict: { type: "boolean", default: false, describe: "Treat warnings as errors" },
        prettier: {
          type: "boolean",
          default: false,
          describe: "Format the output with your own prettier configuration (.prettierrc) instead of the built-in layout",
        },
        watch: {
          type: "boolean",
          default: false,
          describe: "Keep running: regenerate whenever an input changes, from the analysis kept in memory (Ctrl-C stops)",
        },
        ...filterOptions,
        ...reportOptions,
      }),
    (a) =>
      select(async () => {
        // Without --spec and --out the project's config, if it has one, says what to generate.
        const config = a.config ?? (a.spec === undefined && a.out === undefined ? findConfig(process.cwd()) : undefined);
        if (a.watch && a.check) return usage("--watch and --check", "--check writes nothing, --watch keeps writing");
        if (config !== undefined) {
          if (a.spec !== undefined || a.out !== undefined)
            return usage("--config and --spec/--out", "the config names the inputs and outputs");
          const { runConfig } = await import("./run-config.js");
          const flags = { check: a.check, strict: a.strict, prettier: a.prettier, format: a.format, failOn: a.failOn, watch: a.watch };
          return runConfig(resolve(config), flags);
        }
        const args = { ...a, spec: a.spec ?? ["spec"], out: a.out ?? "generated" };
        if (!a.watch) return runGenerate(args);
        const { runWatch } = await import("./watch.js");
        return runWatch([
          {
            input: { specs: args.spec, filters: filtersOf(args) },
            out: resolve(args.out),
            strict: args.strict,
            prettier: args.prettier === true,
          },
        ]);
      }),
  );

const compare: Register = (y, select) =>
  y.command(
    "compare",
    "Compare two specs and print the API change report, without generating.",
    (c) =>
      c.options({
        base: { type: "string", array: true, demandOption: true, describe: "The older spec (repeatable, as --spec)" },
        spec: { ...specOption, default: ["spec"], describe: "The newer spec (repeatable, as for generate)" },
        ...reportOptions,
      }),
    (a) => select(() => runCompare(a)),
  );

const COMMANDS: Register[] = [generate, compare];

/** Flags that cannot go together: a usage error. */
function usage(flags: string, why: string): number {
  process.stderr.write(`specforge: ${flags} cannot be given together: ${why}.\nRun with --help for usage.\n`);
  return EXIT.badInput;
}

export async function parseCommandLine(argv: string[]): Promise<Parsed> {
  let usageError: string | undefined;
  let run: (() => Promise<number>) | undefined;
  const select = (command: () => Promise<number>): void => {
    run = command;
  };
  const y = COMMANDS.reduce((cli, register) => register(cli, select), yargs(argv).scriptName("specforge"));
  await y
    .epilogue("Exit codes: 0 success, 1 drift (--check), API changes (compare) or breaking changes (--fail-on breaking), 2 bad input.")
    .strict()
    .fail((message, error) => {
      // Errors thrown by the command itself are internal errors, reported by the caller; these are usage errors.
      if (error) throw error;
      usageError = message;
    })
    .help()
    .version()
    .parseAsync();
  if (usageError !== undefined) return { usageError };
  return run ? { run } : {};
}
