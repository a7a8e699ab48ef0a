import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A result computed once and recorded as `<dir>/<key>.json`, for every test file and every later
 * run until its key changes (keys are content hashes, so a record is never stale). Test files run
 * in parallel processes: the first to need a record takes a lock (a folder: creating one is
 * atomic) and computes it; the others wait for the record rather than repeat the work. A lock
 * older than ten minutes is taken to be left by a killed process.
 */
export function recordedOnce<T>(dir: string, key: string, compute: () => T): T {
  const record = join(dir, `${key}.json`);
  const lock = `${record}.lock`;
  mkdirSync(dir, { recursive: true });
  for (const deadline = Date.now() + 600_000; ;) {
    const recorded = read<T>(record);
    if (recorded !== undefined) return recorded;
    if (tryLock(lock) || Date.now() > deadline) break;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  try {
    const value = compute();
    writeFileSync(`${record}.${process.pid}`, JSON.stringify(value));
    renameSync(`${record}.${process.pid}`, record);
    return value;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function read<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    try {
      if (Date.now() - statSync(lock).mtimeMs < 600_000) return false;
      rmSync(lock, { recursive: true, force: true });
      mkdirSync(lock);
      return true;
    } catch {
      return false;
    }
  }
}
