import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import yargs, { type Argv } from "yargs";
import { packageRoot } from "../cache/inputs.js";
import { findConfig } from "../config/load.js";
import { runCompare } from "./compare.js";
import { EXIT } from "./exit.js";
import { runGenerate } from "./generate.js";
import { runInit } from "./init.js";
import { filterOptions, filtersOf, reportOptions, specOption } from "./report-options.js";
import { usageMessage } from "./usage.js";

/** What the command line asks for: a command to run (none for --help and --version), or a usage error to print. */
export type Parsed = { run?: () => Promise<number> } | { usageError: string };

/**
 * One entry per command: its yargs definition and what it runs. A new command is a new entry
 * (and a module of its own under cli/), so this file stays the table of contents of the CLI.
 */
type Register = (y: Argv, select: (run: () => Promise<number>) => void) => Argv;

const generateOptions = {
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
  "import-extension": {
    choices: [".js", ".ts"] as const,
    default: ".js" as const,
    describe:
      "The extension of imports between generated files: .js for tsc and bundlers, .ts to run the files as they are (Node 22.18+/24, Deno, Bun)",
  },
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
} as const;

const generate: Register = (y, select) =>
  y.command(
    ["generate", "$0"],
    "Generate TypeScript types, guards, operations and a client from an OpenAPI 3.0/3.1 document.",
    (c) =>
      c
        .options(generateOptions)
        .example("$0 generate", "spec/ (its one OpenAPI document) -> generated/")
        .example("$0 generate --spec api/openapi.yaml --out src/api", "another spec and output folder")
        .example("$0 generate --check", "in CI: exit 1 with the API changes and a diff when generated/ is not current")
        .example("$0 generate --import-extension .ts", "imports that Node 22.18+/24, Deno and Bun run as they are"),
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
            input: { specs: args.spec, filters: filtersOf(args), emit: { importExtension: args.importExtension ?? ".js" } },
            out: resolve(args.out),
            strict: args.strict,
            prettier: args.prettier === true,
          },
        ]);
      }),
  );

const compareOptions = {
  base: { type: "string" as const, array: true as const, demandOption: true as const, describe: "The older spec (repeatable, as --spec)" },
  spec: { ...specOption, default: ["spec"], describe: "The newer spec (repeatable, as for generate)" },
  ...reportOptions,
};

const compare: Register = (y, select) =>
  y.command(
    "compare",
    "Compare two specs and print the API change report, without generating.",
    (c) =>
      c
        .options(compareOptions)
        .example("$0 compare --base old.yaml --spec new.yaml", "the API changes from old.yaml to new.yaml")
        .example("$0 compare --base old.yaml --spec new.yaml --fail-on breaking", "exit 1 only for breaking changes"),
    (a) => select(() => runCompare(a)),
  );

const initOptions = {
  spec: { type: "string", default: "spec", describe: "The folder for the spec" },
  out: { type: "string", default: "generated", describe: "The output folder" },
} as const;

const init: Register = (y, select) =>
  y.command(
    "init",
    "Set up this project: an example spec in spec/ (if it has none), a generate script in package.json, and a first generation.",
    (c) => c.options(initOptions).example("$0 init", "spec/ with an example, the generate script, generated/"),
    (a) => select(() => runInit(a)),
  );

const COMMANDS: Register[] = [generate, compare, init];

/** Each command's flags, for "did you mean" on a mistyped one. */
const FLAGS: Record<string, string[]> = {
  generate: Object.keys(generateOptions),
  compare: Object.keys(compareOptions),
  init: Object.keys(initOptions),
};

/** Flags that cannot go together: a usage error. */
function usage(flags: string, why: string): number {
  process.stderr.write(`specforge: ${flags} cannot be given together: ${why}.\nRun with --help for usage.\n`);
  return EXIT.badInput;
}

/**
 * `specforge generate ...` parsed as `specforge ...`, which means the same (generate is the default
 * command): for a named command yargs renders the whole help text before running it, in case the
 * command fails later, and that was a twentieth of a generation. As typed when it asks for help or
 * the version (their text names the command), or when another word is a command's name.
 */
function asDefaultCommand(argv: string[]): string[] {
  if (argv[0] !== "generate") return argv;
  const rest = argv.slice(1);
  return rest.some((word) => ["--help", "-h", "--version"].includes(word) || word in FLAGS) ? argv : rest;
}

export async function parseCommandLine(argv: string[]): Promise<Parsed> {
  const messages: string[] = [];
  let run: (() => Promise<number>) | undefined;
  const select = (command: () => Promise<number>): void => {
    run = command;
  };
  const y = COMMANDS.reduce((cli, register) => register(cli, select), yargs(asDefaultCommand(argv)).scriptName("specforge"));
  await y
    .epilogue("Exit codes: 0 success, 1 drift (--check), API changes (compare) or breaking changes (--fail-on breaking), 2 bad input.")
    .strict()
    .fail((message, error) => {
      // Errors thrown by the command itself are internal errors, reported by the caller; these are usage errors.
      if (error) throw error;
      messages.push(message);
    })
    .help()
    // This package's version: yargs would look for the nearest package.json, which is the user's project.
    .version((JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version)
    .parseAsync();
  if (messages.length > 0) return { usageError: usageMessage(messages, argv, FLAGS) };
  return run ? { run } : {};
}
