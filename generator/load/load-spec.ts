import { closeSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { readSpec, type SpecSource } from "./source.js";

const SPEC_FILE = /\.(ya?ml|json)$/i;
const ROOT_KEY = /^\s*["']?(openapi|swagger)["']?\s*:/m;

/**
 * `--spec` names a file, or a folder holding exactly one root document (a file with a top-level
 * `openapi` or `swagger` key); other files in the folder may be parts it references.
 */
export function loadSpec(path: string, diagnostics: Diagnostic[]): SpecSource | undefined {
  let file = path;
  try {
    if (statSync(path).isDirectory()) {
      const found = findRootDocument(path, diagnostics);
      if (found === undefined) return undefined;
      file = found;
    }
  } catch {
    diagnostics.push({
      code: "E_SPEC_NOT_FOUND",
      severity: "error",
      message: `No spec file or folder at ${path}.`,
      hint: "Pass --spec <file|folder>; the default is spec/.",
      file: path,
      pointer: "",
    });
    return undefined;
  }
  return readSpec(file, diagnostics);
}

function findRootDocument(dir: string, diagnostics: Diagnostic[]): string | undefined {
  const candidates = readdirSync(dir)
    .filter((name) => SPEC_FILE.test(name))
    .sort()
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile() && ROOT_KEY.test(readHead(file)));
  if (candidates.length === 1) return candidates[0];
  diagnostics.push({
    code: candidates.length === 0 ? "E_SPEC_NOT_FOUND" : "E_SPEC_AMBIGUOUS",
    severity: "error",
    message:
      candidates.length === 0
        ? `No OpenAPI document (a .yaml, .yml or .json file with a top-level "openapi" key) in ${dir}.`
        : `Several OpenAPI documents in ${dir}: ${candidates.join(", ")}.`,
    hint: "Pass the root document itself: --spec <file>.",
    file: dir,
    pointer: "",
  });
  return undefined;
}

/** The first 64 KiB are enough to find a top-level `openapi` key without reading a large file twice. */
function readHead(file: string): string {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.toString("utf8", 0, read);
  } finally {
    closeSync(fd);
  }
}
