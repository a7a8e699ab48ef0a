import type { StatementStructures } from "ts-morph";
import type { RenderedFile, Segment, Statements } from "../files.js";
import { PRINT_WIDTH } from "./layout.js";

/** A statement for ts-morph to print, and whether its construct comes out in prettier's layout when it fits. */
export interface Printable {
  statement: string | StatementStructures;
  finalWhenFits: boolean;
}

const MARKER = "// @specforge-segment";

/**
 * The line an emitter prints before each statement: whether the statement is in prettier's
 * layout if every line fits, or is for prettier to lay out. No escaped spec text can start a
 * line with it (JSDoc lines start with `*`, string literals stay on one line).
 */
export const segmentMarker = (finalWhenFits: boolean): string => (finalWhenFits ? `${MARKER} final` : `${MARKER} format`);

/** Splits emitted text at its markers: the header line before the first, then the statements. */
function splitSegments(text: string): Statements {
  const parts = text.split(new RegExp(`^${MARKER} (final|format)\\n`, "m"));
  const segments: Segment[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const body = parts[i + 1]!.trim();
    if (body !== "") segments.push({ text: body, final: parts[i] === "final" && fitsAsIs(body) });
  }
  return { header: parts[0]!.trim(), segments };
}

/** A file from emitted text with markers: its final text, and its statements for the format stage. */
export function markedFile(path: string, text: string): RenderedFile {
  const statements = splitSegments(text);
  return { path, content: joinSegments(statements), statements };
}

/** The file text: the header line, then the statements, one blank line apart (imports together). */
export const joinSegments = ({ header, segments }: Statements): string =>
  segments.length === 0
    ? `${header}\n`
    : `${header}\n${segments.map((s, i) => (i === 0 ? "" : isImport(s) && isImport(segments[i - 1]!) ? "\n" : "\n\n") + s.text).join("")}\n`;

const isImport = (segment: Segment): boolean => segment.text.startsWith("import ");

/**
 * Whether prettier would keep `text` as it is, given a construct printed in its layout: every
 * code line fits the print width, and nothing prettier rewrites is present (a string holding a
 * double quote may switch quotes; exponents are normalised; other than ASCII, widths differ).
 * Comment lines are never reflowed, so their length does not matter.
 */
function fitsAsIs(text: string): boolean {
  for (const line of text.split("\n")) {
    const trimmed = line.trimStart();
    if (trimmed.startsWith("/**") || trimmed.startsWith("*")) continue;
    if (line.length > PRINT_WIDTH || /[^\x20-\x7E]|\\"|\d[eE][+-]?\d/.test(line)) return false;
  }
  return true;
}
