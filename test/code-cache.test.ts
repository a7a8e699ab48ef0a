import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildSync } from "esbuild";
import { describe, expect, it } from "vitest";
import { ROOT } from "./support/paths.js";

// Each load runs in a process of its own, as in the CLI: within one process V8 reuses what it
// compiled before and never looks at the cache.
const work = mkdtempSync(join(tmpdir(), "specforge-code-cache-"));
const loader = join(work, "code-cache.mjs");
buildSync({ entryPoints: [join(ROOT, "generator", "cache", "code-cache.ts")], bundle: true, platform: "node", format: "esm", outfile: loader, logLevel: "warning" });

/** Preloads `file` in a new Node process, then requires it: how it was loaded, and what require returned. */
function load(file: string): { how: string; exports: unknown } {
  const script = `
    import { createRequire } from "node:module";
    import { preloadWithCodeCache } from ${JSON.stringify(pathToFileURL(loader).href)};
    const how = preloadWithCodeCache(${JSON.stringify(file)});
    const loaded = createRequire(${JSON.stringify(file)})(${JSON.stringify(file)});
    console.log(JSON.stringify({ how, exports: { ...loaded, sum: loaded.sum?.(2, 3) } }));`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })) as { how: string; exports: unknown };
}

/** A CommonJS package in a fresh node_modules, as ts-morph's TypeScript bundle sits in one. */
function installedModule(): { file: string; cacheDir: string } {
  const root = mkdtempSync(join(work, "install-"));
  const dir = join(root, "node_modules", "demo");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "index.js");
  writeFileSync(file, 'exports.answer = 6 * 7;\nexports.sum = (a, b) => a + b;\nexports.name = require("node:path").basename(__filename);\n');
  return { file, cacheDir: join(root, "node_modules", ".cache", "specforge") };
}

describe("preloadWithCodeCache", () => {
  it("compiles and caches a module on the first load, loads it from the cache after, and require returns it", () => {
    const { file, cacheDir } = installedModule();
    const exports = { answer: 42, sum: 5, name: "index.js" };
    expect(load(file)).toEqual({ how: "compiled", exports });
    expect(readdirSync(cacheDir).filter((f) => f.startsWith("index.js-"))).toHaveLength(1);
    expect(load(file)).toEqual({ how: "cached", exports });
  });

  it("compiles as usual, and writes a new cache, when the cache does not fit", () => {
    const { file, cacheDir } = installedModule();
    load(file);
    writeFileSync(join(cacheDir, readdirSync(cacheDir)[0]!), "not V8 code");
    expect(load(file).how).toBe("compiled");
    expect(load(file).how).toBe("cached");
  });

  it("writes no cache for a file outside node_modules", () => {
    const dir = mkdtempSync(join(work, "loose-"));
    const file = join(dir, "loose.js");
    writeFileSync(file, "exports.ok = true;\n");
    expect(load(file)).toEqual({ how: "compiled", exports: { ok: true } });
    expect(load(file).how).toBe("compiled");
    expect(existsSync(join(dir, "node_modules"))).toBe(false);
  });
});
