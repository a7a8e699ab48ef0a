import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * What the last successful run for an output folder formatted, so the next run can skip prettier
 * for files and statements whose unformatted text is the same. Kept in node_modules/.cache/specforge,
 * the usual place for tool caches: never committed, and a missing or stale cache only costs time.
 */
export interface RunCache {
  generator: string;
  files: Record<string, { unformatted: string; formatted: string }>;
  /** Formatted statements of the files whose emitters mark statements, by the hash of their unformatted text. */
  segments?: Record<string, string>;
}

export const sha256 = (text: string | Buffer): string => createHash("sha256").update(text).digest("hex");

const cacheFile = (out: string): string =>
  join(process.cwd(), "node_modules", ".cache", "specforge", `${sha256(resolve(out)).slice(0, 16)}.json`);

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
