import { buildApiModel } from "../changes/snapshot.js";
import { DEFAULT_EMIT, type EmitOptions } from "../emit/modules.js";
import { MODEL_FILE, modelFile } from "../changes/record.js";
import { hasErrors, type Diagnostic, type DiagnosticInput } from "../diagnostics.js";
import { emitGuardsFile } from "../emit/text-emit.js";
import { schemaTexts, typesFile } from "../emit/types-emit.js";
import type { RenderedFile } from "../files.js";
import { guardedSchemas } from "../ir/guarded.js";
import { changedSchemas, patchSchemas } from "../ir/incremental.js";
import { joinPointer } from "../load/pointer.js";
import type { SpecSource } from "../load/source.js";
import { analyzeWith, emitOutput, loadDocuments, type Analysis, type Input } from "../pipeline.js";
import { isRecord } from "../records.js";
import { validateSchemaEdit } from "../validate/document.js";

/** What one run of a watch session gave. */
export type Update =
  | { ok: true; files: RenderedFile[]; diagnostics: Diagnostic[]; analysis: Analysis; short: boolean }
  | { ok: false; diagnostics: Diagnostic[] };

/** What the session keeps between runs: the last good analysis and what it was printed as. */
interface State {
  document: unknown;
  analysis: Analysis;
  diagnostics: Diagnostic[];
  /** types.ts as each schema's printed declarations, to put an edited schema's in place. */
  types: string[];
  files: RenderedFile[];
}

/**
 * The analysis of one API kept in memory between edits (`generate --watch`). After an edit of
 * component schemas alone, only those schemas are checked and converted again, the names and
 * operation files are kept, and only their declarations in types.ts, and guards.ts, are printed
 * again (ir/incremental.ts says when that is safe); anything else runs the whole pipeline. Either
 * way the files are those a full run gives, byte for byte (test/watch.test.ts).
 */
export class WatchSession {
  private state: State | undefined;
  /** The API model's lines, by the schema or operation they print. */
  private readonly modelLines = new WeakMap<object, string>();
  private readonly input: Input;
  private readonly emit: EmitOptions;

  constructor(input: Input) {
    this.input = input;
    this.emit = input.emit ?? DEFAULT_EMIT;
  }

  async update(): Promise<Update> {
    const diagnostics: Diagnostic[] = [];
    const sources = await loadDocuments(this.input, diagnostics);
    if (sources.length === 0 || hasErrors(diagnostics)) return { ok: false, diagnostics };
    const short = this.state && sources.length === 1 ? await this.shortUpdate(this.state, sources[0]!, diagnostics) : undefined;
    if (short) return short;
    return this.fullUpdate();
  }

  /** The whole pipeline. */
  private async fullUpdate(): Promise<Update> {
    const diagnostics: Diagnostic[] = [];
    const analysis = await analyzeWith(this.input, diagnostics);
    if (!analysis) return { ok: false, diagnostics };
    const files = [...(await emitOutput(analysis, { emit: this.emit })), modelFile(analysis.model)];
    this.state =
      analysis.inputs.length === 1
        ? {
            document: analysis.inputs[0]!.document,
            analysis,
            diagnostics,
            types: schemaTexts(analysis.api, analysis.names),
            files,
          }
        : undefined;
    return { ok: true, files, diagnostics, analysis, short: false };
  }

  /** After an edit of component schemas only: those schemas again; undefined to run everything. */
  private async shortUpdate(state: State, source: SpecSource, loadDiagnostics: Diagnostic[]): Promise<Update | undefined> {
    const document = source.document;
    const changed = changedSchemas(state.document, document);
    if (changed === undefined || !isRecord(document) || !isRecord(state.document)) return undefined;
    const found: Diagnostic[] = [...loadDiagnostics];
    const report = (d: DiagnosticInput): void => {
      const at = source.locate(d.pointer);
      found.push(
        at
          ? { ...d, file: at.file ?? source.file, line: at.line, column: at.column, pointer: at.pointer ?? d.pointer }
          : { ...d, file: source.file },
      );
    };
    validateSchemaEdit(document, changed, report);
    if (hasErrors(found)) return { ok: false, diagnostics: found };
    const { api, names } = state.analysis;
    const patch = patchSchemas(api, document, state.document, changed, report);
    if (!patch) return undefined;
    if (hasErrors(found)) return { ok: false, diagnostics: found };
    const prefixes = changed.map((name) => joinPointer("/components/schemas", name));
    // The other problems stand as they were, at the lines the edit moved them to; a problem in
    // another file than the spec's (a part it references) could have moved in ways not seen here.
    if (state.diagnostics.some((d) => d.file !== source.file)) return undefined;
    const kept = state.diagnostics
      .filter((d) => !prefixes.some((p) => d.pointer === p || d.pointer.startsWith(`${p}/`)))
      .map((d) => {
        const at = source.locate(d.pointer);
        return at ? { ...d, line: at.line, column: at.column } : d;
      });
    const diagnostics = [...kept, ...found];
    const rebuilt = buildApiModel({ ...patch.api, schemas: patch.rebuilt, operations: [] }, names).schemas;
    const model = { ...state.analysis.model, schemas: { ...state.analysis.model.schemas, ...rebuilt } };
    const analysis: Analysis = { ...state.analysis, source, inputs: [source], api: patch.api, model };
    // The operation files print from the operations and the names, both as they were; guards.ts
    // from the guarded schemas (the same set, patchSchemas checked), so only if one was rebuilt.
    const ids = new Set(patch.rebuilt.map((s) => s.id));
    const guards = guardedSchemas(patch.api).some((s) => ids.has(s.id)) ? emitGuardsFile(patch.api, names, this.emit) : undefined;
    const types = this.spliceTypes(state, patch.api, patch.rebuilt);
    const fresh = new Map([typesFile(types, patch.api, names), ...(guards ? [guards] : [])].map((f) => [f.path, f]));
    fresh.set(MODEL_FILE, modelFile(model, this.modelLines));
    const files = state.files.map((f) => fresh.get(f.path) ?? f);
    this.state = { document, analysis, diagnostics, types, files };
    return { ok: true, files, diagnostics, analysis, short: true };
  }

  /** Each schema's declarations, the rebuilt schemas' printed again. */
  private spliceTypes(state: State, api: Analysis["api"], rebuilt: Analysis["api"]["schemas"]): string[] {
    const texts = schemaTexts({ ...api, schemas: rebuilt }, state.analysis.names);
    const printed = new Map(rebuilt.map((schema, i) => [schema.id, texts[i]!]));
    return api.schemas.map((schema, i) => printed.get(schema.id) ?? state.types[i]!);
  }
}
