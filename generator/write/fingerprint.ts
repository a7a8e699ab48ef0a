import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { sha256 } from "../cache/run-cache.js";
import { isGeneratedFile, jsonHeader } from "../emit/header.js";
import type { RenderedFile } from "../emit/operations/render.js";

/**
 * What produced the output folder: the generator's and the spec's fingerprints, and each file's
 * hash. Committed with the output, so that `--check` on a fresh clone (CI) can see that the folder
 * is current without generating anything. `--check` does not compare this file itself: a stale
 * fingerprint (say, after a generator upgrade that changed no output) only costs a full run.
 */
export const FINGERPRINT_FILE = ".specforge/fingerprint.json";

export interface Inputs {
  generator: string;
  spec: string;
}

interface Fingerprint extends Inputs {
  files: Record<string, string>;
}

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function fingerprintFile(inputs: Inputs, files: RenderedFile[], specName: string): RenderedFile {
  const hashes = files.filter((f) => f.path !== FINGERPRINT_FILE).sort((a, b) => byPath(a.path, b.path));
  const fingerprint = { "//": jsonHeader(specName), ...inputs, files: Object.fromEntries(hashes.map((f) => [f.path, sha256(f.content)])) };
  return { path: FINGERPRINT_FILE, content: `${JSON.stringify(fingerprint, null, 2)}\n` };
}

/**
 * True when the folder's fingerprint names these inputs, every file it lists has the bytes
 * recorded, and no other generated file is there (one a full run would remove).
 */
export function outputCurrent(out: string, inputs: Inputs): boolean {
  let recorded: Fingerprint;
  try {
    recorded = JSON.parse(readFileSync(join(out, FINGERPRINT_FILE), "utf8")) as Fingerprint;
  } catch {
    return false;
  }
  if (recorded.generator !== inputs.generator || recorded.spec !== inputs.spec || typeof recorded.files !== "object") return false;
  for (const [path, hash] of Object.entries(recorded.files)) {
    const file = join(out, path);
    if (!existsSync(file) || sha256(readFileSync(file)) !== hash) return false;
  }
  const listed = new Set([...Object.keys(recorded.files), FINGERPRINT_FILE]);
  return readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(out, join(e.parentPath, e.name)).split(sep).join("/"))
    .every((path) => listed.has(path) || !isGeneratedFile(readFileSync(join(out, path), "utf8")));
}
