import { existsSync, statSync } from "node:fs";
import { basename, dirname, relative, resolve, sep } from "node:path";
import { performance } from "node:perf_hooks";
import { partsRead } from "./cache/inputs.js";
import type { ApiModel } from "./changes/model.js";
import { modelFile } from "./changes/record.js";
import { buildApiModel } from "./changes/snapshot.js";
import { hasErrors, type Diagnostic, type DiagnosticInput } from "./diagnostics.js";
import { DEFAULT_EMIT, packageJsonFile, type EmitOptions } from "./emit/modules.js";
import { renderAll, type Reuse } from "./emit/reuse.js";
import { emitTextFiles } from "./emit/text-emit.js";
import { emitTypesFile } from "./emit/types-emit.js";
import type { RenderedFile } from "./files.js";
import { buildIr } from "./ir/build.js";
import type { Api } from "./ir/model.js";
import { mergeDocuments } from "./ir/merge/merge.js";
import { filterDocument, hasFilters, type Filters } from "./load/filter.js";
import { loadInputs } from "./load/load-spec.js";
import type { Part, SpecSource } from "./load/source.js";
import { planNames, type NameTable } from "./names/plan.js";
import type { Naming } from "./public.js";
import { isRecord } from "./records.js";
import { validateDocument } from "./validate/document.js";

/** What a run reads: the `--spec` inputs (merged when several), and which of their operations it keeps. */
export interface Input {
  specs: readonly string[];
  filters?: Filters;
  /** A config's hooks over the names chosen. */
  naming?: Naming;
  /** How the output is written (the extension of its imports). */
  emit?: EmitOptions;
}

/** A spec path, several, or the whole input. */
export type InputLike = string | readonly string[] | Input;

const asInput = (input: InputLike): Input =>
  typeof input === "string" ? { specs: [input] } : "specs" in input ? input : { specs: input as readonly string[] };

export type Stage = "load" | "validate" | "merge" | "ir" | "names" | "model" | "emit" | "format";

interface Run {
  diagnostics: Diagnostic[];
  /** Milliseconds per stage, for the summary line and the benchmark's profile. */
  timings: Partial<Record<Stage, number>>;
}

/** A run that produced output (warnings may travel along), or one that errors stopped; `diagnostics` says why. */
export type Generation =
  | (Run & {
      ok: true;
      files: RenderedFile[];
      api: Api;
      /** The API model recorded with the output (`.specforge/api-model.json`), which change reports compare. */
      model: ApiModel;
      /** The files read beyond the `--spec` inputs: the parts their refs named, which the output's fingerprint covers. */
      parts: Part[];
    })
  | (Run & { ok: false });

/** Adds file, line and column to a stage's diagnostic, from the loader's source map. */
const locator = (source: SpecSource, into: Diagnostic[]) => (d: DiagnosticInput) => {
  const at = source.locate(d.pointer);
  into.push(
    at
      ? { ...d, file: at.file ?? source.file, line: at.line, column: at.column, pointer: at.pointer ?? d.pointer }
      : { ...d, file: source.file },
  );
};

/** Files after the emit stage; the identity unless `--prettier` restyles them (format/prettier.ts). */
export type Formatter = (files: RenderedFile[]) => Promise<RenderedFile[]>;

const unformatted: Formatter = async (files) => files;

/**
 * The one place that knows the order of the stages:
 * load -> validate -> (merge) -> IR -> names -> emit (print trees printed by print/, templates/) ->
 * format (only with --prettier). Errors stop the run after the stage that found them; warnings
 * travel along. `format` is a parameter so that `--prettier` can restyle the output and tests can
 * make the last stage fail and prove that nothing was written.
 */
export async function generate(
  specPath: InputLike,
  format: Formatter = unformatted,
  /** Told when each stage starts, with what it works on once that is known (for a progress line). */
  onStage: (stage: Stage, counts?: Record<string, number>) => void = () => undefined,
  /** Files the last run wrote that this one may take as they are (emit/reuse.ts). */
  reuse: Reuse = renderAll,
): Promise<Generation> {
  const diagnostics: Diagnostic[] = [];
  const timings: Generation["timings"] = {};
  const timed = <T>(stage: Stage, run: () => T): T => {
    onStage(stage);
    const start = performance.now();
    const add = (): void => void (timings[stage] = (timings[stage] ?? 0) + performance.now() - start);
    const result = run();
    // An asynchronous stage (reading Swagger 2.0) counts until it settles.
    if (result instanceof Promise) return result.finally(add) as T;
    add();
    return result;
  };
  const analysis = await analyzeForEmit(specPath, diagnostics, timed);
  if (!analysis) return { ok: false, diagnostics, timings };
  onStage("emit", { operation: analysis.api.operations.length, schema: analysis.api.schemas.length });
  const { api, names, inputFiles, parts } = analysis;
  const files = await emitOutput({ api, names }, { format, timed, timings, emit: asInput(specPath).emit ?? DEFAULT_EMIT, reuse });
  const model = apiModel(api, names, inputFiles, timed);
  files.push(modelFile(model));
  return { ok: true, files, api, model, parts, diagnostics, timings };
}

/**
 * What `generate` keeps of an analysis. The documents only diagnostics needed, and they are half
 * of what it holds for a large spec (Microsoft Graph beta: 160 of 340 MiB); the API model is built
 * after the code is printed. Neither is then live while the code is printed, when the heap grows
 * most, and V8 sizes the heap by what is live.
 */
async function analyzeForEmit(
  specPath: InputLike,
  diagnostics: Diagnostic[],
  timed: Timer,
): Promise<{ api: Api; names: NameTable; inputFiles: string[]; parts: Part[] } | undefined> {
  const analysis = await analyzeIr(specPath, diagnostics, timed);
  return analysis && { api: analysis.api, names: analysis.names, inputFiles: analysis.inputFiles, parts: partsRead(analysis.inputs) };
}

