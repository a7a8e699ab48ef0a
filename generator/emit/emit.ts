import { Project, StructureKind, type StatementStructures } from "ts-morph";
import type { Api } from "../ir/model.js";
import type { NameTable } from "../names/plan.js";
import { fileHeader } from "./header.js";
import { fileViews, renderClient, renderOperationFiles, renderRuntime, renderWire, type RenderedFile } from "./operations/render.js";
import { operationViews } from "./operations/view-model.js";
import { loadTemplates } from "./templates.js";
import { schemaDeclarations } from "./types/declarations.js";
import { guardModule } from "./types/guards.js";

/**
 * The emit stage: IR + names -> unformatted TypeScript files. Types and guards are built as
 * ts-morph structures and printed once; operations, the client, the runtime and the index are
 * rendered from templates/.
 */
export function emitFiles(api: Api, names: NameTable, specName: string): RenderedFile[] {
  const header = fileHeader(specName);
  const templates = loadTemplates(["runtime", "wire", "operations", "client", "index"] as const);
  const project = new Project({ useInMemoryFileSystem: true });
  const print = (path: string, statements: (string | StatementStructures)[]): RenderedFile => ({
    path,
    content: project.createSourceFile(path, { statements: [header, ...statements] }).getFullText(),
  });

  const files: RenderedFile[] = [print("types.ts", schemaDeclarations(api, names))];
  const guards = guardModule(api, names);
  if (guards.statements.length > 0) {
    files.push(
      print("guards.ts", [
        { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./types.js", isTypeOnly: true, namedImports: guards.typeImports },
        ...(guards.usesUnknownVariantError
          ? [{ kind: StructureKind.ImportDeclaration as const, moduleSpecifier: "./runtime.js", namedImports: ["UnknownVariantError"] }]
          : []),
        "const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === \"object\" && value !== null && !Array.isArray(value);",
        ...guards.statements,
      ]),
    );
  }
  const views = operationViews(api, names);
  files.push(...renderOperationFiles(templates.operations, views, names, header));
  files.push({ path: "client.ts", content: renderClient(templates.client, views, header) });
  files.push({ path: "runtime.ts", content: renderRuntime(templates.runtime, api, names, header) });
  const wire = renderWire(templates.wire, views, header);
  if (wire !== undefined) files.push({ path: "wire.ts", content: wire });
  files.push({
    path: "index.ts",
    content: templates.index({
      header,
      hasGuards: guards.statements.length > 0,
      hasServerUrls: api.servers.some((s) => s.variables.length > 0),
      operationFiles: fileViews(views).map((g) => g.file),
    }),
  });
  return files;
}
