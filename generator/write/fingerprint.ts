import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { sha256 } from "../cache/inputs.js";
import { isGeneratedFile, JSON_HEADER } from "../emit/header.js";
import type { RenderedFile } from "../files.js";

/**
 * What produced the output folder: fingerprints of the generator and the spec (cache/inputs.ts),
 * how many warnings the run gave, and each file's hash, sealed by a digest of all of them (so a
 * line-by-line merge of two versions is not taken for either). Committed with the output, so that
 * `--check` on a fresh clone (CI) can see that the folder is current without generating anything.
 * `--check` does not compare this file itself: a stale fingerprint (say, after a generator upgrade
 * that changed no output) only costs a full run.
 */
export const FINGERPRINT_FILE = ".specforge/fingerprint.json";

export interface Inputs {
  generator: string;
  spec: string;
}

interface Sealed extends Inputs {
  warnings: number;
  files: Record<string, string>;
}

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const digest = ({ generator, spec, warnings, files }: Sealed): string =>
  sha256(JSON.stringify([generator, spec, warnings, Object.entries(files)]));

export function fingerprintFile(inputs: Inputs, warnings: number, files: RenderedFile[]): RenderedFile {
  const listed = files.filter((f) => f.path !== FINGERPRINT_FILE).sort((a, b) => byPath(a.path, b.path));
  const sealed: Sealed = { ...inputs, warnings, files: Object.fromEntries(listed.map((f) => [f.path, sha256(f.content)])) };
  const fingerprint = {
    "//": JSON_HEADER,
    generator: sealed.generator,
    spec: sealed.spec,
    warnings,
    digest: digest(sealed),
    files: sealed.files,
  };
  return { path: FINGERPRINT_FILE, content: `${JSON.stringify(fingerprint, null, 2)}\n` };
}

/**
 * True when the folder's fingerprint is intact, names these inputs and a run without warnings
 * (a run with warnings is repeated, so that they are printed and `--strict` sees them), every file
 * it lists has the bytes recorded, and no other generated file is there (one a full run would
 * remove). Anything unexpected, such as a hand-edited fingerprint, means no.
 */
export function outputCurrent(out: string, inputs: Inputs): boolean {
  try {
    const recorded = JSON.parse(readFileSync(join(out, FINGERPRINT_FILE), "utf8")) as Sealed & { digest: string };
    const files = Object.entries(recorded.files ?? {});
    if (recorded.generator !== inputs.generator || recorded.spec !== inputs.spec || recorded.warnings !== 0) return false;
    if (!files.every(([path, hash]) => typeof hash === "string") || recorded.digest !== digest(recorded)) return false;
    for (const [path, hash] of files) {
      const file = join(out, path);
      if (!existsSync(file) || !statSync(file).isFile() || sha256(readFileSync(file)) !== hash) return false;
    }
    const listed = new Set([...files.map(([path]) => path), FINGERPRINT_FILE]);
    return readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(out, join(e.parentPath, e.name)).split(sep).join("/"))
      .every((path) => listed.has(path) || !isGeneratedFile(readFileSync(join(out, path), "utf8")));
  } catch {
    return false;
  }
}
