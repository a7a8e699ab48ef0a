import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { buildSync } from "esbuild";

/** Gzipped bytes of an esbuild-minified browser app that calls one generated operation. */
export function bundleSize(dir: string, generated: string, operation: string, params: string): number {
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, "app.ts");
  const from = relative(dir, join(generated, "index.js")).replace(/^(?!\.)/, "./");
  writeFileSync(entry, `import { ${operation} } from ${JSON.stringify(from)};\nconsole.log(await ${operation}(${params} as never));\n`);
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}
