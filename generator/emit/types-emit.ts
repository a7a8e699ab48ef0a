import type { Api } from "../ir/model.js";
import type { NameTable } from "../names/plan.js";
import { joinStatements, printStatement } from "./print/lines.js";
import { FILE_HEADER } from "./header.js";
import type { RenderedFile } from "../files.js";
import { schemaStatements } from "./types/declarations.js";
import { incomingStatements } from "./types/incoming.js";

/** Each schema's declarations in types.ts, printed: its type, and an enum's object of values after it. */
export const schemaTexts = (api: Api, names: NameTable): string[] =>
  api.schemas.map((schema) =>
    schemaStatements(schema, names)
      .map((s) => printStatement(s))
      .join("\n\n"),
  );

/**
 * types.ts from its schemas' printed declarations (the watch mode replaces an edited schema's),
 * then the maps of webhooks and callbacks to their payloads.
 */
export const typesFile = (texts: string[], api: Api, names: NameTable): RenderedFile => ({
  path: "types.ts",
  content: joinStatements(FILE_HEADER, [...texts, ...incomingStatements(api, names).map((s) => printStatement(s))]),
});

/**
 * types.ts: one declaration per named schema, printed in its final layout. A spec without schemas
 * has none: a file without an export is no module, and index.ts does not re-export it.
 */
export const emitTypesFile = (api: Api, names: NameTable): RenderedFile | undefined =>
  api.schemas.length === 0 ? undefined : typesFile(schemaTexts(api, names), api, names);
