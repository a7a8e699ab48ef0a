import { format, type Options } from "prettier";
import type { RenderedFile } from "../emit/operations/render.js";

/**
 * Pinned here rather than read from the user's .prettierrc: the same spec must give the same
 * bytes on every machine, whatever formatting config sits around the output folder.
 */
export const PRETTIER_OPTIONS: Options = {
  parser: "typescript",
  printWidth: 100,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: false,
  trailingComma: "all",
  bracketSpacing: true,
  arrowParens: "always",
  endOfLine: "lf",
  quoteProps: "as-needed",
};

export async function formatFiles(files: RenderedFile[]): Promise<RenderedFile[]> {
  return Promise.all(files.map(async (file) => ({ path: file.path, content: await format(file.content, PRETTIER_OPTIONS) })));
}
