// Bundles the corpus runner and its worker into dist-corpus/, with a copy of templates/: the
// generator finds its templates upward from its module, so a campaign keeps the templates it
// started with while templates/ is being edited.
import { cpSync, rmSync } from "node:fs";
import { build } from "esbuild";

rmSync("dist-corpus", { recursive: true, force: true });
await build({
  entryPoints: ["test/corpus/run.ts", "test/corpus/worker.ts"],
  outdir: "dist-corpus",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
cpSync("templates", "dist-corpus/templates", { recursive: true });
