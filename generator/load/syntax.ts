import type { ParseError } from "jsonc-parser";
import type { YAMLError } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import { jsonParser, yamlLibrary } from "../on-demand.js";

/**
 * Syntax errors as diagnostics a person can act on: one per real problem (not the parser's
 * cascade after it), at the place to fix (the opening quote of a string that never closes, the
 * opening bracket of a block that never closes), in words, with the line and a caret.
 */

interface At {
  line: number;
  column: number;
}

/** The 1-based line and column of an offset. */
export function positionAt(text: string, offset: number): At {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The line before and the line at `at`, with a caret under the column: what editors and compilers show. */
export function codeFrame(text: string, at: At): string {
  const lines = text.split(/\r?\n/);
  const width = String(at.line).length;
  const row = (n: number, mark: string): string => `${mark} ${String(n).padStart(width)} | ${lines[n - 1] ?? ""}`.trimEnd();
  const rows = at.line > 1 ? [row(at.line - 1, " ")] : [];
  // Tabs stay tabs under the caret, so that it lines up however the terminal shows them.
  const before = (lines[at.line - 1] ?? "").slice(0, at.column - 1).replace(/[^\t]/g, " ");
  rows.push(row(at.line, ">"), `  ${" ".repeat(width)} | ${before}^`);
  return rows.join("\n");
}

const syntaxError = (file: string, text: string, offset: number, message: string): Diagnostic => {
  const at = positionAt(text, offset);
  return {
    code: "E_SYNTAX",
    severity: "error",
    message,
    hint: "Fix the syntax at this position; a YAML or JSON linter shows the surrounding structure.",
    file,
    line: at.line,
    column: at.column,
    pointer: "",
    frame: codeFrame(text, at),
  };
};

/** The innermost bracket of `open` (outside strings and comments) still open at `end`, if any. */
function unclosedBracket(text: string, end: number, open: "{" | "["): number | undefined {
  const stack: { char: string; offset: number }[] = [];
  for (let i = 0; i < end; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      // Skip the string; a backslash escapes in double quotes, '' in single quotes.
      for (i++; i < end && text[i] !== c; i++) if (c === '"' && text[i] === "\\") i++;
      if (c === "'" && text[i + 1] === "'") i++;
    } else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i < end && text[i] !== "\n") i++;
    } else if (c === "{" || c === "[") {
      stack.push({ char: c, offset: i });
    } else if ((c === "}" || c === "]") && stack.length > 0) {
      stack.pop();
    }
  }
  return stack.findLast((b) => b.char === open)?.offset;
}

/** The opening quote of the string that runs to `end` without closing. */
function unclosedQuote(text: string, end: number, quote: '"' | "'"): number | undefined {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === '"' && text[i - 1] === "\\") continue;
    if (quote === "'" && (text[i - 1] === "'" || text[i + 1] === "'")) continue;
    return i;
  }
  return undefined;
}

/** What to say about a YAML error, and where: the parser's words, moved to the opening of what did not close. */
function describeYaml(text: string, error: YAMLError): { offset: number; message: string } {
  const message = error.message.split("\n")[0]!;
  const end = error.pos[0];
  const quote = /^Missing closing (["'])quote/.exec(message)?.[1] as '"' | "'" | undefined;
  if (quote) {
    const start = unclosedQuote(text, end, quote);
    if (start !== undefined) return { offset: start, message: `this ${quote === '"' ? "double" : "single"}-quoted string is never closed` };
  }
  const flow = /end with an? ([}\]])/.exec(message)?.[1];
  if (flow) {
    const start = unclosedBracket(text, end, flow === "}" ? "{" : "[");
    if (start !== undefined)
      return { offset: start, message: `this ${flow === "}" ? "{ flow mapping" : "[ flow sequence"} is never closed with ${flow}` };
  }
  // An indentation error points at the start of its line: the text that is out of place starts after the spaces.
  let offset = end;
  if (offset === 0 || text[offset - 1] === "\n") while (text[offset] === " ") offset++;
  return { offset, message };
}

