import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { median, run } from "./measure.js";

const TSC = join(import.meta.dirname, "..", "node_modules", "typescript", "bin", "tsc");

/**
 * Strict, without skipLibCheck, with the DOM library a fetch client needs. Bundler resolution,
 * because hey-api's output imports without file extensions (ours compiles either way).
 */
const STRICT = {
  target: "ES2022",
  module: "ESNext",
  moduleResolution: "Bundler",
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: false,
  noEmit: true,
  types: [] as string[],
  lib: ["ES2023", "DOM"],
};

const tsFiles = (path: string): string[] =>
  path.endsWith(".ts")
    ? [path]
    : readdirSync(path, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && e.name.endsWith(".ts"))
        .map((e) => join(e.parentPath, e.name));

export interface Program {
  name: string;
  /** A folder of generated files, or one file. */
  path: string;
  /** hey-api's client does not compile under exactOptionalPropertyTypes; tsc still checks all of it. */
  errorsExpected?: boolean;
}

/** Median `tsc --noEmit` milliseconds of each program, the programs taking turns so that each sees the same machine load. */
export function typeCheckTimes(dir: string, programs: Program[], times: number): Record<string, number> {
  mkdirSync(dir, { recursive: true });
  for (const { name, path } of programs) {
    writeFileSync(
      join(dir, `${name}.json`),
      JSON.stringify({ compilerOptions: STRICT, files: tsFiles(path).map((f) => relative(dir, f)) }),
    );
  }
  const samples: Record<string, number[]> = {};
  for (let i = 0; i < times; i++) {
    for (const { name, errorsExpected } of programs) {
      (samples[name] ??= []).push(run(TSC, ["-p", join(dir, `${name}.json`)], { expectStatus: errorsExpected ? [0, 2] : [0] }).ms);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, ms]) => [name, median(ms)]));
}
