// Bundles the CLI into dist/ so `npm run generate` pays no TypeScript transpile per run. Code
// splitting keeps the heavy stages (TypeScript via ts-morph, prettier) in chunks that a
// `--check` with nothing to do never loads.
import { rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: ["generator/cli.ts"],
  outdir: "dist",
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
  chunkNames: "chunks/[name]-[hash]",
});
