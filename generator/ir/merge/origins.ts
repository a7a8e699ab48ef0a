import { basename } from "node:path";
import type { Diagnostic, DiagnosticInput } from "../../diagnostics.js";
import { splitPointer, joinPointer } from "../../load/pointer.js";
import type { Position, SpecSource } from "../../load/source.js";

/** Where a part of the merged document came from: an input and the pointer into it. */
interface Origin {
  input: number;
  pointer: string;
}

/**
 * The way back from a pointer into the merged document to a file, line and column: each merged
 * part records which input and pointer it came from, and a pointer is located through the longest
 * recorded prefix.
 */
export class Origins {
  private readonly parts = new Map<string, Origin>();
  private readonly inputs: SpecSource[];

  constructor(inputs: SpecSource[]) {
    this.inputs = inputs;
  }

  record(merged: string, input: number, pointer: string): void {
    this.parts.set(merged, { input, pointer });
  }

  /** A position in input `input` at `pointer`, as a diagnostic gives it. */
  at(input: number, pointer: string): Position & { file: string; pointer: string } {
    const source = this.inputs[input]!;
    const found = source.locate(pointer);
    return { line: 1, column: 1, ...found, file: found?.file ?? source.file, pointer: found?.pointer ?? pointer };
  }

  locate(pointer: string): Position & { file: string; pointer: string } {
    const segments = splitPointer(pointer);
    for (let n = segments.length; n >= 0; n--) {
      const origin = this.parts.get(joinPointer("", ...segments.slice(0, n)));
      if (origin) return this.at(origin.input, joinPointer(origin.pointer, ...segments.slice(n)));
    }
    return this.at(0, pointer);
  }

  /** A diagnostic about input `input` at `pointer`. */
  diagnostic(d: DiagnosticInput, input: number): Diagnostic {
    const { file, line, column, pointer } = this.at(input, d.pointer);
    return { ...d, file, line, column, pointer };
  }

  /** `file:line #pointer`, for messages that name a second place. */
  describe(input: number, pointer: string): string {
    const { file, line, pointer: inner } = this.at(input, pointer);
    return `${file}:${line} #${inner}`;
  }
}

/**
 * A short name per input for the names of components that clash: the file name without its
 * extension, or the page title where one file holds several pages; unique, and a valid component key.
 */
export function inputLabels(inputs: SpecSource[]): string[] {
  const perFile = new Map<string, number>();
  for (const input of inputs) perFile.set(input.file, (perFile.get(input.file) ?? 0) + 1);
  const taken = new Set<string>();
  return inputs.map((input, i) => {
    const stem = basename(input.file).replace(/\.[^.]*$/, "");
    const raw = perFile.get(input.file)! > 1 ? (input.label ?? `${stem}_${i + 1}`) : stem;
    const wanted = raw.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_|_$/g, "") || `input_${i + 1}`;
    let label = wanted;
    for (let n = 2; taken.has(label); n++) label = `${wanted}_${n}`;
    taken.add(label);
    return label;
  });
}