/** How `emitOutput` runs: all optional, as the watch mode needs none but the emit options. */
interface EmitRun {
  format?: Formatter;
  timed?: Timer;
  timings?: Generation["timings"];
  emit?: EmitOptions;
  reuse?: Reuse;
}

/**
 * emit -> format: the code of `generate`, from an analysis (the watch mode keeps one), and
 * package.json. The API model's file is the caller's to add.
 */
export async function emitOutput({ api, names }: Pick<Analysis, "api" | "names">, run: EmitRun = {}): Promise<RenderedFile[]> {
  const { format = unformatted, timed = (_stage, work) => work(), timings = {}, emit = DEFAULT_EMIT, reuse = renderAll } = run;
  const emitted = timed("emit", () => [emitTypesFile(api, names) ?? [], emitTextFiles(api, names, emit, reuse)].flat());
  const start = performance.now();
  const files = await format(emitted);
  timings.format = performance.now() - start;
  // Already deterministic JSON: never restyled.
  files.push(packageJsonFile());
  return files;
}

type Timer = <T>(stage: Stage, run: () => T) => T;

export interface Analysis {
  /** The document the IR was built from: the one input, or the inputs merged. */
  source: SpecSource;
  /** Each input document, loaded (and filtered). */
  inputs: SpecSource[];
  api: Api;
  names: NameTable;
  model: ApiModel;
}

/** load -> filter: the documents of the inputs, each bundled (and converted from Swagger 2.0), with only the operations the filters keep. */
export async function loadDocuments(
  input: InputLike,
  diagnostics: Diagnostic[],
  timed: Timer = (_stage, run) => run(),
): Promise<SpecSource[]> {
  const { specs, filters } = asInput(input);
  const loaded = await timed("load", () => loadInputs(specs, diagnostics));
  // Filtered before validation: what a filter leaves out cannot stop or warn the run.
  return hasFilters(filters)
    ? loaded.map((s) => (isRecord(s.document) ? { ...s, document: filterDocument(s.document, filters) } : s))
    : loaded;
}

/** load -> validate -> (merge) -> IR -> names -> API model: the first half of `generate`, and all of `compare`. */
export async function analyzeWith(
  specPath: InputLike,
  diagnostics: Diagnostic[],
  timed: Timer = (_stage, run) => run(),
): Promise<Analysis | undefined> {
  const analysis = await analyzeIr(specPath, diagnostics, timed);
  if (!analysis) return undefined;
  const { source, inputs, api, names, inputFiles } = analysis;
  return { source, inputs, api, names, model: apiModel(api, names, inputFiles, timed) };
}

/** The API model: what the output records and change reports compare. Merged inputs are named in it. */
function apiModel(api: Api, names: NameTable, inputFiles: string[], timed: Timer): ApiModel {
  const model = timed("model", () => buildApiModel(api, names));
  if (inputFiles.length > 0) model.inputs = inputFiles;
  return model;
}

/** load -> validate -> (merge) -> IR -> names, and the input files' names when there are several inputs. */
async function analyzeIr(
  specPath: InputLike,
  diagnostics: Diagnostic[],
  timed: Timer,
): Promise<(Omit<Analysis, "model"> & { inputFiles: string[] }) | undefined> {
  const { specs: paths, naming } = asInput(specPath);
  const inputs = await loadDocuments(specPath, diagnostics, timed);
  if (inputs.length === 0 || hasErrors(diagnostics)) return undefined;
  const documents = timed("validate", () => inputs.map((input) => validateDocument(input.document, locator(input, diagnostics))));
  if (hasErrors(diagnostics) || !documents.every((d) => d !== undefined)) return undefined;
  const source =
    inputs.length === 1
      ? inputs[0]!
      : timed("merge", () =>
          mergeDocuments(
            inputs.map((input, i) => ({ source: input, document: documents[i]! })),
            inputsLabel(paths, inputs),
            diagnostics,
          ),
        );
  if (hasErrors(diagnostics)) return undefined;
  const api = timed("ir", () => buildIr(source.document as Record<string, unknown>, locator(source, diagnostics)));
  if (hasErrors(diagnostics)) return undefined;
  const names = timed("names", () => planNames(api, naming));
  const files = [...new Set(inputs.map((input) => resolve(input.file)))];
  return { source, inputs, api, names, inputFiles: files.length > 1 || inputs.length > 1 ? fromCommonFolder(files) : [] };
}

/** Paths from the deepest folder holding them all: the same wherever the generator runs from, and wherever the project lies. */
function fromCommonFolder(files: string[]): string[] {
  let common = dirname(files[0]!);
  while (files.some((file) => relative(common, file).split(sep)[0] === "..")) common = dirname(common);
  return files.map((file) => relative(common, file).split(sep).join("/")).sort();
}

/** How merged inputs are named (in the merged document's diagnostics): the folders and files given. */
function inputsLabel(paths: readonly string[], inputs: SpecSource[]): string {
  if (inputs.length === 1) return basename(inputs[0]!.file);
  const names = paths.map((p) => {
    const name = basename(p.replace(/[\\/]+$/, ""));
    return existsSync(p) && statSync(p).isDirectory() ? `${name}/` : name;
  });
  return names.length <= 3 ? names.join(", ") : `${names.slice(0, 2).join(", ")} and ${names.length - 2} more`;
}

/** The API model of a spec, without generating code (`specforge compare`). */
export async function analyze(specPath: InputLike): Promise<{ model?: ApiModel; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const analysis = await analyzeWith(specPath, diagnostics, (_stage, run) => run());
  return analysis ? { model: analysis.model, diagnostics } : { diagnostics };
}
