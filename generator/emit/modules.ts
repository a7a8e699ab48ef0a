import { JSON_HEADER } from "./header.js";
import type { RenderedFile } from "../files.js";

/** How the output is written, beyond what the spec says. */
export interface EmitOptions {
  /**
   * The extension of relative imports between generated files. `.js` for compilers and bundlers
   * (TypeScript's `nodenext` and `bundler` resolution map it to the .ts file); `.ts` for running
   * the files as they are (Node's type stripping, Deno, Bun).
   */
  importExtension: ".js" | ".ts";
}

export const DEFAULT_EMIT: EmitOptions = { importExtension: ".js" };

/** The module specifier of a generated file: `modulePath("../types", o)` -> `../types.js`. */
export const modulePath = (path: string, options: EmitOptions): string => `${path}${options.importExtension}`;

/**
 * `package.json` with `"type": "module"`: the nearest package.json decides whether Node and
 * TypeScript (`nodenext`) read a .ts/.js file as ESM, so this makes the folder ESM inside a
 * CommonJS package too. It has no name, so it is no package boundary for resolution.
 */
export const packageJsonFile = (): RenderedFile => ({
  path: "package.json",
  content: `${JSON.stringify({ "//": JSON_HEADER, type: "module" }, null, 2)}\n`,
});
