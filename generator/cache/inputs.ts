import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
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

const REF_TARGETS = /\$ref["']?\s*:\s*["']?([^\s"'#]*)/g;

/** Whether every `$ref` in `text` stays inside `dir` (local, or a relative file below it). */
function refsStayInside(text: string, file: string, dir: string): boolean {
  for (const [, target = ""] of text.matchAll(REF_TARGETS)) {
    if (!namesFile(target)) continue;
    if (target.includes("://") || isAbsolute(target)) return false;
    const path = relative(dir, resolve(dirname(file), decodeURIComponent(target)));
    if (path.startsWith("..") || isAbsolute(path)) return false;
  }
  return true;
}

/** A `$ref` target naming a file: not a local `#...` ref, nor a YAML block scalar indicator (the target is on the next line). */
const namesFile = (target: string): boolean => target !== "" && !target.startsWith(">") && !target.startsWith("|");

const refersToFiles = (text: string): boolean => [...text.matchAll(REF_TARGETS)].some(([, target = ""]) => namesFile(target));

/**
 * The spec: its bytes (not its name or place: the output does not depend on them), or for a
 * folder, the bytes of its spec and page files. When a file refers to other files, their names
 * matter and every such file of the folder is hashed with its path. Several inputs: each of them;
 * and the filters. Undefined when that would not cover it: a reference leaves the folder, or the
 * spec cannot be read. Then `--check` always generates.
 */
export function specFingerprint(specs: string | readonly string[], filters?: Filters): string | undefined {
  const list = typeof specs === "string" ? [specs] : specs;
  const parts = list.map(oneSpecFingerprint);
  if (parts.some((p) => p === undefined)) return undefined;
  // Filters change the output as much as the spec does.
  if (hasFilters(filters)) parts.push(JSON.stringify(filters));
  return parts.length === 1 ? parts[0] : createHash("sha256").update(parts.join("\0")).digest("hex");
}

const INPUT_FILE = /\.(ya?ml|json|md|markdown|mdx|txt)$/i;

function oneSpecFingerprint(spec: string): string | undefined {
  try {
    const hash = createHash("sha256");
    const folder = statSync(spec).isDirectory();
    const texts = (folder ? filesBelow(spec, (name) => INPUT_FILE.test(name)) : [spec]).map((file) => readFileSync(file, "utf8"));
    if (!texts.some(refersToFiles)) {
      // Sorted by content, so that renaming a file changes nothing.
      for (const text of texts.map((t) => createHash("sha256").update(t).digest("hex")).sort()) hash.update(text);
      return hash.digest("hex");
    }
    const dir = folder ? spec : dirname(spec);
    for (const file of filesBelow(dir, (name) => INPUT_FILE.test(name))) {
      const content = readFileSync(file, "utf8");
      if (!refsStayInside(content, file, dir)) return undefined;
      hash.update(relative(dir, file)).update("\0").update(content);
    }
    return hash.digest("hex");
  } catch {
    return undefined;
  }
}
