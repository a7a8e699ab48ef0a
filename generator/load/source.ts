import { readFileSync } from "node:fs";
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import { splitPointer } from "./pointer.js";

export interface Position {
  line: number;
  column: number;
}

/** One parsed spec file: the plain data, plus a way back from a JSON pointer to a source position. */
export interface SpecSource {
  /** The path as the user gave it; diagnostics print it. */
  file: string;
  text: string;
  document: unknown;
  locate(pointer: string): Position | undefined;
}

const isJsonText = (file: string, text: string): boolean =>
  file.toLowerCase().endsWith(".json") || /^\s*[{[]/.test(text);

/** Reads YAML or JSON. Syntax errors become diagnostics (code E_SYNTAX) with their line and column. */
export function readSpec(file: string, diagnostics: Diagnostic[]): SpecSource | undefined {
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  return isJsonText(file, text) ? readJson(file, text, diagnostics) : readYaml(file, text, diagnostics);
}

function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

const syntaxError = (file: string, message: string, at: Position): Diagnostic => ({
  code: "E_SYNTAX",
  severity: "error",
  message,
  hint: "Fix the syntax at this position; a YAML or JSON linter shows the surrounding structure.",
  file,
  line: at.line,
  column: at.column,
  pointer: "",
});

function readJson(file: string, text: string, diagnostics: Diagnostic[]): SpecSource | undefined {
  let document: unknown;
  try {
    // JSON.parse is an order of magnitude faster than a positional parser; positions are only
    // needed when something is wrong, so the tree below is built lazily.
    document = JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const at = positionAt(text, first?.offset ?? 0);
    diagnostics.push(syntaxError(file, `JSON syntax error: ${first ? printParseErrorCode(first.error) : "invalid JSON"}`, at));
    return undefined;
  }
  let tree: ReturnType<typeof parseTree> | undefined;
  return {
    file,
    text,
    document,
    locate(pointer) {
      tree ??= parseTree(text);
      if (!tree) return undefined;
      const path = splitPointer(pointer).map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
      const node = findNodeAtLocation(tree, path);
      // A property's position is that of its key, which is where a reader looks.
      const anchor = node?.parent?.type === "property" ? node.parent : node;
      return anchor ? positionAt(text, anchor.offset) : undefined;
    },
  };
}

function readYaml(file: string, text: string, diagnostics: Diagnostic[]): SpecSource | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const at = lineCounter.linePos(error.pos[0]);
      diagnostics.push(syntaxError(file, `YAML syntax error: ${error.message.split("\n")[0]}`, { line: at.line, column: at.col }));
    }
    return undefined;
  }
  return {
    file,
    text,
    document: doc.toJS({ maxAliasCount: -1 }),
    locate(pointer) {
      const offset = yamlOffset(doc, pointer);
      if (offset === undefined) return undefined;
      const at = lineCounter.linePos(offset);
      return { line: at.line, column: at.col };
    },
  };
}

function yamlOffset(doc: Document, pointer: string): number | undefined {
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
