import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * What the last successful run for an output folder formatted, so the next run can skip prettier
 * for files and statements whose unformatted text is the same. Kept in node_modules/.cache/specforge,
 * the usual place for tool caches: never committed, and a missing or stale cache only costs time.
 */
export interface RunCache {
  generator: string;
  files: Record<string, { unformatted: string; formatted: string }>;
  /** Formatted statements of types.ts and guards.ts, by the hash of their unformatted text. */
  segments?: Record<string, string>;
}

export const sha256 = (text: string | Buffer): string => createHash("sha256").update(text).digest("hex");

const cacheFile = (out: string): string => join(process.cwd(), "node_modules", ".cache", "specforge", `${sha256(resolve(out)).slice(0, 16)}.json`);

/** The generator's own code (this bundle's folder) and templates: a new build invalidates every cache. */
export function generatorFingerprint(): string {
  const hash = createHash("sha256");
  const own = dirname(fileURLToPath(import.meta.url));
  const templates = join(own, "..", "templates");
  for (const dir of [own, templates]) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const file of files.map((e) => join(e.parentPath, e.name)).sort()) hash.update(file.slice(dir.length)).update(readFileSync(file));
  }
  return hash.digest("hex");
}

/** The spec's bytes; a folder or a file with refs to other files is read whole (every YAML/JSON file below it). */
export function specFingerprint(spec: string): string {
  const hash = createHash("sha256");
  const root = statSync(spec).isDirectory() ? spec : undefined;
  const text = root === undefined ? readFileSync(spec) : undefined;
  if (text && !/\$ref["']?\s*:\s*["']?(?!#)[^\s"']/.test(text.toString("utf8"))) return hash.update(text).digest("hex");
  const dir = root ?? dirname(spec);
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(ya?ml|json)$/i.test(e.name))) {
    const file = join(entry.parentPath, entry.name);
    hash.update(file.slice(dir.length)).update(readFileSync(file));
  }
  return hash.digest("hex");
}

export function readRunCache(out: string): RunCache | undefined {
  try {
    return JSON.parse(readFileSync(cacheFile(out), "utf8")) as RunCache;
  } catch {
    return undefined;
  }
}

export function writeRunCache(out: string, cache: RunCache): void {
  try {
    mkdirSync(dirname(cacheFile(out)), { recursive: true });
    writeFileSync(cacheFile(out), JSON.stringify(cache));
  } catch {
    // A cache that cannot be written (read-only checkout) only costs time next run.
  }
}
