import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
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
 * named by the file's size and time and by V8's version; V8 itself rejects a cache that does not
 * fit, and then the file compiles as usual and a new cache is written. It holds compiled code
 * of the tool, nothing from a spec or an output.
 */
export function preloadWithCodeCache(file: string): "cached" | "compiled" {
  const stat = statSync(file);
  const modules = file.lastIndexOf(`${sep}node_modules${sep}`);
  const cacheFile =
    modules < 0
      ? undefined
      : join(file.slice(0, modules), "node_modules", ".cache", "specforge", `${basename(file)}-${stat.size}-${Math.trunc(stat.mtimeMs)}-v8-${process.versions.v8}.bin`);
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet: compiled as usual below, and cached for the next run.
  }
  const script = new Script(Module.wrap(readFileSync(file, "utf8")), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const require = createRequire(file);
  const loaded = new Module(file);
  loaded.filename = file;
  (script.runInThisContext() as (...args: unknown[]) => void).call(loaded.exports, loaded.exports, require, loaded, file, dirname(file));
  loaded.loaded = true;
  require.cache[file] = loaded;
  const fromCache = cachedData !== undefined && script.cachedDataRejected === false;
  if (cacheFile && !fromCache) {
    try {
      // Renamed into place, so that a concurrent run never reads half a cache.
      mkdirSync(dirname(cacheFile), { recursive: true });
      const partial = `${cacheFile}.${process.pid}`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile);
    } catch {
      // A read-only install only costs the compile time.
    }
  }
  return fromCache ? "cached" : "compiled";
}
