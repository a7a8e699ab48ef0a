import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { hasFilters, type Filters } from "../load/filter.js";

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

/** The generator with the options that shape its output: what a fingerprint's `generator` records. */
export const generatorKey = (generator: string, emit: object): string => sha256(`${generator}\0${JSON.stringify(emit)}`);

/** What a fingerprint records of the spec: a digest of its inputs, and the parts they referenced (relative to the output folder). */
export interface SpecInputs {
  spec: string;
  parts?: string[];
}

/**
 * The spec: its bytes (not its name or place: the output does not depend on them), or for a
 * folder, the bytes of its spec and page files; several inputs, each of them; the filters; and
 * `parts`, the files the run read beyond those (what `$ref`s named), each by its path and bytes:
 * moving a part changes the refs to it, which the spec's bytes cover. The parts are exactly the
 * files the loader read (SpecSource.files), not a guess from the text, so a `$ref` that is data
 * (a property named `$ref`, an example) costs nothing. A spec whose bytes are the same reads the
 * same parts, and a part whose bytes are the same references the same further parts, so these
 * cover everything the run read. Undefined when a file cannot be read: then `--check` generates.
 */
export function specInputs(
  specs: readonly string[],
  filters: Filters | undefined,
  parts: readonly string[],
  out: string,
): SpecInputs | undefined {
  try {
    const hash = createHash("sha256");
    for (const spec of specs) hash.update(oneSpecDigest(spec)).update("\0");
    // Filters change the output as much as the spec does.
    if (hasFilters(filters)) hash.update(JSON.stringify(filters));
    const named = [...new Set(parts.map((part) => relative(out, part).split(sep).join("/")))].sort();
    for (const part of named)
      hash
        .update("\0")
        .update(part)
        .update("\0")
        .update(readFileSync(join(out, part)));
    return named.length > 0 ? { spec: hash.digest("hex"), parts: named } : { spec: hash.digest("hex") };
  } catch {
    return undefined;
  }
}

const INPUT_FILE = /\.(ya?ml|json|md|markdown|mdx|txt)$/i;

/** One `--spec`'s bytes, sorted by content for a folder, so that renaming a file changes nothing (refs to it are parts, by path). */
function oneSpecDigest(spec: string): string {
  const folder = statSync(spec).isDirectory();
  const texts = (folder ? filesBelow(spec, (name) => INPUT_FILE.test(name)) : [spec]).map((file) => sha256(readFileSync(file)));
  return sha256(texts.sort().join(""));
}

/** The files the documents were read from beyond their own (the parts their refs named), resolved, each once. */
export const partsRead = (documents: readonly { file: string; files?: string[] }[]): string[] => {
  const roots = new Set(documents.map((d) => resolve(d.file)));
  return [...new Set(documents.flatMap((d) => d.files ?? []).map((file) => resolve(file)))].filter((file) => !roots.has(file)).sort();
};
