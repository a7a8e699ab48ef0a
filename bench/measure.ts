import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

export interface Sample {
  ms: number;
  rssMiB: number;
}

const HOOK = fileURLToPath(new URL("../bench/rss-hook.mjs", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "specforge-bench-rss-"));

/** One whole-process run of a Node script: wall time, and peak RSS as the process itself saw it. */
export function run(script: string, args: string[], options: { cwd?: string; expectStatus?: number[] } = {}): Sample {
  const rssFile = join(scratch, "rss");
  const start = performance.now();
  const result = spawnSync(process.execPath, ["--import", HOOK, script, ...args], {
    cwd: options.cwd,
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (!(options.expectStatus ?? [0]).includes(result.status ?? -1)) {
    throw new Error(`${script} ${args.join(" ")} exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
  }
  return { ms, rssMiB: Number(readFileSync(rssFile, "utf8")) / 1024 };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Runs `ours` and `peer` alternately, `times` pairs, so both see the same machine load. */
export function pairs(times: number, ours: () => Sample, peer: () => Sample): { ours: Sample[]; peer: Sample[]; ratios: number[] } {
  const result = { ours: [] as Sample[], peer: [] as Sample[], ratios: [] as number[] };
  for (let i = 0; i < times; i++) {
    const a = ours();
    const b = peer();
    result.ours.push(a);
    result.peer.push(b);
    result.ratios.push(a.ms / b.ms);
  }
  return result;
}