/** Lines from `line` (1-based) on that belong to it: it, and those indented deeper right after it. */
function blockOf(lines: string[], line: number): number {
  const indent = (s: string): number => s.length - s.trimStart().length;
  let last = line;
  while (last < lines.length && (lines[last]!.trim() === "" || indent(lines[last]!) > indent(lines[line - 1]!))) last++;
  return last;
}

/**
 * One diagnostic per real YAML syntax problem. yaml reports every error its recovery runs into,
 * most of them caused by the first; so the first is reported, its line (and the lines nested
 * under it) blanked, and the text parsed again, until it parses or ten problems are found.
 */
export function yamlSyntaxDiagnostics(file: string, text: string, errors: readonly YAMLError[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  let lines = text.split("\n");
  let current = errors;
  for (let round = 0; round < 10 && current.length > 0; round++) {
    const source = lines.join("\n");
    const first = current.reduce((a, b) => (describeYaml(source, b).offset < describeYaml(source, a).offset ? b : a));
    const { offset, message } = describeYaml(source, first);
    found.push(syntaxError(file, text, offsetInOriginal(text, source, offset), `YAML syntax error: ${message}`));
    const line = positionAt(source, offset).line;
    const last = blockOf(lines, line);
    lines = lines.map((l, i) => (i >= line - 1 && i < last ? "" : l));
    const { LineCounter, parseDocument } = yamlLibrary();
    current = parseDocument(lines.join("\n"), { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true }).errors;
  }
  return found;
}

/** Blanking whole lines keeps line numbers and the columns of the other lines: map an offset back by line and column. */
function offsetInOriginal(original: string, edited: string, offset: number): number {
  const { line, column } = positionAt(edited, offset);
  let start = 0;
  for (let n = 1; n < line; n++) start = original.indexOf("\n", start) + 1;
  return start + column - 1;
}

/** jsonc-parser's error codes (by their names: its enum is a const enum) in words. */
const JSON_WORDS: Record<string, string> = {
  InvalidSymbol: "unexpected character",
  InvalidNumberFormat: "this is not a valid number",
  PropertyNameExpected: "a property name in double quotes was expected",
  ValueExpected: "a value was expected",
  ColonExpected: "a colon (:) was expected after the property name",
  CommaExpected: "a comma was expected between the items",
  CloseBraceExpected: "this { object is never closed with }",
  CloseBracketExpected: "this [ array is never closed with ]",
  EndOfFileExpected: "more content after the end of the document",
  InvalidCommentToken: "JSON has no comments",
  UnexpectedEndOfComment: "this comment is never closed",
  UnexpectedEndOfString: "this string is never closed",
  UnexpectedEndOfNumber: "this number is cut short",
  InvalidUnicode: "an invalid \\u escape",
  InvalidEscapeCharacter: "an invalid escape after \\",
  InvalidCharacter: "a control character in a string (write it as an escape, such as \\n)",
};

const previousToken = (text: string, offset: number): number => {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i;
};

/** The first JSON syntax error (later ones are the parser's recovery), in words, at the place to fix. */
export function jsonSyntaxDiagnostic(file: string, text: string): Diagnostic {
  const errors: ParseError[] = [];
  const { parseTree, printParseErrorCode } = jsonParser();
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (!first) return syntaxError(file, text, 0, "JSON syntax error: invalid JSON");
  const code = printParseErrorCode(first.error);
  const expectsMore = code === "PropertyNameExpected" || code === "ValueExpected";
  const comma = previousToken(text, first.offset);
  if (expectsMore && text[comma] === "," && /[}\]]/.test(text[first.offset] ?? "")) {
    return syntaxError(file, text, comma, "JSON syntax error: a comma after the last item (JSON allows none)");
  }
  let offset = first.offset;
  if (code === "CloseBraceExpected" || code === "CloseBracketExpected")
    offset = unclosedBracket(text, text.length, code === "CloseBraceExpected" ? "{" : "[") ?? offset;
  return syntaxError(file, text, offset, `JSON syntax error: ${JSON_WORDS[code] ?? "invalid JSON"}`);
}
