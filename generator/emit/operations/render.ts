import type { Api } from "../../ir/model.js";
import type { NameTable } from "../../names/plan.js";
import { docComment, propertyKey, stringLiteral, templateText } from "../escape.js";
import { arrowProperty, importStatement } from "../layout.js";
import { modulePath, type EmitOptions } from "../modules.js";
import { markedFile, segmentMarker } from "../segments.js";
import type { Template } from "../templates.js";
import type { RenderedFile } from "../../files.js";
import type { OperationView } from "./view-model.js";

/** Operations grouped by file, files and operations in spec order of first appearance. */
export function fileViews(views: OperationView[]): { file: string; operations: OperationView[] }[] {
  const files = new Map<string, OperationView[]>();
  for (const view of views) files.set(view.file, [...(files.get(view.file) ?? []), view]);
  return [...files].map(([file, operations]) => ({ file, operations }));
}

/** One `operations/<file>.ts` per client group. */
export function renderOperationFiles(
  template: Template,
  views: OperationView[],
  names: NameTable,
  header: string,
  options: EmitOptions,
): RenderedFile[] {
  return fileViews(views).map(({ file, operations }) => {
    const ids = new Set(operations.flatMap((o) => o.schemaIds));
    const typeImports = [...new Set([...ids].map((id) => names.schemas.get(id)!.type))].sort();
    const helpers = [...new Set(operations.flatMap((o) => o.helpers))].sort();
    const uploads = operations.some((o) => o.fields.some((f) => f.type.startsWith("Uploadable<")));
    const ranges = ["ClientErrorStatus", "ServerErrorStatus"].filter((t) => operations.some((o) => o.errorAlias.includes(t)));
    const runtimeImports = [
      "ApiError",
      "request",
      "type RequestOptions",
      ...ranges.map((t) => `type ${t}`),
      ...(uploads ? ["type Uploadable"] : []),
    ];
    const imports = [importStatement(runtimeImports, modulePath("../runtime", options))];
    if (typeImports.length > 0) imports.push(importStatement(typeImports, modulePath("../types", options), true));
    if (helpers.length > 0) imports.push(importStatement(helpers, modulePath("../wire", options)));
    return markedFile(`operations/${file}.ts`, template({ header, segment: segmentMarker(true), imports: imports.join("\n"), operations }));
  });
}

interface GroupView {
  key: string;
  /** Each method's JSDoc and its arrow function, laid out for the group's depth. */
  methods: { doc: string; property: string }[];
  groups: GroupView[];
}

/** Where a top-level group's key starts inside `createClient`; each level nests two more. */
const GROUP_COLUMN = 4;

/** The client's nested groups: `client.voices.pvc.samples.create`. */
function groupTree(views: OperationView[]): GroupView[] {
  const root: GroupView = { key: "", methods: [], groups: [] };
  for (const view of views) {
    let node = root;
    for (const segment of view.groupPath) {
      const key = propertyKey(segment);
      let child = node.groups.find((g) => g.key === key);
      if (!child) node.groups.push((child = { key, methods: [], groups: [] }));
      node = child;
    }
    // The template indents each group's lines by its depth; the width check needs the column.
    const column = GROUP_COLUMN + 2 * view.groupPath.length;
    for (const f of view.functions) {
      const parameters = [`params: ${view.paramsType}${view.paramsOptional ? " = {}" : ""}`, "options?: RequestOptions"];
      const property = arrowProperty(" ".repeat(column), f.method, parameters, f.fn, ["params", "withDefaults(defaults, options)"]);
      node.methods.push({ doc: docComment([f.link]), property: property.replace(new RegExp(`^ {${column - 2}}`, "gm"), "") });
    }
  }
  return root.groups;
}

export function renderClient(template: Template, views: OperationView[], header: string, options: EmitOptions): RenderedFile {
  const imports = fileViews(views).map(({ file, operations }) =>
    importStatement(
      operations.flatMap((o) => [...o.functions.map((f) => f.fn), `type ${o.paramsType}`]),
      modulePath(`./operations/${file}`, options),
    ),
  );
  return markedFile(
    "client.ts",
    template({
      header,
      runtime: modulePath("./runtime", options),
      segment: segmentMarker(true),
      imports: imports.join("\n"),
      groups: groupTree(views),
    }),
  );
}

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

const statuses = (from: number): string => Array.from({ length: 100 }, (_, i) => from + i).join(" | ");

export function renderRuntime(template: Template, api: Api, names: NameTable, header: string): string {
  const withDefaults = (url: string, vars: Api["servers"][number]["variables"]): string =>
    vars.reduce((u, v) => u.split(`{${v.name}}`).join(v.default), url);
  const environments = api.servers.map((server, i) => ({
    key: propertyKey(names.environments[i]!),
    url: stringLiteral(withDefaults(server.url, server.variables)),
    doc: docComment([server.description]),
  }));
  const serverUrls = api.servers.flatMap((server, i) => {
    if (server.variables.length === 0) return [];
    const parts = server.url.split(/(\{[^}]*\})/);
    const template = parts
      .map((part) => {
        const v = server.variables.find((x) => `{${x.name}}` === part);
        return v ? `\${variables[${stringLiteral(v.name)}] ?? ${stringLiteral(v.default)}}` : templateText(part);
      })
      .join("");
    const variablesType = server.variables
      .map(
        (v) =>
          `${docComment([v.description])} ${propertyKey(v.name)}?: ${v.enum && v.enum.length > 0 ? v.enum.map(stringLiteral).join(" | ") : "string"};`,
      )
      .join("\n");
    return [{ key: propertyKey(names.environments[i]!), doc: docComment([server.description]), template, variablesType }];
  });
  const first = api.servers[0];
  return template({
    header,
    environments,
    serverUrls,
    defaultEnvironment: names.environments[0] ?? "production",
    apiKeyDoc: apiKeyDoc(api),
    defaultUrl: stringLiteral(first ? withDefaults(first.url, first.variables) : "/"),
    clientErrorStatuses: statuses(400),
    serverErrorStatuses: statuses(500),
  });
}

/** Every helper of templates/wire.ts.hbs, with the internal helpers each one needs. */
const WIRE_HELPERS: Record<string, string[]> = {
  segment: [],
  query: [],
  joined: [],
  deepObject: [],
  cookies: [],
  security: [],
  encodeAs: [],
  formData: [],
  urlEncoded: [],
  asText: [],
  asBlob: [],
  asNothing: [],
  asStream: [],
  asLines: ["parseJson"],
  asEvents: ["parseJson"],
  parseJson: [],
};

/** wire.ts, holding only the helpers some operation uses; undefined when none does. */
export function renderWire(template: Template, views: OperationView[], header: string, ext: string): string | undefined {
  const used = new Set(views.flatMap((v) => v.helpers));
  if (used.size === 0) return undefined;
  for (const helper of [...used]) for (const needed of WIRE_HELPERS[helper] ?? []) used.add(needed);
  const uses = Object.fromEntries(Object.keys(WIRE_HELPERS).map((h) => [h, used.has(h)]));
  const runtimeImports = [...(used.has("parseJson") ? ["ParseError"] : []), ...(used.has("security") ? ["type RequestOptions"] : [])].join(
    ", ",
  );
  return template({ header, ext, uses, runtimeImports });
}
