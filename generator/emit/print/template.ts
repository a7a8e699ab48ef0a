import { align, printDoc, type Doc } from "./doc.js";

/**
 * Templates show the code they emit; where the code holds something whose layout depends on its
 * width (a parameter list, a type, an object literal), the template names a print-tree node
 * (`{{{params parameters}}}`) and a helper leaves a hole for it. The rendered template is then
 * read once into one document: each line of the template's text at its indentation, each hole the
 * node's document, so the printer decides every line break with the text around the hole in view.
 * The template's own text is code already in its final layout (a test runs prettier over it).
 */

/** A hole's mark in rendered text: NUL never reaches it from spec text, which escape.ts escapes in every context. */
const HOLE = /\u0000(\d+)\u0000/;

export const holeMark = (index: number): string => `\u0000${index}\u0000`;

/**
 * The rendered template's text with its holes filled, printed. A group never spans two lines of
 * the template's own text, so each line with a hole is printed on its own, at its indentation
 * (continuation lines indented from it); lines without one are already final.
 */
export function printTemplate(rendered: string, holes: Doc[]): string {
  return rendered
    .split("\n")
    .map((text) => {
      if (!text.includes("\u0000")) return text;
      const indentation = /^ */.exec(text)![0].length;
      const parts = text.slice(indentation).split(HOLE);
      const content = parts.map((part, j) => (j % 2 === 0 ? part : filled(holes, Number(part))));
      return printDoc([" ".repeat(indentation), align(indentation, content)]);
    })
    .join("\n");
}

function filled(holes: Doc[], index: number): Doc {
  const doc = holes[index];
  if (doc === undefined) throw new Error(`template: no hole ${index}`);
  return doc;
}
