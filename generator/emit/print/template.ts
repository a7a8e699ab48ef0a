import type { Doc } from "./doc.js";
import type { Hole } from "./holes.js";
import { unit } from "./lines.js";

/**
 * Templates show the code they emit; where the code holds something whose layout depends on its
 * width (a parameter list, a type, an object literal), the template names a print-tree node
 * (`{{{signature parameters returns}}}`) and a helper leaves a hole for it. Each line of the
 * rendered template with a hole is then printed as prettier prints that line's document: the
 * template's own text at its indentation around each hole's document, so the printer decides
 * every line break with the text around the hole in view. The template's own text is code
 * already in its final layout (a test runs prettier over it).
 */

/** A hole's mark in rendered text: NUL never reaches it from spec text, which escape.ts escapes in every context. */
const HOLE = /\u0000(\d+)\u0000/;

export const holeMark = (index: number): string => `\u0000${index}\u0000`;

/**
 * The rendered template's text with its holes filled, printed. A group never spans two lines of
 * the template's own text, so each line with a hole is printed on its own, at its indentation
 * (continuation lines indented from it); lines without one are already final. A hole's node is
 * read only when its line is printed, so no document outlives its line.
 */
export function printTemplate(rendered: string, holes: Hole[]): string {
  return rendered
    .split("\n")
    .map((text) => {
      if (!text.includes("\u0000")) return text;
      const indentation = /^ */.exec(text)![0].length;
      return printLine(indentation, text.slice(indentation).split(HOLE), holes);
    })
    .join("\n");
}

/** One line: the template's text (even parts) around holes (odd parts, by index). */
function printLine(indentation: number, parts: string[], holes: Hole[]): string {
  const holeAt = (j: number): Hole => filled(holes, Number(parts[j]));
  if (parts.length === 3) {
    const layout = holeAt(1).lines?.(indentation, parts[0]!, parts[2]!);
    if (layout !== undefined) return layout;
  }
  let flat: string | undefined = "";
  for (let j = 0; j < parts.length && flat !== undefined; j++) {
    const part = j % 2 === 0 ? parts[j] : holeAt(j).flat();
    flat = part === undefined ? undefined : flat + part;
  }
  return unit(indentation, flat, () => parts.map((part, j): Doc => (j % 2 === 0 ? part : holeAt(j).doc())));
}

function filled(holes: Hole[], index: number): Hole {
  const hole = holes[index];
  if (hole === undefined) throw new Error(`template: no hole ${index}`);
  return hole;
}
