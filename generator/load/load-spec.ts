import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { isRecord } from "../records.js";
import { bundle } from "./bundle.js";
import { readSpec, type SpecSource } from "./source.js";

const SPEC_FILE = /\.(ya?ml|json)$/i;

/**
 * `--spec` names a file, or a folder holding exactly one root document (a file with a top-level
 * `openapi` or `swagger` key); other files in the folder may be parts it references.
 */
export function loadSpec(path: string, diagnostics: Diagnostic[]): SpecSource | undefined {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
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
  const root = isDirectory ? findRootDocument(path, diagnostics) : readSpec(path, diagnostics);
  return root && bundle(root, diagnostics);
}

/**
 * Parses every candidate: only a real top-level key counts, whatever the layout of the file. With
 * no root found, syntax errors in the candidates are the likely reason and are reported instead.
 */
function findRootDocument(dir: string, diagnostics: Diagnostic[]): SpecSource | undefined {
  const syntaxErrors: Diagnostic[] = [];
  const roots = readdirSync(dir)
    .filter((name) => SPEC_FILE.test(name))
    .sort()
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile())
    .flatMap((file) => {
      const source = readSpec(file, syntaxErrors);
      return source && isRecord(source.document) && ("openapi" in source.document || "swagger" in source.document) ? [source] : [];
    });
  if (roots.length === 1) return roots[0];
  if (roots.length === 0 && syntaxErrors.length > 0) {
    diagnostics.push(...syntaxErrors);
    return undefined;
  }
  diagnostics.push({
    code: roots.length === 0 ? "E_SPEC_NOT_FOUND" : "E_SPEC_AMBIGUOUS",
    severity: "error",
    message:
      roots.length === 0
        ? `No OpenAPI document (a .yaml, .yml or .json file with a top-level "openapi" key) in ${dir}.`
        : `Several OpenAPI documents in ${dir}: ${roots.map((r) => r.file).join(", ")}.`,
    hint: "Pass the root document itself: --spec <file>.",
    file: dir,
    pointer: "",
  });
  return undefined;
}
