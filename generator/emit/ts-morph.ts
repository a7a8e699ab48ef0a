import { createRequire } from "node:module";
import type { CodeBlockWriter, StatementStructures } from "ts-morph";
import { preloadWithCodeCache } from "../cache/code-cache.js";

const require = createRequire(import.meta.url);
// The TypeScript bundle ts-morph loads, from V8's code cache.
preloadWithCodeCache(createRequire(require.resolve("ts-morph")).resolve("@ts-morph/common/dist/typescript.js"));

/**
 * ts-morph, loaded through require: an ESM import first scans its CommonJS bundle for export
 * names, about 100 ms more on every run. Only the declaration printer imports this module, and
 * the pipeline imports that lazily, so the templates reach prettier before TypeScript loads.
 */
export const tsMorph: typeof import("ts-morph") = require("ts-morph");

/** The part of a Project's internal context that `createSourceFile(path, structure)` prints with. */
interface PrintingContext {
  createWriter(): CodeBlockWriter;
  structurePrinterFactory: {
    forSourceFile(options: { isAmbient: boolean }): {
      printText(writer: CodeBlockWriter, structure: { statements: (string | StatementStructures)[] }): void;
    };
  };
}

/**
 * The text `project.createSourceFile(path, { statements }).getFullText()` returns, without the
 * source file: createSourceFile prints the structures and then has TypeScript parse the text,
 * and the parse, which nothing here needs, was three quarters of printing types.ts. The printer
 * is reached through the project's internal context; ts-morph is pinned to an exact version, and
 * a ts-morph without it fails here, not with different output.
 */
export function printStatements(statements: (string | StatementStructures)[]): string {
  const project = new tsMorph.Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: tsMorph.IndentationText.TwoSpaces },
  });
  const context = (project as unknown as { _context?: PrintingContext })._context;
  if (typeof context?.structurePrinterFactory?.forSourceFile !== "function") {
    const { version } = require("ts-morph/package.json") as { version: string };
    throw new Error(
      `specforge: ts-morph ${version} lacks the structure printer this version was built with; install the ts-morph version package.json pins`,
    );
  }
  const writer = context.createWriter();
  context.structurePrinterFactory.forSourceFile({ isAmbient: false }).printText(writer, { statements });
  return writer.toString();
}
