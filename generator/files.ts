/**
 * The generated files as they travel from the emitters through the format stage to the writer and
 * the fingerprint. They live outside those folders so that each depends on this module, not on
 * one another.
 */

export interface RenderedFile {
  path: string;
  content: string;
  /** For a file a template rendered: the digest of its view, which the fingerprint records (emit/reuse.ts). */
  view?: string;
}
