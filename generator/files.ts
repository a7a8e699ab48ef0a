/**
 * The generated files as they travel from the emitters through the format stage to the writer and
 * the fingerprint. They live outside those folders so that each depends on this module, not on
 * one another.
 */

/**
 * A top-level statement of a generated file. `final` statements are already in the layout
 * prettier gives them, so the format stage skips them: on a large spec most of the output, and
 * formatting was most of the time.
 */
export interface Segment {
  text: string;
  final: boolean;
}

/** A file as its emitter printed it: the header line, and the statements. */
export interface Statements {
  header: string;
  segments: Segment[];
}

export interface RenderedFile {
  path: string;
  content: string;
  /** The statements of `content`, when its emitter marked them: prettier formats only those not final. */
  statements?: Statements;
}
