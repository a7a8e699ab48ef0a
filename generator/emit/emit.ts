import { Project, StructureKind, type StatementStructures } from "ts-morph";
import type { Api } from "../ir/model.js";
import type { NameTable } from "../names/plan.js";
import { fileHeader } from "./header.js";
import { groupViews, renderClient, renderOperationFiles, renderRuntime, type RenderedFile } from "./operations/render.js";
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
  const templates = loadTemplates(["runtime", "operations", "client", "index"] as const);
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
  files.push({
    path: "index.ts",
    content: templates.index({ header, hasGuards: guards.statements.length > 0, operationFiles: groupViews(views).map((g) => g.group) }),
  });
  return files;
}
