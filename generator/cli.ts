import { hideBin } from "yargs/helpers";
import { reportJson } from "./changes/render.js";
import { EXIT } from "./cli/exit.js";
import { parseCommandLine } from "./cli/commands.js";

export { EXIT } from "./cli/exit.js";

/** Parses the command line and runs the command it names; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const parsed = await parseCommandLine(argv);
  if ("usageError" in parsed) {
    // yargs gave up before parsing --format; a script that asked for JSON still gets one document.
    if (argv.some((a, i) => a === "--format=json" || (a === "--format" && argv[i + 1] === "json")))
      process.stdout.write(reportJson({ note: parsed.usageError }, { base: null, head: null }, []) + "\n");
    process.stderr.write(`specforge: ${parsed.usageError}\nRun with --help for usage.\n`);
    return EXIT.badInput;
  }
  // --help and --version print and run no command.
  return parsed.run ? parsed.run() : EXIT.ok;
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
