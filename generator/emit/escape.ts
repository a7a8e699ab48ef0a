import isEs5IdentifierName from "is-es5-identifier-name";
import { KEYWORDS } from "../names/reserved.js";

/**
 * The one escaping layer. Spec text reaches generated code only through these functions, one per
 * context, so a description, enum value or path can never become code.
 */

const LINE_SEPARATORS = /\u2028|\u2029/g;

/**
 * A string literal. JSON.stringify covers quotes, backslashes and control characters (NUL
 * included); U+2028/U+2029 are escaped too, since older parsers end a line there. Double quotes,
 * unless the text holds more double quotes than single ones: then single quotes, as prettier
 * chooses them (fewer escapes).
 */
export function stringLiteral(value: string): string {
  const json = JSON.stringify(value).replace(LINE_SEPARATORS, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029"));
  if (!value.includes('"') || countOf(value, '"') <= countOf(value, "'")) return json;
  return `'${requote(json.slice(1, -1), "'")}'`;
}

/** JSON string text re-escaped for another quote: `\"` loses its backslash, `quote` gains one. */
const requote = (json: string, quote: string): string =>
  json.replace(/\\(.)|['`]/gs, (match, escaped: string | undefined) =>
    escaped === undefined ? (match === quote ? `\\${match}` : match) : escaped === '"' ? '"' : match,
  );

const countOf = (text: string, quote: string): number => {
  let count = 0;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) count++;
  return count;
};

/** Text inside a template literal (between the backticks). */
export const templateText = (value: string): string =>
  requote(
    JSON.stringify(value)
      .slice(1, -1)
      .replace(LINE_SEPARATORS, (c) => (c === "\u2028" ? "\\u2028" : "\\u2029")),
    "`",
  ).replace(/\$\{/g, "\\${");

/** A literal type or value: strings quoted, numbers in prettier's form (`1e21`, not `1e+21`), booleans and null as written. */
export const literalText = (value: string | number | boolean | null): string =>
  typeof value === "string" ? stringLiteral(value) : typeof value === "number" ? String(value).replace("e+", "e") : String(value);

/**
 * A property name in a type or object literal: bare when it is an ES5 identifier name (prettier's
 * rule for dropping quotes, non-ASCII letters included), else quoted. `__proto__` is written
 * computed, because in an object literal even the quoted form would set the prototype instead of a property.
 */
export const propertyKey = (name: string): string =>
  name === "__proto__" ? `[${stringLiteral(name)}]` : isEs5IdentifierName(name) ? name : stringLiteral(name);

/** Whether a property is read as `v.name`; else `v["a-b"]` (the printer's member access, by this rule). */
export const isDotName = (name: string): boolean => /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) && name !== "__proto__";

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

/** What docText rewrites or splits at; most descriptions hold none of it. */
const DOC_REWRITES = /[\n\r\u2028\u2029*\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Text for a JSDoc comment body, one entry per line. A star followed by a slash would end the
 * comment, so the slash is escaped visibly (a zero-width character would hide the change), and
 * control characters that editors or parsers treat as line ends or terminators are made visible.
 */
export function docText(text: string): string[] {
  if (!DOC_REWRITES.test(text)) return [text.trimEnd()];
  return text
    .replace(/\r\n?|\u2028|\u2029/g, "\n")
    .replace(/\*\//g, "*\\/")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .split("\n")
    .map((line) => line.trimEnd());
}

/** The lines of a JSDoc block from paragraphs; none when there is nothing to say. */
export function docCommentLines(paragraphs: (string | undefined)[]): string[] {
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph === undefined || paragraph.trim() === "") continue;
    if (lines.length > 0) lines.push("");
    lines.push(...docText(paragraph.trim()));
  }
  if (lines.length === 0) return [];
  if (lines.length === 1) return [`/** ${lines[0]} */`];
  return ["/**", ...lines.map((l) => (l === "" ? " *" : ` * ${l}`)), " */"];
}

/** A whole JSDoc block from paragraphs, as text; empty when there is nothing to say. */
export const docComment = (paragraphs: (string | undefined)[]): string => docCommentLines(paragraphs).join("\n");

/** Text for a `//` comment: anything that would end the line is replaced. */
export const lineCommentText = (text: string): string => text.replace(/[\r\n\u2028\u2029]/g, " ");
