import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { hasFilters, type Filters } from "../load/filter.js";
import type { Part } from "../load/source.js";
import type { Naming } from "../public.js";

/**
 * Fingerprints of what a generation depends on. They let `--check` answer from the output's
 * recorded fingerprint, and the run cache tell stale entries, so each must change whenever the
 * output could: a missed input would let `--check` pass over drift.
 */

export const sha256 = (text: string | Buffer): string => createHash("sha256").update(text).digest("hex");

/** The folder holding this package's package.json, found upward from this module (source or dist/ bundle). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("specforge: cannot find its package.json");
    dir = parent;
  }
  return dir;
}

/** Files below `dir`, sorted, leaving out node_modules and dot-folders (such as an output's .specforge). */
const filesBelow = (dir: string, keep: (name: string) => boolean): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && keep(e.name))
        .map((e) => join(e.parentPath, e.name))
        .filter(
          (file) =>
            !relative(dir, file)
              .split(sep)
              .some((part) => part === "node_modules" || part.startsWith(".")),
        )
        .sort()
    : [];

/** The version of an installed package, from the package.json above its entry point. */
function installedVersion(name: string, from: string): string {
  let dir = dirname(createRequire(join(from, "package.json")).resolve(name));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const { name: found, version } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
      if (found === name) return version ?? "";
    }
    const parent = dirname(dir);
    if (parent === dir) return "";
    dir = parent;
  }
}

/**
 * The generator: the code that runs (the dist/ bundle, or generator/ when run from source), the
 * templates, and the installed version of every runtime dependency (prettier's layout, for one).
 */
export function generatorFingerprint(): string {
  const root = packageRoot();
  const code = join(root, relative(root, dirname(fileURLToPath(import.meta.url))).split(sep)[0]!);
  const hash = createHash("sha256");
  for (const dir of [code, join(root, "templates")]) {
    for (const file of filesBelow(dir, (name) => !name.endsWith(".map")))
      hash.update(relative(root, file)).update("\0").update(readFileSync(file));
  }
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  for (const name of Object.keys(dependencies).sort()) hash.update(`${name}@${installedVersion(name, root)}\0`);
  return hash.digest("hex");
}

/**
 * The generator with the options that shape its output: what a fingerprint's `generator` records.
 * A config's naming hooks shape it too, by their source text (what a hook reads from elsewhere,
 * such as a constant of the config, is not seen).
 */
export const generatorKey = (generator: string, emit: object, naming?: Naming): string =>
  sha256(`${generator}\0${JSON.stringify(emit)}${naming ? `\0${String(naming.type)}\0${String(naming.operation)}` : ""}`);

/** What a fingerprint records of the spec: a digest of its inputs, and the parts they referenced (relative to the output folder). */
export interface SpecInputs {
  spec: string;
  parts?: string[];
}

const INPUT_FILE = /\.(ya?ml|json|md|markdown|mdx|txt)$/i;
const posix = (path: string): string => path.split(sep).join("/");

/**
 * The `--spec` inputs as a run is about to read them: each by its place (relative to the output
 * folder: the parts its refs name are found from there, and merged inputs are named by it) and its
 * bytes, for a folder every spec and page file below it by name and bytes. Taken before the run,
 * so that an edit saved during it shows as drift next time. Undefined when one cannot be read.
 */
export function specDigest(specs: readonly string[], out: string): string | undefined {
  try {
    const hash = createHash("sha256");
    for (const spec of specs) {
      hash.update(posix(relative(out, resolve(spec)))).update("\0");
      const files = statSync(spec).isDirectory() ? filesBelow(spec, (name) => INPUT_FILE.test(name)) : [spec];
      for (const file of files)
        hash
          .update(posix(relative(spec, file)))
          .update("\0")
          .update(sha256(readFileSync(file)))
          .update("\0");
    }
    return hash.digest("hex");
  } catch {
    return undefined;
  }
}

/**
 * The spec's fingerprint: the inputs' digest (`specDigest`), the filters, and the parts (the files
 * the loader read because refs named them, with the text it read), each by its path from the
 * output folder and its text. They are exactly what the run read, not a guess from the spec's
 * text, so a `$ref` that is data (a schema property named `$ref`) costs nothing. Inputs with the
 * same bytes in the same place read the same parts, and parts with the same text name the same
 * further parts: these cover everything the run read.
 */
export function specInputs(digest: string, filters: Filters | undefined, parts: readonly Part[], out: string): SpecInputs {
  const hash = createHash("sha256").update(digest);
  // Filters change the output as much as the spec does.
  if (hasFilters(filters)) hash.update("\0").update(JSON.stringify(filters));
  const named = new Map(parts.map((part) => [posix(relative(out, part.file)), part.text]));
  const paths = [...named.keys()].sort();
  for (const path of paths)
    hash
      .update("\0")
      .update(path)
      .update("\0")
      .update(sha256(named.get(path)!));
  return paths.length > 0 ? { spec: hash.digest("hex"), parts: paths } : { spec: hash.digest("hex") };
}

/** The parts the documents' refs named, each once. */
export const partsRead = (documents: readonly { parts?: Part[] }[]): Part[] => [
  ...new Map(documents.flatMap((d) => d.parts ?? []).map((part) => [part.file, part])).values(),
];
