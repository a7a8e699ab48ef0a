import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Sample } from "./measure.js";

/**
 * `generate --watch` after a one-schema edit: the time from the start of the spec's save to the
 * line the watcher prints once the changed files are written, as a developer sees it (file-system
 * events and the watcher's settle time included). Each edit gives one schema a new property in
 * place of the last one's; after each, `peer` runs once (openapi-typescript, cold, on the same
 * spec), so both see the same machine load. RSS is the watching process's, read after each edit.
 */
export async function watchEditTimes(
  cli: string,
  specSource: string,
  dir: string,
  times: number,
  peer: (spec: string) => Sample,
): Promise<{ ours: Sample[]; peer: Sample[]; ratios: number[] }> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "openapi.json");
  const spec = JSON.parse(readFileSync(specSource, "utf8")) as {
    components: { schemas: Record<string, { properties: Record<string, unknown> }> };
  };
  writeFileSync(file, JSON.stringify(spec));
  const child = spawn(process.execPath, [cli, "generate", "--watch", "--spec", file, "--out", join(dir, "out")], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let waiting: { count: number; resolve: () => void } | undefined;
  const written = (): number => stdout.match(/types\.ts/g)?.length ?? 0;
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (waiting && written() >= waiting.count) waiting.resolve();
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const until = (test: () => boolean): Promise<void> =>
    new Promise((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`bench: --watch did not answer:\n${stdout}\n${stderr}`)), 120_000);
      const check = setInterval(() => {
        if (test()) {
          clearInterval(check);
          clearTimeout(timeout);
          resolve();
        }
      }, 1);
    });
  const result = { ours: [] as Sample[], peer: [] as Sample[], ratios: [] as number[] };
  try {
    await until(() => stdout.includes("watching 1 API"));
    const properties = spec.components.schemas.AddProjectResponseModel!.properties;
    for (let i = 0; i < times; i++) {
      delete properties[`watch_${i}`];
      properties[`watch_${i + 1}`] = { type: "string", description: "Added by the benchmark." };
      const text = JSON.stringify(spec);
      const count = written() + 1;
      const start = performance.now();
      const done = new Promise<void>((resolve) => (waiting = { count, resolve }));
      writeFileSync(file, text);
      await done;
      const ms = performance.now() - start;
      const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0);
      const ours = { ms, rssMiB: rssKiB / 1024 };
      const theirs = peer(file);
      result.ours.push(ours);
      result.peer.push(theirs);
      result.ratios.push(ours.ms / theirs.ms);
    }
  } finally {
    child.kill("SIGINT");
  }
  return result;
}
