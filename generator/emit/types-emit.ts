import type { Api } from "../ir/model.js";
import type { NameTable } from "../names/plan.js";
import { joinStatements, printStatement } from "./print/lines.js";
import { FILE_HEADER } from "./header.js";
import type { RenderedFile } from "../files.js";
import { schemaStatements } from "./types/declarations.js";

/** Each schema's declarations in types.ts, printed: its type, and an enum's object of values after it. */
export const schemaTexts = (api: Api, names: NameTable): string[] =>
  api.schemas.map((schema) =>
    schemaStatements(schema, names)
      .map((s) => printStatement(s))
      .join("\n\n"),
  );

/** types.ts from its schemas' printed declarations (the watch mode replaces an edited schema's). */
export const typesFile = (texts: string[]): RenderedFile => ({
  path: "types.ts",
  content: joinStatements(FILE_HEADER, texts),
});

/** types.ts: one declaration per named schema, printed in its final layout. */
export const emitTypesFile = (api: Api, names: NameTable): RenderedFile => typesFile(schemaTexts(api, names));
