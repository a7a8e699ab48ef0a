import { createRequire } from "node:module";

/**
 * ts-morph, loaded through require: an ESM import first scans its CommonJS bundle for export
 * names, about 100 ms more on every run. Only the declaration printer imports this module, and
 * the pipeline imports that lazily, so the templates reach prettier before TypeScript loads.
 */
export const tsMorph: typeof import("ts-morph") = createRequire(import.meta.url)("ts-morph");
