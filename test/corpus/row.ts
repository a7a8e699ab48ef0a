/** One spec's line of the corpus table. */
export interface CorpusRow {
  id: string;
  /** Spec file size, bytes. */
  bytes: number;
  operations: number;
  schemas: number;
  /**
   * What `specforge generate` would exit with: 0 generated, 2 refused for the spec's errors.
   * `crash`: the generator threw (an internal error); `timeout`: it ran over the per-spec limit.
   */
  exit: 0 | 2 | "crash" | "timeout";
  /** Warning codes and how often each was reported. */
  warnings: Record<string, number>;
  /** Error codes (exit 2), with the first message of each. */
  errors: Record<string, string>;
  /** For a crash: the exception's first lines. */
  crash?: string;
  /** tsc diagnostics of the generated output, `file(line,col): message`; undefined when nothing was compiled. */
  compileErrors?: string[];
  /** Generation time in the worker, milliseconds. */
  ms: number;
  /** Bytes of TypeScript generated, which sizes the compile batches. */
  outputBytes: number;
  /** The folder the output went to; the compile step reads it. */
  out?: string;
}

/** Generated and compiled cleanly. */
export const passed = (row: CorpusRow): boolean => row.exit === 0 && row.compileErrors !== undefined && row.compileErrors.length === 0;

/** Refused with exit 2 and only coded errors: a spec defect, reported as such. */
export const refused = (row: CorpusRow): boolean => row.exit === 2;
