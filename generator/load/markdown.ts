import { readFileSync } from "node:fs";
import type { Diagnostic } from "../diagnostics.js";
import { parseSpec, type SpecSource } from "./source.js";

/** Files read as documentation pages: Markdown, and `llms-full.txt`-style concatenations of pages. */
export const PAGE_FILE = /\.(md|markdown|mdx|txt)$/i;

/** One fenced code block that holds an OpenAPI document. */
interface Block {
  text: string;
  syntax: "json" | "yaml";
  /** 0-based line of the block's first content line in the page file. */
  line: number;
  /** Spaces the fence was indented by, removed from every content line (CommonMark §4.5). */
  indent: number;
  /** The page's title: the nearest `# ` heading above the block. */
  title?: string;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const SPEC_HEADING = /^openapi spec(ification)?\b/i;
/** A block whose first key is `openapi` or `swagger` is a document wherever it stands. */
const DOCUMENT_START = /^\s*(\{\s*)?["']?(openapi|swagger)["']?\s*:/;
const SPEC_LANGUAGES = new Set(["", "yaml", "yml", "json", "jsonc"]);

/**
 * The OpenAPI documents of a page, as ElevenLabs (Fern) publishes them: a `yaml` or `json` block
 * under an "OpenAPI Specification" heading. A file may hold many pages one after another
 * (`llms-full.txt`); each block is one document. Positions in diagnostics are the page file's.
 */
export function readPages(file: string, diagnostics: Diagnostic[]): SpecSource[] {
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const blocks = openApiBlocks(text);
  if (blocks.length === 0) {
    diagnostics.push({
      code: "E_PAGE_NO_SPEC",
      severity: "error",
      message: `${file} holds no OpenAPI document.`,
      hint: 'A page holds its operation as a ```yaml (or ```json) block under a "## OpenAPI Specification" heading.',
      file,
      pointer: "",
    });
    return [];
  }
  return blocks.flatMap((block) => {
    const found: Diagnostic[] = [];
    const source = parseSpec(file, block.text, block.syntax, found);
    // Syntax errors are positioned in the block; the reader wants the page's lines.
    for (const d of found)
      diagnostics.push(d.line === undefined ? d : { ...d, line: d.line + block.line, column: (d.column ?? 1) + block.indent });
    if (!source) return [];
    const page: SpecSource = {
      file,
      text: block.text,
      document: source.document,
      locate(pointer) {
        const at = source.locate(pointer);
        return at && { ...at, line: at.line + block.line, column: at.column + block.indent };
      },
    };
    if (block.title !== undefined) page.label = block.title;
    return [page];
  });
}

/** The blocks that hold OpenAPI documents, in page order. */
function openApiBlocks(text: string): Block[] {
  const lines = text.split(/\r?\n/);
  const blocks: Block[] = [];
  let title: string | undefined;
  let underSpecHeading = false;
  for (let i = 0; i < lines.length; i++) {
    const heading = HEADING.exec(lines[i]!);
    if (heading) {
      if (heading[1] === "#") title = heading[2];
      underSpecHeading = SPEC_HEADING.test(heading[2]!);
      continue;
    }
    const fence = FENCE.exec(lines[i]!);
    if (!fence) continue;
    const [, indent = "", marker = "", language = ""] = fence;
    const end = closingFence(lines, i + 1, marker);
    const content = lines.slice(i + 1, end).map((line) => line.replace(new RegExp(`^ {0,${indent.length}}`), ""));
    const body = content.join("\n");
    const lang = language.toLowerCase();
    if (SPEC_LANGUAGES.has(lang) && (underSpecHeading || DOCUMENT_START.test(body))) {
      const syntax = lang.startsWith("json") || (lang === "" && /^\s*[{[]/.test(body)) ? "json" : "yaml";
      const block: Block = { text: body, syntax, line: i + 1, indent: indent.length };
      if (title !== undefined) block.title = title;
      blocks.push(block);
      // One document per heading: later blocks there are examples.
      underSpecHeading = false;
    }
    i = end;
  }
  return blocks;
}

/** The line of the fence that closes a block opened with `marker`, or the end of the text (CommonMark §4.5). */
function closingFence(lines: string[], from: number, marker: string): number {
  for (let i = from; i < lines.length; i++) {
    const trimmed = lines[i]!.replace(/^ {0,3}/, "");
    if (trimmed.startsWith(marker[0]!.repeat(marker.length)) && /^(`+|~+)\s*$/.test(trimmed)) return i;
  }
  return lines.length;
}
