import { editDistance } from "../on-demand.js";

/** Flags every command has. */
const COMMON = ["help", "version"];

/** The known word closest to `word`, if it is close enough to be a typo (two edits, such as swapped letters, or one in three letters). */
function closest(word: string, known: readonly string[]): string | undefined {
  const { distance } = editDistance();
  let best: { word: string; distance: number } | undefined;
  for (const candidate of known) {
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (!best || d < best.distance) best = { word: candidate, distance: d };
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 3)) && best.distance < word.length ? best.word : undefined;
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * One message for what yargs found wrong with the command line: an unknown flag gets the closest
 * flag of its command ("Unknown option: --sepc. Did you mean --spec?"), an unknown command the
 * closest command. yargs' own command suggestion does not apply: generate is also the default
 * command, which takes the mistyped word for an unknown argument.
 */
export function usageMessage(messages: readonly string[], argv: readonly string[], flags: Record<string, string[]>): string {
  const command = argv[0] !== undefined && argv[0] in flags ? argv[0] : undefined;
  const unknown = messages.map((m) => /^Unknown arguments?: (.*)$/.exec(m)?.[1]).find((list) => list !== undefined);
  if (unknown === undefined) return messages.filter((m) => !m.startsWith("Did you mean ")).join("\n");
  const lines: string[] = [];
  // yargs lists a kebab-case flag twice, the second time in camelCase.
  for (const word of new Set(unknown.split(", ").map(kebab))) {
    const flag = argv.find((a) => a.startsWith("-") && kebab(a.replace(/^-+/, "").split("=")[0]!) === word);
    if (flag === undefined) {
      // A positional word: a mistyped command (the default command, generate, takes none).
      const match = closest(word, Object.keys(flags));
      lines.push(`Unknown command: ${word}.${match ? ` Did you mean ${match}?` : ""}`);
      continue;
    }
    const known = [...(flags[command ?? "generate"] ?? []), ...COMMON];
    const match = closest(kebab(word), known);
    lines.push(`Unknown option: ${flag.split("=")[0]}.${match ? ` Did you mean --${match}?` : ""}`);
  }
  return lines.join("\n");
}
