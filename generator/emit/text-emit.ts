import { guardedSchemas } from "../ir/guarded.js";
import type { Api } from "../ir/model.js";
import type { NameTable } from "../names/plan.js";
import { printFile } from "./print/lines.js";
import { call, id, member, named, str, type Stmt } from "./print/tree.js";
import { FILE_HEADER } from "./header.js";
import { modulePath, type EmitOptions } from "./modules.js";
import { fileViews, renderClient, renderOperationFile, renderRuntime, renderWire } from "./operations/render.js";
import type { RenderedFile } from "../files.js";
import { clientView, operationView, type ClientView } from "./operations/view-model.js";
import { renderAll, renderFile, type Reuse } from "./reuse.js";
import { loadTemplates } from "./templates.js";
import { guardModule } from "./types/guards.js";

/**
 * The emit stage for everything but types.ts (IR + names -> TypeScript files in their final
 * layout): operations, the client, the runtime and the index from templates/, and the guards.
 */
export function emitTextFiles(api: Api, names: NameTable, options: EmitOptions, reuse: Reuse = renderAll): RenderedFile[] {
  const header = FILE_HEADER;
  const templates = loadTemplates(["runtime", "wire", "operations", "client", "index"] as const);
  // One group's views at a time: the full views of a large API (print trees of every type and
  // request) are as much memory as its IR; the client, wire.ts and index.ts need only a little of each.
  const views: ClientView[] = [];
  const files: RenderedFile[] = [];
  for (const { file, operations } of fileViews(api.operations.map((operation, i) => ({ file: names.operations[i]!.file, i })))) {
    const full = operations.map(({ i }) => operationView(api.operations[i]!, names.operations[i]!, names));
    files.push(renderOperationFile(templates.operations, { file, operations: full }, names, header, options, reuse));
    full.forEach((view, k) => (views[operations[k]!.i] = clientView(view)));
  }
  files.push(renderClient(templates.client, views, header, options, reuse));
  files.push(renderRuntime(templates.runtime, api, names, header, reuse));
  const wire = renderWire(templates.wire, views, header, options, reuse);
  if (wire !== undefined) files.push(wire);
  const index = {
    header,
    ext: options.importExtension,
    // types.ts is not written for a spec without schemas (types-emit.ts).
    hasTypes: api.schemas.length > 0,
    hasGuards: guardedSchemas(api).length > 0,
    hasServerUrls: api.servers.some((s) => s.variables.length > 0),
    operationFiles: fileViews(views).map((g) => g.file),
  };
  files.push(renderFile("index.ts", templates.index, index, reuse));
  const guards = guardsFile(api, names, header, options, reuse);
  if (guards) files.push(guards);
  return files;
}

/** guards.ts alone, when some schema needs a guard: the watch mode prints it again after an edit of schemas. */
export const emitGuardsFile = (api: Api, names: NameTable, options: EmitOptions): RenderedFile | undefined =>
  guardsFile(api, names, FILE_HEADER, options, renderAll);

/** `const isRecord = (value: unknown): value is Record<string, unknown> => ...`, which every object check calls. */
const IS_RECORD: Stmt = {
  kind: "const",
  name: "isRecord",
  value: {
    kind: "arrow",
    params: [{ name: "value", type: named("unknown") }],
    returns: { kind: "predicate", param: "value", type: named("Record", [named("string"), named("unknown")]) },
    body: {
      kind: "logical",
      operator: "&&",
      operands: [
        { kind: "binary", operator: "===", left: { kind: "unary", operator: "typeof", argument: id("value") }, right: str("object") },
        { kind: "binary", operator: "!==", left: id("value"), right: id("null") },
        { kind: "unary", operator: "!", argument: call(member("Array", "isArray"), [id("value")]) },
      ],
    },
  },
};

/** guards.ts, when some schema needs a guard. */
function guardsFile(api: Api, names: NameTable, header: string, options: EmitOptions, reuse: Reuse): RenderedFile | undefined {
  const guards = guardModule(api, names);
  if (guards.statements.length === 0) return undefined;
  const imports: Stmt[] = [
    { kind: "import", typeOnly: true, from: modulePath("./types", options), names: guards.typeImports.map((name) => ({ name })) },
  ];
  if (guards.usesUnknownVariantError)
    imports.push({ kind: "import", from: modulePath("./runtime", options), names: [{ name: "UnknownVariantError" }] });
  const view = { header, statements: [...imports, IS_RECORD, ...guards.statements] };
  return renderFile("guards.ts", (v) => printFile(v.header, v.statements), view, reuse);
}
