import { readFileSync } from "node:fs";
import type { Node as JsonNode } from "jsonc-parser";
import type { Document, LineCounter, Node } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import { jsonParser, jsYaml, yamlLibrary } from "../on-demand.js";
import { splitPointer } from "./pointer.js";
import { jsonSyntaxDiagnostic, positionAt, yamlSyntaxDiagnostics } from "./syntax.js";

export interface Position {
  line: number;
  column: number;
  /** Set when the position is in another file than the root document (multi-file specs)... */
  file?: string;
  /** ...with the pointer into that file. */
  pointer?: string;
}

/** One parsed spec file: the plain data, plus a way back from a JSON pointer to a source position. */
export interface SpecSource {
  /** The path as the user gave it; diagnostics print it. */
  file: string;
  text: string;
  document: unknown;
  locate(pointer: string): Position | undefined;
  /** What tells this document apart from others in the same file: a page's title. */
  label?: string;
  /** The other files read for this document (the parts its refs name), resolved, with the text read. */
  parts?: Part[];
}

/** A file a document's refs named, as the loader read it. */
export interface Part {
  file: string;
  text: string;
}

/** Reads YAML or JSON, by file extension (YAML 1.2 also reads JSON, only slower). Syntax errors become diagnostics. */
export function readSpec(file: string, diagnostics: Diagnostic[]): SpecSource | undefined {
  const text = readSourceText(file);
  return parseSpec(file, text, file.toLowerCase().endsWith(".json") ? "json" : "yaml", diagnostics);
}

/** A file's text as the loader reads it: UTF-8, without a byte order mark. */
export const readSourceText = (file: string): string => readFileSync(file, "utf8").replace(/^\uFEFF/, "");

/** Parses spec text that `file` holds (the whole file, or a block of a Markdown page). */
export function parseSpec(file: string, text: string, syntax: "json" | "yaml", diagnostics: Diagnostic[]): SpecSource | undefined {
  return syntax === "json" ? readJson(file, text, diagnostics) : readYaml(file, text, diagnostics);
}

function readJson(file: string, text: string, diagnostics: Diagnostic[]): SpecSource | undefined {
  let document: unknown;
  try {
    // JSON.parse is an order of magnitude faster than a positional parser; positions are only
    // needed when something is wrong, so the tree below is built lazily.
    document = JSON.parse(text);
  } catch {
    diagnostics.push(jsonSyntaxDiagnostic(file, text));
    return undefined;
  }
  return { file, text, document, locate: jsonLocator(text) };
}

/** Pointer -> position in JSON text; the tree is built on the first call, as positions are only needed when something is wrong. */
export function jsonLocator(text: string): (pointer: string) => Position | undefined {
  let tree: JsonNode | undefined;
  return (pointer) => {
    tree ??= jsonParser().parseTree(text, [], { allowTrailingComma: true });
    const node = tree ? jsonNodeAt(tree, pointer) : undefined;
    // A property's position is that of its key, which is where a reader looks.
    const anchor = node?.parent?.type === "property" ? node.parent : node;
    return anchor ? positionAt(text, anchor.offset) : undefined;
  };
}

/** Pointer lookup in a jsonc-parser tree; unlike findNodeAtLocation, digit-only object keys (`200`) work. */
function jsonNodeAt(root: JsonNode, pointer: string): JsonNode | undefined {
  let node: JsonNode | undefined = root;
  for (const segment of splitPointer(pointer)) {
    if (node?.type === "array") node = node.children?.[Number(segment)];
    else if (node?.type === "object") node = node.children?.find((p) => p.children?.[0]?.value === segment)?.children?.[1];
    else return undefined;
  }
  return node;
}

/**
 * YAML without positions first: js-yaml builds plain data several times faster than the yaml
 * library builds its document tree, and positions are needed only when something is reported.
 * The first `locate` parses the text again with the yaml library, which keeps every node's
 * position. A document with anchors, or one js-yaml refuses, takes the yaml library's path from
 * the start: its alias limits and its error messages and positions are the ones reported.
 */
function readYaml(file: string, text: string, diagnostics: Diagnostic[]): SpecSource | undefined {
  const fast = ANCHOR.test(text) ? undefined : plainYaml(text);
  if (fast) {
    let positions: { doc: Document; lines: LineCounter } | undefined;
    return {
      file,
      text,
      document: fast.value,
      locate(pointer) {
        positions ??= positioned(text);
        return positionOf(positions.doc, positions.lines, pointer);
      },
    };
  }
  const { doc, lines } = positioned(text);
  if (doc.errors.length > 0) {
    diagnostics.push(...yamlSyntaxDiagnostics(file, text, doc.errors));
    return undefined;
  }
  const document = yamlData(doc, file, diagnostics);
  if (document === undefined) return undefined;
  return { file, text, document: document.value, locate: (pointer) => positionOf(doc, lines, pointer) };
}

/** An anchor (`&name`) at the start of a node; without one, no alias can be valid either. */
const ANCHOR = /(?:^|[\s[{,])&[^\s[\]{},]/;

/** The data, or undefined when js-yaml refuses the text (the yaml library then reports why). */
function plainYaml(text: string): { value: unknown } | undefined {
  try {
    const { load, CORE_SCHEMA } = jsYaml();
    return { value: load(text, { schema: CORE_SCHEMA }) };
  } catch {
    return undefined;
  }
}

const positioned = (text: string): { doc: Document; lines: LineCounter } => {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true }), lines };
};

function positionOf(doc: Document, lines: LineCounter, pointer: string): Position | undefined {
  const offset = yamlOffset(doc, pointer);
  if (offset === undefined) return undefined;
  const at = lines.linePos(offset);
  return { line: at.line, column: at.col };
}

/**
 * The document as plain data. Aliases are where YAML can attack a reader: the library's default
 * expansion limit stops alias bombs, and an alias inside its own anchor would make circular data
 * that every later walk follows forever, so both are refused.
 */
function yamlData(doc: Document, file: string, diagnostics: Diagnostic[]): { value: unknown } | undefined {
  const refuse = (message: string): undefined => {
    diagnostics.push({
      code: "E_YAML_ALIAS",
      severity: "error",
      message,
      hint: "Write the repeated part out, or use a $ref instead of a YAML alias.",
      file,
      pointer: "",
    });
    return undefined;
  };
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (error) {
    return refuse(`YAML aliases expand too much: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    JSON.stringify(value);
  } catch {
    return refuse("A YAML alias refers to its own anchor, which makes the document infinite.");
  }
  return { value };
}

function yamlOffset(doc: Document, pointer: string): number | undefined {
  const { isMap, isScalar, isSeq } = yamlLibrary();
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0];
  for (const segment of splitPointer(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) return offset;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) return offset;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      return offset;
    }
  }
  return offset;
}
