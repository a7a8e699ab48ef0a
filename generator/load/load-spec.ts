import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { isRecord } from "../records.js";
import { bundle } from "./bundle.js";
import { walkDocument } from "./walk.js";
import { PAGE_FILE, readPages } from "./markdown.js";
import { readSpec, type SpecSource } from "./source.js";
import { convertSwagger2, isSwagger2 } from "./swagger2.js";

const SPEC_FILE = /\.(ya?ml|json)$/i;
/** A line that opens a root document, to tell a broken root from a broken part before either parses. */
const ROOT_LINE = /^\s*\{?\s*["']?(openapi|swagger)["']?\s*:/m;

/**
 * The root documents of every `--spec`: a file (a YAML or JSON document, or a Markdown page or
 * file of pages, each page one document), or a folder, whose root documents are its files with a
 * top-level `openapi` or `swagger` key and its pages, less any file another of them references
 * (that file is part of the document that references it). Each root comes back bundled, and
 * Swagger 2.0 converted to OpenAPI 3.
 */
export async function loadInputs(paths: readonly string[], diagnostics: Diagnostic[]): Promise<SpecSource[]> {
  const roots: SpecSource[] = [];
  for (const path of [...new Set(paths)]) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      diagnostics.push({
        code: "E_SPEC_NOT_FOUND",
        severity: "error",
        message: `No spec file or folder at ${path}.`,
        hint: "Pass --spec <file|folder> (repeat it for several inputs); the default is spec/.",
        file: path,
        pointer: "",
      });
      continue;
    }
    roots.push(...(isDirectory ? findRootDocuments(path, diagnostics) : readDocuments(path, diagnostics)));
  }
  // The same file named twice (a folder and a file in it) is read once.
  const seen = new Set<string>();
  const unique = roots.filter((root) => {
    const key = `${resolve(root.file)}\0${root.text}`;
    return !seen.has(key) && seen.add(key);
  });
  const documents: SpecSource[] = [];
  for (const root of unique) {
    // Swagger 2.0 is read as the OpenAPI 3 document it converts to.
    const openapi = isSwagger2(root.document) ? await convertSwagger2(root, diagnostics) : root;
    if (openapi) documents.push(bundle(openapi, diagnostics));
  }
  return documents;
}

/** The documents a file holds: one for YAML and JSON, one per page for Markdown. */
function readDocuments(file: string, diagnostics: Diagnostic[]): SpecSource[] {
  if (PAGE_FILE.test(file)) return readPages(file, diagnostics);
  const source = readSpec(file, diagnostics);
  return source ? [source] : [];
}

const isRoot = (source: SpecSource): boolean => isRecord(source.document) && ("openapi" in source.document || "swagger" in source.document);

/**
 * Parses every candidate: only a real top-level key counts, whatever the layout of the file. Syntax
 * errors are reported for pages and for files that look like roots; with no root found, those in
 * the other candidates are the likely reason and are reported instead.
 */
function findRootDocuments(dir: string, diagnostics: Diagnostic[]): SpecSource[] {
  const reported = diagnostics.length;
  const partErrors: Diagnostic[] = [];
  const candidates = readdirSync(dir)
    .filter((name) => SPEC_FILE.test(name) || PAGE_FILE.test(name))
    .sort()
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile());
  const roots = candidates.flatMap((file) => {
    if (PAGE_FILE.test(file)) {
      // A Markdown file without an OpenAPI block (a README) is no input.
      const found: Diagnostic[] = [];
      const pages = readPages(file, found);
      diagnostics.push(...found.filter((d) => d.code !== "E_PAGE_NO_SPEC"));
      return pages;
    }
    const errors: Diagnostic[] = [];
    const source = readSpec(file, errors);
    (errors.length > 0 && ROOT_LINE.test(readFileSync(file, "utf8")) ? diagnostics : partErrors).push(...errors);
    return source && isRoot(source) ? [source] : [];
  });
  const referenced = referencedFiles(roots);
  const kept = roots.filter((root) => !referenced.has(resolve(root.file)));
  if (kept.length > 0 || diagnostics.length > reported) return kept;
  if (partErrors.length > 0) {
    diagnostics.push(...partErrors);
    return [];
  }
  diagnostics.push({
    code: "E_SPEC_NOT_FOUND",
    severity: "error",
    message: `No OpenAPI document in ${dir}: no .yaml, .yml or .json file with a top-level "openapi" key, and no page with an OpenAPI block.`,
    hint: "Pass the document itself: --spec <file>.",
    file: dir,
    pointer: "",
  });
  return [];
}

/** Every file that a `$ref` in these documents names (relative to the file holding it), resolved. */
function referencedFiles(sources: SpecSource[]): Set<string> {
  const files = new Set<string>();
  for (const source of sources) {
    if (!source.text.includes("$ref")) continue;
    if (!isRecord(source.document)) continue;
    walkDocument(source.document, ({ node }) => {
      const ref = node.$ref;
      if (typeof ref === "string" && !ref.startsWith("#") && !/^[a-z][a-z0-9+.-]*:/i.test(ref)) {
        const file = ref.split("#")[0]!;
        if (file !== "") files.add(resolve(dirname(source.file), safeDecode(file)));
      }
    });
  }
  return files;
}

const safeDecode = (text: string): string => {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
};
