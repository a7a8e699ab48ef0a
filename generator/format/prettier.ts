import type { Options } from "prettier";
import type { RenderedFile } from "../files.js";
import type { Segment } from "../files.js";
import { joinSegments, segmentMarker } from "../emit/segments.js";
import { formatOnWorker, startFormatWorker } from "./worker.js";

/**
 * Pinned here rather than read from the user's .prettierrc: the same spec must give the same
 * bytes on every machine, whatever formatting config sits around the output folder. babel-ts
 * parses about a third faster than the typescript parser and prints the same output for the
 * code this generator writes (the output tests check that prettier leaves every file as is).
 */
export const PRETTIER_OPTIONS: Options = {
  parser: "babel-ts",
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

/** Formatted statements from earlier runs, by their unformatted text (see format/cached.ts). */
export interface SegmentCache {
  get(text: string): string | undefined;
  set(text: string, formatted: string): void;
}

/** Below this much spec text (bytes of the file, or characters once read), starting a worker costs more than it saves. */
const WORKER_FROM_SPEC_SIZE = 256 * 1024;

/**
 * A run that started no worker up front (a small spec, or a run cache holding the last run's
 * formatted statements) starts one for a job this large, to format it while ts-morph prints.
 */
const WORKER_FROM_JOB_SIZE = 64 * 1024;

/** Starts prettier's worker thread, before the spec is analyzed, when a spec of this size gains from it. */
export const startFormatting = (specSize: number): void => {
  if (specSize >= WORKER_FROM_SPEC_SIZE) startFormatWorker(PRETTIER_OPTIONS);
};

/** On the worker thread when one runs or the job is large; else here, loading prettier on first use. */
function formatText(text: string): Promise<string> {
  if (text.length >= WORKER_FROM_JOB_SIZE) startFormatWorker(PRETTIER_OPTIONS);
  return formatOnWorker(text, PRETTIER_OPTIONS) ?? import("prettier").then(({ format }) => format(text, PRETTIER_OPTIONS));
}

/**
 * prettier over every file. A file whose emitter marked its statements has only those not in
 * their final layout formatted, all in one call, told apart again by the marker between them.
 */
export async function formatFiles(files: RenderedFile[], cache?: SegmentCache): Promise<RenderedFile[]> {
  return Promise.all(
    files.map(async (file): Promise<RenderedFile> => {
      if (!file.statements) return { path: file.path, content: await formatText(file.content) };
      const todo = [...new Set(file.statements.segments.filter((s) => !s.final && cache?.get(s.text) === undefined).map((s) => s.text))];
      const separator = `\n${segmentMarker(false)}\n`;
      const formatted = todo.length === 0 ? [] : (await formatText(todo.join(`\n${separator}\n`))).split(separator).map((t) => t.trim());
      if (formatted.length !== todo.length) throw new Error(`prettier: ${file.path}: statements were merged or split`);
      todo.forEach((text, i) => cache?.set(text, formatted[i]!));
      const done = new Map(todo.map((text, i) => [text, formatted[i]!]));
      const segments = file.statements.segments.map((s): Segment =>
        s.final ? s : { text: done.get(s.text) ?? cache!.get(s.text)!, final: true },
      );
      return { path: file.path, content: joinSegments({ header: file.statements.header, segments }) };
    }),
  );
}
