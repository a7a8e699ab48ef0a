import { existsSync, statSync } from "node:fs";
import { basename, relative, sep } from "node:path";
import { performance } from "node:perf_hooks";
import type { ApiModel } from "./changes/model.js";
import { modelFile } from "./changes/record.js";
import { buildApiModel } from "./changes/snapshot.js";
import { hasErrors, type Diagnostic, type DiagnosticInput } from "./diagnostics.js";
import { DEFAULT_EMIT, packageJsonFile, type EmitOptions } from "./emit/modules.js";
import { emitTextFiles } from "./emit/text-emit.js";
import type { RenderedFile } from "./files.js";
import { formatFiles, startFormatting } from "./format/prettier.js";
import { buildIr } from "./ir/build.js";
import type { Api } from "./ir/model.js";
import { mergeDocuments } from "./ir/merge/merge.js";
import { loadInputs } from "./load/load-spec.js";
import type { SpecSource } from "./load/source.js";
import { planNames, type NameTable } from "./names/plan.js";
import { validateDocument } from "./validate/document.js";

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

/**
 * The one place that knows the order of the stages:
 * load -> validate -> IR -> names -> emit (handlebars, then ts-morph) -> format (prettier).
 * prettier formats the text half in a worker thread (large specs) while ts-morph prints on this one.
 * Errors stop the run after the stage that found them; warnings travel along. `format` is a
 * parameter so that tests can make the last stage fail and prove that nothing was written.
 * `formatWorker` is false when the caller expects little to format (it holds the last run's
 * formatted statements), so that no core is spent starting prettier on another thread.
 */
export async function generate(
  specPath: string | readonly string[],
  format: (files: RenderedFile[]) => Promise<RenderedFile[]> = formatFiles,
  formatWorker = true,
  emit: EmitOptions = DEFAULT_EMIT,
  /** Told when each stage starts, with what it works on once that is known (for a progress line). */
  onStage: (stage: Stage, counts?: Record<string, number>) => void = () => undefined,
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
  // Workers load prettier while the later stages run.
  const analysis = await analyzeWith(
    specPath,
    diagnostics,
    timed,
    formatWorker ? (source) => startFormatting(source.text.length) : undefined,
  );
  if (!analysis) return { ok: false, diagnostics, timings };
  const { api, names, model } = analysis;
  const counts = { operation: api.operations.length, schema: api.schemas.length };
  const text = timed("emit", () => emitTextFiles(api, names, emit));
  onStage("emit", counts);
  const formattingText = format(text);
  // Awaited below; this only keeps a failure that arrives before then from counting as unhandled.
  formattingText.catch(() => undefined);
  const { emitTypesFile } = await import("./emit/types-emit.js");
  const types = timed("emit", () => emitTypesFile(api, names));
  // Time spent waiting for prettier once everything is printed.
  onStage("format", { file: text.length + 1 });
  const start = performance.now();
  const [formattedTypes, formattedText] = await Promise.all([format([types]), formattingText]);
  timings.format = performance.now() - start;
  const files = [...formattedTypes, ...formattedText];
  // Already deterministic JSON, so they skip prettier.
  files.push(modelFile(model), packageJsonFile());
  return { ok: true, files, api, model, diagnostics, timings };
}

type Timer = <T>(stage: Stage, run: () => T) => T;

interface Analysis {
  source: SpecSource;
  api: Api;
  names: NameTable;
  model: ApiModel;
}

/** load -> validate -> (merge) -> IR -> names -> API model: the first half of `generate`, and all of `compare`. */
async function analyzeWith(
  specPath: string | readonly string[],
  diagnostics: Diagnostic[],
  timed: Timer,
  onLoaded?: (source: SpecSource) => void,
): Promise<Analysis | undefined> {
  const paths = typeof specPath === "string" ? [specPath] : specPath;
  const inputs = await timed("load", () => loadInputs(paths, diagnostics));
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
  onLoaded?.(source);
  const api = timed("ir", () => buildIr(source.document as Record<string, unknown>, locator(source, diagnostics)));
  if (hasErrors(diagnostics)) return undefined;
  const names = timed("names", () => planNames(api));
  const model = timed("model", () => buildApiModel(api, names));
  const files = [...new Set(inputs.map((input) => relative(process.cwd(), input.file).split(sep).join("/")))];
  if (files.length > 1 || inputs.length > 1) model.inputs = files.sort();
  return { source, api, names, model };
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
export async function analyze(specPath: string | readonly string[]): Promise<{ model?: ApiModel; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const analysis = await analyzeWith(specPath, diagnostics, (_stage, run) => run());
  return analysis ? { model: analysis.model, diagnostics } : { diagnostics };
}
