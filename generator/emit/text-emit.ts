import { guardedSchemas } from "../ir/guarded.js";
import type { Api } from "../ir/model.js";
import type { NameTable } from "../names/plan.js";
import { FILE_HEADER } from "./header.js";
import { importStatement } from "./layout.js";
import { modulePath, type EmitOptions } from "./modules.js";
import { fileViews, renderClient, renderOperationFiles, renderRuntime, renderWire } from "./operations/render.js";
import type { RenderedFile } from "../files.js";
import { operationViews } from "./operations/view-model.js";
import { markedFile, segmentMarker } from "./segments.js";
import { loadTemplates } from "./templates.js";
import { guardModule } from "./types/guards.js";

/**
 * The first half of the emit stage (IR + names -> unformatted TypeScript files), the files written
 * as text: operations, the client, the runtime and the index from templates/, and the guards. The
 * pipeline hands them to prettier before printing the second half, types-emit.ts.
 */
export function emitTextFiles(api: Api, names: NameTable, options: EmitOptions): RenderedFile[] {
  const header = FILE_HEADER;
  const ext = options.importExtension;
  const templates = loadTemplates(["runtime", "wire", "operations", "client", "index"] as const);
  const views = operationViews(api, names);
  const files = renderOperationFiles(templates.operations, views, names, header, options);
  files.push(renderClient(templates.client, views, header, options));
  files.push({ path: "runtime.ts", content: renderRuntime(templates.runtime, api, names, header) });
  const wire = renderWire(templates.wire, views, header, ext);
  if (wire !== undefined) files.push({ path: "wire.ts", content: wire });
  files.push({
    path: "index.ts",
    content: templates.index({
      header,
      ext,
      hasGuards: guardedSchemas(api).length > 0,
      hasServerUrls: api.servers.some((s) => s.variables.length > 0),
      operationFiles: fileViews(views).map((g) => g.file),
    }),
  });
  const guards = guardsFile(api, names, header, options);
  if (guards) files.push(guards);
  return files;
}

/** guards.ts, when some schema needs a guard. */
function guardsFile(api: Api, names: NameTable, header: string, options: EmitOptions): RenderedFile | undefined {
  const guards = guardModule(api, names);
  if (guards.statements.length === 0) return undefined;
  const imports = [importStatement(guards.typeImports, modulePath("./types", options), true)];
  if (guards.usesUnknownVariantError) imports.push(importStatement(["UnknownVariantError"], modulePath("./runtime", options)));
  const isRecord =
    'const isRecord = (value: unknown): value is Record<string, unknown> =>\n  typeof value === "object" && value !== null && !Array.isArray(value);';
  const statements = [imports.join("\n"), isRecord, ...guards.statements];
  return markedFile("guards.ts", [header, ...statements.flatMap((s) => [segmentMarker(true), s])].join("\n"));
}
