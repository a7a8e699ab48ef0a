import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/**
 * What the last successful run for an output folder formatted, so the next run can skip prettier
 * for files and statements whose unformatted text is the same. Kept in node_modules/.cache/specforge
 * of the project that holds the output folder (the nearest node_modules above it), the usual place
 * for tool caches: never committed, and a missing or stale cache only costs time. The current
 * folder plays no part, and without a node_modules there is no cache: a run writes nothing but
 * its output.
 */
export interface RunCache {
  generator: string;
  files: Record<string, { unformatted: string; formatted: string }>;
  /** Formatted statements of the files whose emitters mark statements, by the hash of their unformatted text. */
  segments?: Record<string, string>;
}

export const sha256 = (text: string | Buffer): string => createHash("sha256").update(text).digest("hex");

/** The nearest node_modules/ at or above the output folder, which need not exist yet. */
function projectModules(out: string): string | undefined {
  for (let dir = resolve(out); ; dir = dirname(dir)) {
    const modules = join(dir, "node_modules");
    if (existsSync(modules) && statSync(modules).isDirectory()) return modules;
    if (dirname(dir) === dir) return undefined;
  }
}

const cacheFile = (out: string): string | undefined => {
  const modules = projectModules(out);
  return modules && join(modules, ".cache", "specforge", `${sha256(resolve(out)).slice(0, 16)}.json`);
};

export function readRunCache(out: string): RunCache | undefined {
  const file = cacheFile(out);
  if (!file) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as RunCache;
  } catch {
    return undefined;
  }
}

export function writeRunCache(out: string, cache: RunCache): void {
  const file = cacheFile(out);
  if (!file) return;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(cache));
  } catch {
    // A cache that cannot be written (read-only checkout) only costs time next run.
  }
}
