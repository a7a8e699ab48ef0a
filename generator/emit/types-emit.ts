import type { Api } from "../ir/model.js";
import type { NameTable } from "../names/plan.js";
import { fileHeader } from "./header.js";
import type { RenderedFile } from "./operations/render.js";
import { markedFile, segmentMarker, type Printable } from "./segments.js";
import { tsMorph } from "./ts-morph.js";
import { schemaDeclarations } from "./types/declarations.js";

const { IndentationText, Project } = tsMorph;

/** The second half of the emit stage: types.ts, built as ts-morph structures and printed at once. */
export function emitTypesFile(api: Api, names: NameTable, specName: string): RenderedFile {
  const header = fileHeader(specName);
  const project = new Project({ useInMemoryFileSystem: true, manipulationSettings: { indentationText: IndentationText.TwoSpaces } });
  const printables: Printable[] = schemaDeclarations(api, names);
  const statements = [header, ...printables.flatMap((p) => [segmentMarker(p.finalWhenFits), p.statement])];
  // A type broken over lines leaves ts-morph's space after its `:` or `=` at a line's end.
  return markedFile("types.ts", project.createSourceFile("types.ts", { statements }).getFullText().replace(/ +$/gm, ""));
}
