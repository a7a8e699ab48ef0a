import type { Api } from "../../ir/model.js";
import type { NameTable } from "../../names/plan.js";
import { docComment, propertyKey, stringLiteral } from "../escape.js";
import type { Template } from "../templates.js";
import type { OperationView } from "./view-model.js";

export interface RenderedFile {
  path: string;
  content: string;
}

/** Operations grouped by client group, groups and operations in spec order of first appearance. */
export function groupViews(views: OperationView[]): { group: string; operations: OperationView[] }[] {
  const groups = new Map<string, OperationView[]>();
  for (const view of views) groups.set(view.group, [...(groups.get(view.group) ?? []), view]);
  return [...groups].map(([group, operations]) => ({ group, operations }));
}

/** One `operations/<group>.ts` per client group. */
export function renderOperationFiles(template: Template, views: OperationView[], names: NameTable, header: string): RenderedFile[] {
  return groupViews(views).map(({ group, operations }) => {
    const ids = new Set(operations.flatMap((o) => o.schemaIds));
    const typeImports = [...new Set([...ids].map((id) => names.schemas.get(id)!.type))].sort().join(", ");
    return { path: `operations/${group}.ts`, content: template({ header, typeImports, operations }) };
  });
}

export function renderClient(template: Template, views: OperationView[], header: string): string {
  const groups = groupViews(views);
  const imports = groups.map(({ group, operations }) => ({
    file: group,
    names: operations.flatMap((o) => [o.fn, `type ${o.paramsType}`]).join(", "),
  }));
  const groupsView = groups.map(({ group, operations }) => ({
    key: propertyKey(group),
    methods: operations.map((o) => ({ ...o, key: o.method, doc: docComment([o.link]) })),
  }));
  return template({ header, imports, groups: groupsView });
}

export function renderRuntime(template: Template, api: Api, names: NameTable, header: string): string {
  const environments = api.servers.map((server, i) => ({
    key: propertyKey(names.environments[i]!),
    url: stringLiteral(server.url),
    doc: docComment([server.description]),
  }));
  return template({ header, environments, defaultEnvironment: names.environments[0] ?? "production" });
}
