import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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
buildSync({
  entryPoints: [join(ROOT, "generator", "cache", "code-cache.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: loader,
  logLevel: "warning",
});

/** Preloads `file` in a new Node process, then requires it: how it was loaded, and what require returned. */
function load(file: string): { how: string; again: string; evaluations: number; exports: unknown } {
  const script = `
    import { createRequire } from "node:module";
    import { preloadWithCodeCache } from ${JSON.stringify(pathToFileURL(loader).href)};
    const how = preloadWithCodeCache(${JSON.stringify(file)});
    const loaded = createRequire(${JSON.stringify(file)})(${JSON.stringify(file)});
    console.log(JSON.stringify({ how, again: preloadWithCodeCache(${JSON.stringify(file)}), evaluations: globalThis.evaluations, exports: { ...loaded, sum: loaded.sum?.(2, 3) } }));`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })) as ReturnType<typeof load>;
}

/** A CommonJS package in a fresh node_modules, as ts-morph's TypeScript bundle sits in one. */
function installedModule(): { file: string; cacheDir: string } {
  const root = mkdtempSync(join(work, "install-"));
  const dir = join(root, "node_modules", "demo");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "index.js");
  writeFileSync(
    file,
    'globalThis.evaluations = (globalThis.evaluations ?? 0) + 1;\nexports.answer = 6 * 7;\nexports.sum = (a, b) => a + b;\nexports.name = require("node:path").basename(__filename);\n',
  );
  return { file, cacheDir: join(root, "node_modules", ".cache", "specforge") };
}

describe("preloadWithCodeCache", () => {
  it("compiles and caches a module on the first load, loads it from the cache after, and require returns that module", () => {
    const { file, cacheDir } = installedModule();
    // Evaluated once: require and a second preload get the registered module.
    const exports = { answer: 42, sum: 5, name: "index.js" };
    expect(load(file)).toEqual({ how: "compiled", again: "loaded", evaluations: 1, exports });
    expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^index\.js-code-cache-.*\.bin$/)]);
    expect(load(file)).toEqual({ how: "cached", again: "loaded", evaluations: 1, exports });
  });

  it("keeps one cache per file: a replaced file gets a new one and the old one is deleted", () => {
    const { file, cacheDir } = installedModule();
    load(file);
    const [before] = readdirSync(cacheDir);
    // Same length, so V8 alone would take the old cache for it.
    writeFileSync(file, readFileSync(file, "utf8").replace("6 * 7", "7 * 7"));
    expect(load(file)).toMatchObject({ how: "compiled", exports: { answer: 49 } });
    expect(readdirSync(cacheDir)).toEqual([expect.not.stringMatching(before!)]);
    expect(load(file)).toMatchObject({ how: "cached", exports: { answer: 49 } });
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
    expect(load(file)).toMatchObject({ how: "compiled", again: "loaded", exports: { ok: true } });
    expect(load(file).how).toBe("compiled");
    expect(existsSync(join(dir, "node_modules"))).toBe(false);
  });
});
