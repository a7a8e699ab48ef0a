import { readFileSync } from "node:fs";
import { basename, relative } from "node:path";

/** What tells how the CLI was started: the environment npm sets for scripts and npx, and the process's own argv. */
export interface Invocation {
  env: Record<string, string | undefined>;
  /** process.argv: the runtime, the entry point, then the user's arguments. */
  argv: readonly string[];
  cwd: string;
}

export const currentInvocation = (): Invocation => ({ env: process.env, argv: process.argv, cwd: process.cwd() });

/** A word as a POSIX shell reads it back: quoted only when it has to be. */
const shellWord = (word: string): string => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`);

/** The words of a script line, as a shell splits them (quotes honoured, no expansion). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const [, single, double, plain] of line.matchAll(/'([^']*)'|"((?:\\.|[^"\\])*)"|(\S+)/g))
    words.push(single ?? double?.replace(/\\(.)/g, "$1") ?? plain!);
  return words;
}

/** Whether a word of a script starts this CLI: its bin, or its entry point run by node. */
const isEntry = (word: string): boolean => basename(word) === "specforge" || /(^|[\\/])(dist[\\/])?cli\.[cm]?js$/.test(word);

/** The arguments a script passes to this CLI itself, undefined when the script does not run it. */
function scriptArgs(script: string): string[] | undefined {
  for (const command of script.split(/&&|\|\||;/).reverse()) {
    const words = shellWords(command);
    const entry = words.findIndex(isEntry);
    if (entry >= 0) return words.slice(entry + 1);
  }
  return undefined;
}

const withoutCheck = (args: readonly string[]): string[] => args.filter((a) => a !== "--check" && a !== "--check=true");

/** The scripts of the package.json npm ran, keyed by name. */
function packageScripts(env: Invocation["env"]): Record<string, string> {
  try {
    return (JSON.parse(readFileSync(env.npm_package_json ?? "", "utf8")) as { scripts?: Record<string, string> }).scripts ?? {};
  } catch {
    return {};
  }
}

/** `npm run <script> [-- args]` when an npm script ran this CLI and a script without --check can do the same run. */
function npmRun({ env, argv }: Invocation): string | undefined {
  const event = env.npm_lifecycle_event;
  const own = env.npm_lifecycle_script === undefined ? undefined : scriptArgs(env.npm_lifecycle_script);
  // npx sets these too (event "npx"), for the command it runs.
  if (event === undefined || own === undefined || env.npm_command === "exec") return undefined;
  const given = argv.slice(2);
  // npm appends what follows `--` to the script's own arguments.
  if (!own.every((word, i) => given[i] === word)) return undefined;
  const extra = withoutCheck(given.slice(own.length));
  let script: string | undefined = event;
  if (own.some((a) => a === "--check")) {
    const wanted = withoutCheck(own).join(" ");
    script = Object.entries(packageScripts(env)).find(([, line]) => scriptArgs(line)?.join(" ") === wanted)?.[0];
  }
  if (script === undefined) return undefined;
  return `npm run ${shellWord(script)}${extra.length > 0 ? ` -- ${extra.map(shellWord).join(" ")}` : ""}`;
}

/**
 * The command that runs the same generation without --check, the way the user ran this one:
 * `npm run generate` (with what followed `--`) when an npm script ran it, `npx specforge …` under
 * npx, `specforge …` from a PATH, else `node <entry> …`. Arguments are the user's, as typed.
 */
export function rerunCommand(invocation: Invocation = currentInvocation()): string {
  const fromScript = npmRun(invocation);
  if (fromScript !== undefined) return fromScript;
  const { env, argv, cwd } = invocation;
  const args = withoutCheck(argv.slice(2)).map(shellWord);
  const entry = argv[1] ?? "specforge";
  // A bin (npx's or one on the PATH) is named `specforge`; npm_command alone is inherited by whatever npx started.
  const bin = basename(entry) === "specforge";
  const command = bin ? (env.npm_command === "exec" ? "npx specforge" : "specforge") : `node ${shellWord(relative(cwd, entry) || entry)}`;
  return [command, ...args].join(" ");
}
