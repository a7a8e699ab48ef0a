import type { Doc } from "../ir/model.js";

/** The paragraphs of a JSDoc block for a schema or property, before escaping. */
export function docParagraphs(doc: Doc): (string | undefined)[] {
  return [
    doc.title,
    doc.description,
    doc.default === undefined ? undefined : `@default ${doc.default}`,
    doc.example === undefined ? undefined : `@example ${doc.example}`,
    doc.deprecated ? "@deprecated" : undefined,
  ];
}
