import type { Api } from "../../ir/model.js";
import type { NameTable } from "../../names/plan.js";
import { call, id, named, str, type Expr, type ObjectMember, type Stmt, type TypeTree } from "../print/tree.js";
import { docComment } from "../escape.js";
import { modulePath, type EmitOptions } from "../modules.js";
import type { Template } from "../templates.js";
import type { RenderedFile } from "../../files.js";
import { renderFile, type Reuse } from "../reuse.js";
import type { ClientView, OperationView } from "./view-model.js";

/** Operations grouped by file, files and operations in spec order of first appearance. */
export function fileViews<V extends { file: string }>(views: V[]): { file: string; operations: V[] }[] {
  const files = new Map<string, V[]>();
  for (const view of views) {
    const list = files.get(view.file);
    if (list) list.push(view);
    else files.set(view.file, [view]);
  }
  return [...files].map(([file, operations]) => ({ file, operations }));
}

/** `import { a, type B } from "from";`: names starting with `type ` import only a type. */
const importOf = (names: string[], from: string, typeOnly = false): Stmt => ({
  kind: "import",
  from,
  typeOnly,
  names: names.map((n) => (n.startsWith("type ") ? { name: n.slice(5), typeOnly: true } : { name: n })),
});

/** The `operations/<file>.ts` of one client group. */
export function renderOperationFile(
  template: Template,
  { file, operations }: { file: string; operations: OperationView[] },
  names: NameTable,
  header: string,
  options: EmitOptions,
  reuse: Reuse,
): RenderedFile {
  const ids = new Set(operations.flatMap((o) => o.schemaIds));
  const typeImports = [...new Set([...ids].map((id) => names.schemas.get(id)!.type))].sort();
  const helpers = [...new Set(operations.flatMap((o) => o.helpers))].sort();
  const ranges = ["ClientErrorStatus", "ServerErrorStatus"].filter((t) =>
    operations.some((o) => o.errorAlias !== undefined && JSON.stringify(o.errorAlias).includes(`"${t}"`)),
  );
  const runtimeImports = [
    "ApiError",
    "request",
    "type RequestOptions",
    ...ranges.map((t) => `type ${t}`),
    ...(operations.some((o) => o.uploads) ? ["type Uploadable"] : []),
  ];
  const imports = [importOf(runtimeImports, modulePath("../runtime", options))];
  if (typeImports.length > 0) imports.push(importOf(typeImports, modulePath("../types", options), true));
  if (helpers.length > 0) imports.push(importOf(helpers, modulePath("../wire", options)));
  return renderFile(`operations/${file}.ts`, template, { header, imports, operations }, reuse);
}

/** The object `createClient` returns: nested groups, each method an arrow calling its operation function. */
function clientObject(views: ClientView[]): Expr {
  interface Group {
    members: ObjectMember[];
    groups: Map<string, Group>;
  }
  const root: Group = { members: [], groups: new Map() };
  for (const view of views) {
    let node = root;
    for (const segment of view.groupPath) {
      let child = node.groups.get(segment);
      if (!child) {
        child = { members: [], groups: new Map() };
        node.groups.set(segment, child);
        node.members.push({ kind: "property", key: segment, value: { kind: "object", properties: child.members, expanded: true } });
      }
      node = child;
    }
    for (const f of view.functions) {
      node.members.push({
        kind: "property",
        key: f.method,
        doc: [f.link],
        value: {
          kind: "arrow",
          params: f.parameters,
          body: call(f.fn, [id("params"), call("withDefaults", [id("defaults"), id("options")])]),
        },
      });
    }
  }
  return { kind: "object", properties: root.members, expanded: true };
}

export function renderClient(template: Template, views: ClientView[], header: string, options: EmitOptions, reuse: Reuse): RenderedFile {
  const imports = fileViews(views).map(({ file, operations }) =>
    importOf(
      operations.flatMap((o) => [...o.functions.map((f) => f.fn), `type ${o.paramsType}`]),
      modulePath(`./operations/${file}`, options),
    ),
  );
  const view = { header, ext: options.importExtension, imports, client: clientObject(views), hasGroups: views.length > 0 };
  return renderFile("client.ts", template, view, reuse);
}

/** The statuses from `from` to `from + 99`. */
const API_KEY_PLACE = { header: "header", query: "query parameter", cookie: "cookie" } as const;

