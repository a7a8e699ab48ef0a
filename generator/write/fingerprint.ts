import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { sha256, type SpecInputs } from "../cache/inputs.js";
import { isGeneratedFile, JSON_HEADER } from "../emit/header.js";
import { renderAll, type Reuse } from "../emit/reuse.js";
import type { RenderedFile } from "../files.js";
import { readSourceText, type Part } from "../load/source.js";

/**
 * What produced the output folder: fingerprints of the generator and the spec with the parts it
 * read (cache/inputs.ts), how many warnings the run gave, each file's hash, and the digest of the
 * view each rendered file came from (emit/reuse.ts), sealed by a digest of all of them (so a
 * line-by-line merge of two versions is not taken for either). Committed with the output, so that
 * `--check` on a fresh clone (CI) can see that the folder is current without generating anything.
 * `--check` does not compare this file itself: a stale fingerprint (say, after a generator upgrade
 * that changed no output) only costs a full run.
 */
export const FINGERPRINT_FILE = ".specforge/fingerprint.json";

export interface Inputs extends SpecInputs {
  generator: string;
}

interface Sealed extends Inputs {
  warnings: number;
  files: Record<string, string>;
  /** The digest of the view each template-rendered file was rendered from (emit/reuse.ts). */
  views?: Record<string, string>;
}

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const digest = ({ generator, spec, parts, warnings, files, views }: Sealed): string =>
  sha256(
    JSON.stringify([
      generator,
      spec,
      ...(parts ? [parts] : []),
      warnings,
      Object.entries(files),
      ...(views ? [Object.entries(views)] : []),
    ]),
  );

export function fingerprintFile(inputs: Inputs, warnings: number, files: RenderedFile[]): RenderedFile {
  const listed = files.filter((f) => f.path !== FINGERPRINT_FILE).sort((a, b) => byPath(a.path, b.path));
  const rendered = listed.filter((f) => f.view !== undefined);
  const sealed: Sealed = {
    ...inputs,
    warnings,
    files: Object.fromEntries(listed.map((f) => [f.path, sha256(f.content)])),
    ...(rendered.length > 0 ? { views: Object.fromEntries(rendered.map((f) => [f.path, f.view!])) } : {}),
  };
  const fingerprint = {
    "//": JSON_HEADER,
    generator: sealed.generator,
    spec: sealed.spec,
    ...(sealed.parts ? { parts: sealed.parts } : {}),
    warnings,
    digest: digest(sealed),
    files: sealed.files,
    ...(sealed.views ? { views: sealed.views } : {}),
  };
  return { path: FINGERPRINT_FILE, content: `${JSON.stringify(fingerprint, null, 2)}\n` };
}

/** The folder's fingerprint, when it is intact (its digest seals what it lists). */
function readFingerprint(out: string): (Sealed & { digest: string }) | undefined {
  try {
    const recorded = JSON.parse(readFileSync(join(out, FINGERPRINT_FILE), "utf8")) as Sealed & { digest: string };
    const hashes = [...Object.values(recorded.files ?? {}), ...Object.values(recorded.views ?? {})];
    return hashes.every((hash) => typeof hash === "string") && recorded.digest === digest(recorded) ? recorded : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The files of the folder that the last run, by this generator, rendered from views (emit/reuse.ts),
 * offered back when the view is the same and the file still has the bytes that run wrote. With
 * no intact fingerprint by this generator, nothing is offered.
 */
export function recordedRenders(out: string, generator: string): Reuse {
  const recorded = readFingerprint(out);
  if (recorded?.generator !== generator || !recorded.views) return renderAll;
  const { views, files } = recorded;
  return (path, view) => {
    if (views[path] !== view || files[path] === undefined) return undefined;
    try {
      const content = readFileSync(join(out, path), "utf8");
      return sha256(content) === files[path] ? content : undefined;
    } catch {
      return undefined;
    }
  };
}

/**
 * True when the folder's fingerprint is intact, names these inputs and a run without warnings
 * (a run with warnings is repeated, so that they are printed and `--strict` sees them), every file
 * it lists has the bytes recorded, and no other generated file is there (one a full run would
 * remove). Anything unexpected, such as a hand-edited fingerprint, means no.
 */
export function outputCurrent(out: string, inputs: Inputs): boolean {
  const recorded = readFingerprint(out);
  if (recorded?.generator !== inputs.generator || recorded.spec !== inputs.spec || recorded.warnings !== 0) return false;
  if (JSON.stringify(recorded.parts ?? []) !== JSON.stringify(inputs.parts ?? [])) return false;
  try {
    const files = Object.entries(recorded.files);
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

/**
 * The parts (files a spec's refs named) the folder's fingerprint records, read as the loader reads
 * them; undefined without an intact fingerprint, or when one is no longer a readable file.
 */
export function recordedParts(out: string): Part[] | undefined {
  const parts = readFingerprint(out)?.parts ?? [];
  try {
    return parts.map((path) => {
      const file = resolve(out, path);
      // Only files: a path edited to name a device must not be read.
      if (!statSync(file).isFile()) throw new Error(`${file} is not a file`);
      return { file, text: readSourceText(file) };
    });
  } catch {
    return undefined;
  }
}
