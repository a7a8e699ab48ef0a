// Bundles the CLI into dist/ so `npm run generate` pays no TypeScript transpile per run. Code
// splitting keeps the stages in chunks that a `--check` with nothing to do never loads.
//
// The bundle is a function of its inputs, so a build whose inputs and output are both as the
// last build recorded them (dist/.build.json) is skipped: `npm test` and every `npm run generate`
// build first, and most of them have nothing to build. `--force` builds regardless.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const RECORD = join("dist", ".build.json");

/** A digest of the named files and of every file below the named folders (dot-files left out), by path and content. */
function digest(paths) {
  const hash = createHash("sha256");
  const files = paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && !e.name.startsWith("."))
          .map((e) => join(e.parentPath, e.name))
      : [path],
  );
  for (const file of files.sort()) hash.update(file).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

// What esbuild (and TypeScript, for the declaration file) reads: the sources, the compiler options it honours, the package type, and itself.
const inputs = () =>
  digest([
    "generator",
    "templates",
    "tsconfig.json",
    "package.json",
    "node_modules/esbuild/package.json",
    "node_modules/typescript/package.json",
    "node_modules/handlebars/package.json",
  ]);

// generator/emit/precompiled.ts in dist/: each template precompiled, with the options emit/templates.ts compiles with.
const precompiledTemplates = {
  name: "precompiled-templates",
  setup(build) {
    build.onLoad({ filter: /[\\/]generator[\\/]emit[\\/]precompiled\.ts$/ }, async () => {
      const { default: Handlebars } = await import("handlebars");
      const specs = readdirSync("templates")
        .filter((name) => name.endsWith(".ts.hbs"))
        .sort()
        .map((name) => {
          const source = readFileSync(join("templates", name), "utf8").replace(/\r\n?/g, "\n");
          return `  ${JSON.stringify(name.slice(0, -".ts.hbs".length))}: ${Handlebars.precompile(source, { noEscape: true, strict: true })}`;
        });
      return { contents: `export const PRECOMPILED = {\n${specs.join(",\n")}\n};\n`, loader: "js" };
    });
  },
};

const recorded = existsSync(RECORD) ? JSON.parse(readFileSync(RECORD, "utf8")) : {};
const current = inputs();
if (process.argv.includes("--force") || recorded.inputs !== current || recorded.output !== digest(["dist"])) {
  const { build } = await import("esbuild");
  rmSync("dist", { recursive: true, force: true });
  await build({
    // The CLI, and what a project's specforge.config.ts imports (`defineConfig` and the config's types).
    entryPoints: { cli: "generator/bin.ts", public: "generator/public.ts" },
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
    plugins: [precompiledTemplates],
  });
  // The declaration file of the public module, so that `import { defineConfig } from "specforge"` is typed.
  const ts = (await import("typescript")).default;
  const emitted = ts
    .createProgram(["generator/public.ts"], {
      declaration: true,
      emitDeclarationOnly: true,
      outDir: "dist",
      strict: true,
      target: ts.ScriptTarget.ES2022,
    })
    .emit();
  if (emitted.emitSkipped) throw new Error("specforge build: dist/public.d.ts was not emitted");
  writeFileSync(RECORD, JSON.stringify({ inputs: current, output: digest(["dist"]) }) + "\n");
}