/** The documentation of `ClientOptions.apiKey`: where this API takes its key, from its header parameters and apiKey schemes. */
function apiKeyDoc(api: Api): string {
  const places = new Map<string, string>();
  const add = (name: string, place: keyof typeof API_KEY_PLACE): void => {
    places.set(`${place}:${place === "header" ? name.toLowerCase() : name}`, `the \`${name}\` ${API_KEY_PLACE[place]}`);
  };
  for (const operation of api.operations) {
    if (operation.apiKeyHeader !== undefined) add(operation.apiKeyHeader, "header");
    for (const scheme of operation.security) if (scheme.kind === "apiKey") add(scheme.name, scheme.in);
  }
  const list = [...places.values()];
  if (list.length === 0)
    return docComment(["An API key. No operation of this API takes one (no API key header or apiKey security scheme)."]);
  const where = list.length === 1 ? list[0] : `${list.slice(0, -1).join(", ")} or ${list.at(-1)}`;
  return docComment([`Sent as ${where} by every operation that takes it, unless the call sets it.`]);
}

const statuses = (from: number): number[] => Array.from({ length: 100 }, (_, i) => from + i);

export function renderRuntime(template: Template, api: Api, names: NameTable, header: string, reuse: Reuse): RenderedFile {
  const withDefaults = (url: string, vars: Api["servers"][number]["variables"]): string =>
    vars.reduce((u, v) => u.split(`{${v.name}}`).join(v.default), url);
  const environments: Expr = {
    kind: "object",
    expanded: true,
    properties: api.servers.map((server, i) => ({
      kind: "property",
      key: names.environments[i]!,
      doc: [server.description],
      value: str(withDefaults(server.url, server.variables)),
    })),
  };
  const serverUrls: ObjectMember[] = api.servers.flatMap((server, i): ObjectMember[] => {
    if (server.variables.length === 0) return [];
    const quasis = [""];
    const expressions: Expr[] = [];
    for (const part of server.url.split(/(\{[^}]*\})/)) {
      const v = server.variables.find((x) => `{${x.name}}` === part);
      if (!v) quasis[quasis.length - 1] += part;
      else {
        expressions.push({
          kind: "logical",
          operator: "??",
          operands: [{ kind: "index", object: id("variables"), index: str(v.name) }, str(v.default)],
        });
        quasis.push("");
      }
    }
    const variablesType: TypeTree = {
      kind: "object",
      members: server.variables.map((v) => ({
        kind: "property",
        key: v.name,
        optional: true,
        doc: [v.description],
        type:
          v.enum && v.enum.length > 0 ? { kind: "union", members: v.enum.map((value) => ({ kind: "literal", value })) } : named("string"),
      })),
    };
    return [
      {
        kind: "property",
        key: names.environments[i]!,
        doc: [server.description],
        value: {
          kind: "arrow",
          params: [{ name: "variables", type: variablesType, initializer: { kind: "object", properties: [] } }],
          returns: named("string"),
          body: { kind: "template", quasis, expressions },
        },
      },
    ];
  });
  const first = api.servers[0];
  return renderFile(
    "runtime.ts",
    template,
    {
      header,
      environments,
      serverUrls: serverUrls.length === 0 ? undefined : { kind: "object", properties: serverUrls, expanded: true },
      defaultEnvironment: names.environments[0] ?? "production",
      apiKeyDoc: apiKeyDoc(api),
      defaultUrl: {
        kind: "const",
        name: "defaultUrl",
        value: str(first ? withDefaults(first.url, first.variables) : "/"),
      } satisfies Stmt,
      clientErrorStatuses: statuses(400),
      serverErrorStatuses: statuses(500),
    },
    reuse,
  );
}

/** Every helper of templates/wire.ts.hbs, with the internal helpers each one needs. */
const WIRE_HELPERS: Record<string, string[]> = {
  segment: [],
  text: [],
  jsonText: [],
  query: ["text"],
  joined: ["text"],
  styled: ["joined"],
  cookies: [],
  security: [],
  encodeAs: [],
  encoding: [],
  multipart: ["encoding", "styled", "text"],
  urlEncoded: ["encoding", "styled", "text"],
  asText: [],
  asBlob: [],
  asNothing: [],
  asStream: [],
  asLines: ["parseJson"],
  asEvents: ["parseJson"],
  parseJson: [],
};

/** wire.ts, holding only the helpers some operation uses; undefined when none does. */
export function renderWire(
  template: Template,
  views: ClientView[],
  header: string,
  options: EmitOptions,
  reuse: Reuse,
): RenderedFile | undefined {
  const used = new Set(views.flatMap((v) => v.helpers));
  if (used.size === 0) return undefined;
  // A Set's iteration visits what is added during it: the needs of needs are included.
  for (const helper of used) for (const needed of WIRE_HELPERS[helper] ?? []) used.add(needed);
  const uses = Object.fromEntries(Object.keys(WIRE_HELPERS).map((h) => [h, used.has(h)]));
  const runtimeImports = [...(used.has("parseJson") ? ["ParseError"] : []), ...(used.has("security") ? ["type RequestOptions"] : [])];
  const imports = runtimeImports.length === 0 ? undefined : importOf(runtimeImports, modulePath("./runtime", options));
  return renderFile("wire.ts", template, { header, uses, runtimeImports: imports }, reuse);
}
