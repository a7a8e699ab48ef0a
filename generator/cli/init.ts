import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { EXIT, folderLabel } from "./exit.js";
import { runGenerate } from "./generate.js";

export interface InitArgs {
  spec: string;
  out: string;
}

/**
 * One thing `init` sets up. Each step looks before it writes and never replaces what is there, so
 * init can be run again safely; it returns what it did (or found), in words for the user. A new
 * step (a config file, say) is one more entry in STEPS.
 */
interface InitStep {
  run(project: string, args: InitArgs): string;
}

/** The example spec shipped with the package (the seed: one ElevenLabs operation). */
function exampleSpec(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const spec = join(dir, "spec", "create-environment-variable.openapi.yaml");
    if (existsSync(spec)) return spec;
    if (dirname(dir) === dir) throw new Error("specforge: cannot find its example spec");
  }
}

const SPEC_FILE = /\.(ya?ml|json)$/i;

const specFolder: InitStep = {
  run(project, { spec }) {
    const dir = join(project, spec);
    if (existsSync(dir) && readdirSync(dir).some((name) => SPEC_FILE.test(name)))
      return `${folderLabel(spec)} holds a spec already; left as it is.`;
    mkdirSync(dir, { recursive: true });
    const example = exampleSpec();
    cpSync(example, join(dir, basename(example)));
    return `created ${folderLabel(spec)}${basename(example)}, an example: replace it with your API's OpenAPI document.`;
  },
};

/** The command the `generate` script runs: the defaults are left out, so the script reads as the docs do. */
const generateCommand = ({ spec, out }: InitArgs): string =>
  ["specforge generate", spec === "spec" ? "" : ` --spec ${spec}`, out === "generated" ? "" : ` --out ${out}`].join("");

const generateScript: InitStep = {
  run(project, args) {
    const file = join(project, "package.json");
    const text = existsSync(file) ? readFileSync(file, "utf8") : undefined;
    const manifest = (text === undefined ? { private: true } : JSON.parse(text)) as { scripts?: Record<string, string> };
    if (manifest.scripts?.generate !== undefined) return `package.json has a generate script already: ${manifest.scripts.generate}`;
    manifest.scripts = { ...manifest.scripts, generate: generateCommand(args) };
    // The file's own indentation is kept, so that the diff is the one added line.
    const indent = text?.match(/^[{[]\r?\n([ \t]+)/)?.[1] ?? "  ";
    writeFileSync(file, `${JSON.stringify(manifest, null, indent)}\n`);
    return `${text === undefined ? "created package.json with" : "added to package.json"} the script "generate": "${manifest.scripts.generate}".`;
  },
};

const STEPS: InitStep[] = [specFolder, generateScript];

/** `init`: sets up the current project (a spec, the generate script), then generates once. */
export async function runInit(args: InitArgs): Promise<number> {
  const project = process.cwd();
  for (const step of STEPS) process.stdout.write(`specforge: ${step.run(project, args)}\n`);
  const code = await runGenerate({
    spec: [args.spec],
    out: args.out,
    check: false,
    strict: false,
    importExtension: ".js",
    format: "text",
    failOn: undefined,
    keepUnusedSchemas: false,
  });
  if (code !== EXIT.ok) return code;
  process.stdout.write(
    [
      "",
      "Next:",
      `  - import the client from ./${folderLabel(args.out)}index.js (see ${folderLabel(args.out)}index.ts), and commit ${folderLabel(args.spec)} and ${folderLabel(args.out)}`,
      "  - after each change to the spec: npm run generate",
      "  - in CI, to catch output that was not regenerated: npm run generate -- --check",
      "",
    ].join("\n"),
  );
  return EXIT.ok;
}
