import { KEYWORDS } from "../names/reserved.js";

/**
 * The one escaping layer. Spec text reaches generated code only through these functions, one per
 * context, so a description, enum value or path can never become code.
 */

const LINE_SEPARATORS = /\u2028|\u2029/g;

/** A double-quoted string literal. JSON.stringify covers quotes, backslashes and control characters
 *  (NUL included); U+2028/U+2029 are escaped too, since older parsers end a line there. */
export const stringLiteral = (value: string): string =>
  JSON.stringify(value)
    .replace(LINE_SEPARATORS, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029"))
    // A literal backslash as \u005C: ts-morph's writer misreads `"\\"` as an escaped quote and
    // loses track of where the string ends (then a following "/*" is taken for a comment).
    .replace(/\\\\/g, "\\u005C");

/** Text inside a template literal (between the backticks). */
export const templateText = (value: string): string =>
  stringLiteral(value).slice(1, -1).replace(/\\"/g, '"').replace(/`/g, "\\`").replace(/\$\{/g, "\\${");

/** A literal type or value: strings quoted, numbers and booleans as written, null as null. */
export const literalText = (value: string | number | boolean | null): string =>
  typeof value === "string" ? stringLiteral(value) : String(value);

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A property name in a type or object literal. `__proto__` is written computed, because in an
 * object literal even the quoted form would set the prototype instead of a property.
 */
export const propertyKey = (name: string): string =>
  name === "__proto__" ? `[${stringLiteral(name)}]` : PLAIN_KEY.test(name) ? name : stringLiteral(name);

/** Property access on a value: `v.name`, or `v["a-b"]` when the name is not a plain identifier. */
export const propertyAccess = (target: string, name: string): string =>
  PLAIN_KEY.test(name) && name !== "__proto__" ? `${target}.${name}` : `${target}[${stringLiteral(name)}]`;

const KEYWORD_SET: ReadonlySet<string> = new Set(KEYWORDS);

/**
 * An identifier. Names reach the emitters from names/ already valid; this check stops a naming bug
 * from ever printing spec text as code.
 */
export function identifier(name: string): string {
  if (!/^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u.test(name) || KEYWORD_SET.has(name)) {
    throw new Error(`Not an identifier: ${JSON.stringify(name)}`);
  }
  return name;
}

/**
 * Text for a JSDoc comment body, one entry per line. A star followed by a slash would end the
 * comment, so the slash is escaped visibly (a zero-width character would hide the change), and
 * control characters that editors or parsers treat as line ends or terminators are made visible.
 */
export function docText(text: string): string[] {
  return text
    .replace(/\r\n?|\u2028|\u2029/g, "\n")
    .replace(/\*\//g, "*\\/")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .split("\n")
    .map((line) => line.trimEnd());
}

/** A whole JSDoc block from paragraphs; empty when there is nothing to say. */
export function docComment(paragraphs: (string | undefined)[]): string {
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph === undefined || paragraph.trim() === "") continue;
    if (lines.length > 0) lines.push("");
    lines.push(...docText(paragraph.trim()));
  }
  if (lines.length === 0) return "";
  if (lines.length === 1) return `/** ${lines[0]} */`;
  return `/**\n${lines.map((l) => (l === "" ? " *" : ` * ${l}`)).join("\n")}\n */`;
}

/** Text for a `//` comment: anything that would end the line is replaced. */
export const lineCommentText = (text: string): string => text.replace(/[\r\n\u2028\u2029]/g, " ");
