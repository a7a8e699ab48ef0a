import { builders, printer } from "prettier/doc";

export type Doc = builders.Doc;

/**
 * prettier's public document builders and printer (`prettier/doc`, no parser): the print tree is
 * turned into the document prettier's own TypeScript printer builds for the same code, so the
 * one printer here lays out the output exactly as prettier would, without parsing anything.
 */
export const { group, indent, align, line, softline, hardline, join, ifBreak, fill, conditionalGroup, indentIfBreak, breakParent } =
  builders;

/**
 * The layout the generated code is printed in, as prettier options: prettier's defaults but a
 * width of 100. The printer builds documents for exactly these settings; tests check the output
 * against prettier run with them, and `--prettier` restyles it with the user's own instead.
 */
export const LAYOUT = {
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  quoteProps: "as-needed",
  trailingComma: "all",
  bracketSpacing: true,
  arrowParens: "always",
  endOfLine: "lf",
} as const;

export const printDoc = (doc: Doc, printWidth: number = LAYOUT.printWidth): string =>
  printer.printDocToString(doc, { printWidth, tabWidth: LAYOUT.tabWidth, useTabs: LAYOUT.useTabs }).formatted;
