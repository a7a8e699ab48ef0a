// Bundles the CLI into dist/cli.js so `npm run generate` pays no TypeScript transpile per run.
import { build } from "esbuild";

await build({
  entryPoints: ["generator/cli.ts"],
  outfile: "dist/cli.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
});
