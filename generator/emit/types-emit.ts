import type { Api } from "../ir/model.js";
import type { NameTable } from "../names/plan.js";
import { FILE_HEADER } from "./header.js";
import type { RenderedFile } from "../files.js";
import { markedFile, segmentMarker, type Printable } from "./segments.js";
import { printStatements } from "./ts-morph.js";
import { schemaDeclarations } from "./types/declarations.js";

/** The second half of the emit stage: types.ts, built as ts-morph structures and printed at once. */
export function emitTypesFile(api: Api, names: NameTable): RenderedFile {
  const printables: Printable[] = schemaDeclarations(api, names);
  const statements = [FILE_HEADER, ...printables.flatMap((p) => [segmentMarker(p.finalWhenFits), p.statement])];
  // A type broken over lines leaves ts-morph's space after its `:` or `=` at a line's end.
  return markedFile("types.ts", printStatements(statements).replace(/ +$/gm, ""));
}
