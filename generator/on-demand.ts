import { createRequire } from "node:module";

/**
 * Dependencies that most runs never need, loaded on first use: the positional parsers (used when
 * a diagnostic needs a line and column, or to explain a syntax error), js-yaml (YAML specs only),
 * the diff library (drift reports) and the edit distance (suggestions for a mistyped flag). On
 * Node 20, which has no compile cache, importing them all up front costs every run about 50 ms.
 * They are required rather than imported because the code that needs them is synchronous; each is
 * only ever loaded here, so there is one instance of each.
 */
const load = createRequire(import.meta.url);

export const yamlLibrary = (): typeof import("yaml") => load("yaml") as typeof import("yaml");
export const jsYaml = (): typeof import("js-yaml") => load("js-yaml") as typeof import("js-yaml");
export const jsonParser = (): typeof import("jsonc-parser") => load("jsonc-parser") as typeof import("jsonc-parser");
export const textDiff = (): typeof import("diff") => load("diff") as typeof import("diff");
export const editDistance = (): typeof import("fastest-levenshtein") => load("fastest-levenshtein") as typeof import("fastest-levenshtein");
