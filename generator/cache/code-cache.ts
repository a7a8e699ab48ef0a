import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { Module, createRequire } from "node:module";
import { basename, dirname, join, sep } from "node:path";
import { Script } from "node:vm";

/**
 * Loads a large CommonJS file compiled from V8's code cache, and registers it with require so
 * that the packages requiring it get this copy. TypeScript (8.7 MB, loaded for ts-morph) takes
 * about 130 ms to compile on every run and 25 ms from the cache. Node 22 caches every module
 * (module.enableCompileCache); Node 20 has no such switch, and v8-compile-cache names its cache
 * after the working directory when the entry point is an ES module, so every project folder
 * would compile afresh. The cache sits with the installed package, in node_modules/.cache/specforge,
 * and holds compiled code of the tool, nothing from a spec or an output.
 *
 * V8 checks a cache against its own version and flags and the source's length only, not its
 * text, so the cache's name carries the file's size, times and inode: a file that is replaced
 * (a package upgrade) gets a cache of its own, and the old one is deleted.
 */
export function preloadWithCodeCache(file: string): "cached" | "compiled" | "loaded" {
  const require = createRequire(file);
  if (require.cache[file]) return "loaded";
  const stat = statSync(file);
  const modules = file.lastIndexOf(`${sep}node_modules${sep}`);
  const cacheDir = modules < 0 ? undefined : join(file.slice(0, modules), "node_modules", ".cache", "specforge");
  const prefix = `${basename(file)}-code-cache-`;
  const cacheName = `${prefix}${stat.size}-${Math.trunc(stat.mtimeMs)}-${Math.trunc(stat.ctimeMs)}-${stat.ino}-v8-${process.versions.v8}.bin`;
  let cachedData: Buffer | undefined;
  try {
    if (cacheDir) cachedData = readFileSync(join(cacheDir, cacheName));
  } catch {
    // No cache yet: compiled as usual below, and cached for the next run.
  }
  const script = new Script(Module.wrap(readFileSync(file, "utf8")), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const loaded = new Module(file);
  loaded.filename = file;
  // The folders a bare `require` from this file searches, as Node sets them on a module it loads.
  loaded.paths = require.resolve.paths("a-package") ?? [];
  (script.runInThisContext() as (...args: unknown[]) => void).call(loaded.exports, loaded.exports, require, loaded, file, dirname(file));
  loaded.loaded = true;
  require.cache[file] = loaded;
  const fromCache = cachedData !== undefined && script.cachedDataRejected === false;
  if (cacheDir && !fromCache) writeCache(cacheDir, prefix, cacheName, script.createCachedData());
  return fromCache ? "cached" : "compiled";
}

/** Renamed into place, so that a concurrent run never reads half a cache; older caches of the file are deleted. */
function writeCache(dir: string, prefix: string, name: string, data: Buffer): void {
  const partial = join(dir, `${name}.${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(partial, data);
    renameSync(partial, join(dir, name));
    for (const old of readdirSync(dir))
      if (old.startsWith(prefix) && old !== name && old.endsWith(".bin")) rmSync(join(dir, old), { force: true });
  } catch {
    // A read-only install or a full disk only costs the compile time.
    rmSync(partial, { force: true });
  }
}
