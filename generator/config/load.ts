import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ParseError } from "jsonc-parser";
import type { Diagnostic } from "../diagnostics.js";
import type { ApiConfig, ApiOptions, Config, Naming, UserConfig } from "../public.js";
import { isRecord } from "../records.js";
import { jsonLocator } from "../load/source.js";
import { jsonParser } from "../on-demand.js";

/** The config files the CLI looks for, in this order, in the project root. */
export const CONFIG_FILES = [
  "specforge.config.ts",
  "specforge.config.mts",
  "specforge.config.js",
  "specforge.config.mjs",
  "specforge.config.cjs",
  "specforge.config.json",
];

/** One API of a config, with the defaults applied and its paths made absolute. */
export interface ResolvedApi extends ApiOptions {
  name: string;
  specs: string[];
  out: string;
}

/**
 * The config file of the project that `from` is in: looked for in `from` and each folder above it,
 * up to the first that holds a package.json (the project root) or the file system root.
 */
export function findConfig(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const found = CONFIG_FILES.map((name) => join(dir, name)).find(existsSync);
    if (found || existsSync(join(dir, "package.json")) || dirname(dir) === dir) return found;
  }
}

const configError = (file: string, message: string, hint: string, at: Partial<Diagnostic> = {}): Diagnostic => ({
  code: "E_CONFIG_INVALID",
  severity: "error",
  message,
  hint,
  file,
  pointer: "",
  ...at,
});

/** Reads, checks and resolves a config file; undefined with diagnostics when it is unusable. */
export async function loadConfig(file: string, diagnostics: Diagnostic[]): Promise<ResolvedApi[] | undefined> {
  const isJson = file.endsWith(".json");
  let raw: unknown;
  let locate: ((pointer: string) => { line: number; column: number } | undefined) | undefined;
  try {
    if (isJson) {
      const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
      // JSON with comments and trailing commas, as editors allow in tsconfig.json.
      const errors: ParseError[] = [];
      raw = jsonParser().parse(text, errors, { allowTrailingComma: true, disallowComments: false });
      if (errors.length > 0) {
        const { line, column } = positionOf(text, errors[0]!.offset);
        diagnostics.push({
          ...configError(
            file,
            `JSON syntax error: ${jsonParser().printParseErrorCode(errors[0]!.error)}`,
            "Fix the syntax at this position.",
          ),
          code: "E_SYNTAX",
          line,
          column,
        });
        return undefined;
      }
      locate = jsonLocator(text);
    } else {
      // jiti reads TypeScript and ESM or CommonJS configs alike, as hey-api's and vite's loaders do.
      const { createJiti } = await import("jiti");
      raw = await createJiti(pathToFileURL(file).href, { moduleCache: false }).import(file, { default: true });
    }
  } catch (error) {
    diagnostics.push({
      ...configError(
        file,
        `The config could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        "Fix the error in the config file.",
      ),
      code: "E_CONFIG_LOAD",
    });
    return undefined;
  }
  const problems = checkConfig(raw);
  for (const problem of problems)
    diagnostics.push(configError(file, problem.message, problem.hint, { pointer: problem.pointer, ...(locate?.(problem.pointer) ?? {}) }));
  if (problems.length > 0) return undefined;
  return resolveApis(raw as UserConfig, dirname(file));
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r?\n/);
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

interface Problem {
  pointer: string;
  message: string;
  hint: string;
}

/** The config against schema/config.schema.json (which editors complete from), and the naming hooks, which JSON cannot hold. */
export function checkConfig(raw: unknown): Problem[] {
  const problems: Problem[] = [];
  const at = (i: number): string => (Array.isArray(raw) ? `/${i}` : isRecord(raw) && Array.isArray(raw.apis) ? `/apis/${i}` : "");
  const withoutNaming = (options: unknown, pointer: string): unknown => {
    if (!isRecord(options) || options.naming === undefined) return options;
    const { naming, ...rest } = options;
    for (const [key, hook] of Object.entries(isRecord(naming) ? naming : { naming })) {
      if (key !== "type" && key !== "operation")
        problems.push({
          pointer: `${pointer}/naming/${key}`,
          message: `Unknown naming hook "${key}".`,
          hint: "Naming hooks are `type` and `operation`.",
        });
      else if (typeof hook !== "function")
        problems.push({
          pointer: `${pointer}/naming/${key}`,
          message: `naming.${key} must be a function.`,
          hint: "Write naming hooks in specforge.config.ts or .mjs: (name, context) => string.",
        });
    }
    return rest;
  };
  const plain = Array.isArray(raw)
    ? raw.map((api, i) => withoutNaming(api, at(i)))
    : isRecord(raw) && Array.isArray(raw.apis)
      ? {
          ...raw,
          apis: raw.apis.map((api, i) => withoutNaming(api, at(i))),
          ...(raw.defaults === undefined ? {} : { defaults: withoutNaming(raw.defaults, "/defaults") }),
        }
      : withoutNaming(raw, "");
  const validate = schemaValidator();
  if (!validate(plain)) {
    // oneOf reports every branch; the errors of the branch the config's shape chose are the useful ones.
    const branch = Array.isArray(raw) ? "/oneOf/2" : isRecord(raw) && "apis" in raw ? "/oneOf/0" : "/oneOf/1";
    const errors = (validate.errors ?? []).filter((e) => !e.schemaPath.startsWith("#/oneOf") || e.schemaPath.startsWith(`#${branch}`));
    for (const e of errors.length > 0 ? errors : (validate.errors ?? []).slice(0, 1)) {
      const extra = e.keyword === "additionalProperties" ? ` "${String(e.params.additionalProperty)}"` : "";
      problems.push({
        pointer: e.instancePath + (extra ? `/${String(e.params.additionalProperty)}` : ""),
        message: `The config ${e.instancePath === "" ? "" : `at ${e.instancePath} `}${e.message ?? "is invalid"}${extra}.`,
        hint: "See docs/config.md for the options; editors complete them from the JSON Schema (specforge/config.schema.json).",
      });
    }
  }
  return problems;
}

/** The JSON Schema of the config, compiled once per call: configs are read once per run. */
function schemaValidator() {
  const require = createRequire(import.meta.url);
  const Ajv = require("ajv") as typeof import("ajv").default;
  const schema = JSON.parse(readFileSync(schemaFile(), "utf8")) as object;
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

/** schema/config.schema.json of this package, found upward from this module (source or dist/ bundle). */
function schemaFile(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, "schema", "config.schema.json");
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) throw new Error("specforge: cannot find schema/config.schema.json");
  }
}

/** The APIs of a checked config: defaults applied (filters replaced whole), paths relative to the config's folder. */
export function resolveApis(raw: UserConfig, dir: string): ResolvedApi[] {
  const config: Config = Array.isArray(raw) ? { apis: raw } : "apis" in raw ? raw : { apis: [raw as ApiConfig] };
  return config.apis.map(({ input, output, name, ...own }) => {
    const options: ApiOptions & { naming?: Naming } = { ...config.defaults, ...own };
    return {
      ...options,
      name: name ?? basename(output),
      specs: (Array.isArray(input) ? input : [input]).map((spec) => resolve(dir, spec)),
      out: resolve(dir, output),
    };
  });
}
