import { createHash } from "node:crypto";
import { buildApiModel } from "../changes/snapshot.js";
import { MODEL_FILE, modelFile } from "../changes/record.js";
import { hasErrors, type Diagnostic, type DiagnosticInput } from "../diagnostics.js";
import { emitGuardsFile } from "../emit/text-emit.js";
import { joinSegments } from "../emit/segments.js";
import type { RenderedFile } from "../files.js";
import { formatFiles, type SegmentCache } from "../format/prettier.js";
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
  /** types.ts before formatting: its statements, to put an edited schema's in place. */
  types: RenderedFile;
  files: RenderedFile[];
}

const sha = (text: string): string => createHash("sha256").update(text).digest("hex");

/**
 * The analysis of one API kept in memory between edits (`generate --watch`). After an edit of
 * component schemas alone, only those schemas are checked and converted again, the names and
 * operation files are kept, and only their statements of types.ts and guards.ts are printed and
 * formatted (ir/incremental.ts says when that is safe); anything else runs the whole pipeline,
 * with prettier's results for unchanged statements and files kept from run to run. Either way
 * the files are those a full run gives, byte for byte (test/watch.test.ts).
 */
export class WatchSession {
  private state: State | undefined;
  private readonly formattedStatements = new Map<string, string>();
  private readonly formattedFiles = new Map<string, string>();
  /** The API model's lines, by the schema or operation they print. */
  private readonly modelLines = new WeakMap<object, string>();
  private readonly input: Input;

  constructor(input: Input) {
    this.input = input;
  }

  async update(): Promise<Update> {
    const diagnostics: Diagnostic[] = [];
    const sources = await loadDocuments(this.input, diagnostics);
    if (sources.length === 0 || hasErrors(diagnostics)) return { ok: false, diagnostics };
    const short = this.state && sources.length === 1 ? await this.shortUpdate(this.state, sources[0]!, diagnostics) : undefined;
    if (short) return short;
    return this.fullUpdate();
  }

  /** The whole pipeline, with the formatted text of earlier runs. */
  private async fullUpdate(): Promise<Update> {
    const diagnostics: Diagnostic[] = [];
    const analysis = await analyzeWith(this.input, diagnostics);
    if (!analysis) return { ok: false, diagnostics };
    let types: RenderedFile | undefined;
    const files = await emitOutput(analysis, (unformatted) => {
      types ??= unformatted.find((f) => f.path === "types.ts");
      return this.format(unformatted);
    });
    this.state =
      analysis.inputs.length === 1 && types
        ? {
            document: analysis.inputs[0]!.document,
            analysis,
            diagnostics,
            types,
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
    const { api, names, specName } = state.analysis;
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
    const guards = guardedSchemas(patch.api).some((s) => ids.has(s.id)) ? emitGuardsFile(patch.api, names, specName) : undefined;
    const types = await this.spliceTypes(state, patch.api, patch.rebuilt, specName);
    const formatted = await this.format([types, ...(guards ? [guards] : [])]);
    const fresh = new Map(formatted.map((f) => [f.path, f]));
    fresh.set(MODEL_FILE, modelFile(model, specName, this.modelLines));
    const files = state.files.map((f) => fresh.get(f.path) ?? f);
    this.state = { document, analysis, diagnostics, types, files };
    return { ok: true, files, diagnostics, analysis, short: true };
  }

  /** types.ts with the statements of the rebuilt schemas printed again and put in place of the old ones. */
  private async spliceTypes(
    state: State,
    api: Analysis["api"],
    rebuilt: Analysis["api"]["schemas"],
    specName: string,
  ): Promise<RenderedFile> {
    const { emitTypesFile } = await import("../emit/types-emit.js");
    const printed = emitTypesFile({ ...api, schemas: rebuilt }, state.analysis.names, specName).statements!.segments;
    const segments = [...state.types.statements!.segments];
    // One statement per schema; enums (which the short way never rebuilds) have a second, their values.
    let at = 0;
    const rebuiltIds = new Set(rebuilt.map((s) => s.id));
    let next = 0;
    for (const schema of api.schemas) {
      const count = state.analysis.names.schemas.get(schema.id)?.enumKeys ? 2 : 1;
      if (rebuiltIds.has(schema.id)) segments.splice(at, count, ...printed.slice(next, (next += count)));
      at += count;
    }
    const statements = { header: state.types.statements!.header, segments };
    return { path: "types.ts", content: joinSegments(statements), statements };
  }

  /** prettier, for statements and files not formatted before in this session. */
  private async format(files: RenderedFile[]): Promise<RenderedFile[]> {
    const cache: SegmentCache = {
      get: (text) => this.formattedStatements.get(text),
      set: (text, formatted) => void this.formattedStatements.set(text, formatted),
    };
    const whole = files.filter((f) => !f.statements);
    const known = whole.filter((f) => this.formattedFiles.has(sha(f.content)));
    const todo = files.filter((f) => !known.includes(f));
    const formatted = await formatFiles(todo, cache);
    todo.forEach((f, i) => {
      if (!f.statements) this.formattedFiles.set(sha(f.content), formatted[i]!.content);
    });
    return files.map((f) =>
      known.includes(f) ? { path: f.path, content: this.formattedFiles.get(sha(f.content))! } : formatted[todo.indexOf(f)]!,
    );
  }
}
