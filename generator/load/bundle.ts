import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { isRecord } from "../records.js";
import { joinPointer, refToPointer, resolvePointer, splitPointer } from "./pointer.js";
import { walk, type NodeKind } from "./walk.js";
import { readSpec, type Position, type SpecSource } from "./source.js";

/** Where a bundled component came from, so diagnostics inside it point at the right file. */
interface Origin {
  prefix: string;
  source: SpecSource;
  pointer: string;
}

/**
 * Multi-file specs: every `$ref` into another file (`./schemas.yaml#/Pet`) is replaced by a local
 * ref to a copy of its target under `components/<kind>/<name>` of the root document, recursively
 * and relative to the file that holds it, so the later stages see one document. A target already
 * under `components/<kind>/<name>` keeps that kind and name; others become schemas named after
 * their last pointer segment or file. Cycles through files end at the first repeat.
 */
export function bundle(root: SpecSource, diagnostics: Diagnostic[]): SpecSource {
  if (!isRecord(root.document) || !root.text.includes("$ref") || !refersToFiles(root.document)) return root;
  const document = structuredClone(root.document);
  const sources = new Map<string, SpecSource>([[resolve(root.file), root]]);
  const placed = new Map<string, string>();
  const origins: Origin[] = [];
  const components = (isRecord(document.components) ? document.components : (document.components = {})) as Record<string, unknown>;
  const schemas = (isRecord(components.schemas) ? components.schemas : (components.schemas = {})) as Record<string, unknown>;

  /** A file's parsed source; a missing file is left to validate/refs.ts, a broken one reports E_SYNTAX. */
  const load = (file: string): SpecSource | undefined => {
    if (!sources.has(file) && existsSync(file)) {
      const found = readSpec(file, diagnostics);
      if (found) sources.set(file, found);
    }
    return sources.get(file);
  };

  /** Rewrites the refs inside `node`, a node of the given kind that lives in `source`, in place. */
  const rewrite = (node: Record<string, unknown>, source: SpecSource, at: string, kind: NodeKind): void =>
    walk({ node, pointer: at, kind }, ({ node: value, pointer, kind: valueKind }) => {
      // discriminator.mapping values are refs too (§4.8.25), written as plain strings.
      if (valueKind === "discriminator" && isRecord(value.mapping)) {
        for (const [key, ref] of Object.entries(value.mapping)) {
          const target = typeof ref === "string" ? external(ref, source) : undefined;
          if (target) value.mapping[key] = place(target);
        }
      }
      const target = typeof value.$ref === "string" ? external(value.$ref, source) : undefined;
      if (target && valueKind === "schema") {
        value.$ref = place(target);
      } else if (target) {
        // Parameters, bodies, responses and path items have no name to keep: copied in place, and
        // their refs are relative to the file they came from.
        delete value.$ref;
        Object.assign(value, structuredClone(target.value));
        origins.push({ prefix: pointer, source: target.source, pointer: target.pointer });
        rewrite(value, target.source, pointer, valueKind);
        return "skip";
      }
      return undefined;
    });

  /** The target of a ref that leaves the root document, or undefined to leave the ref as it is. */
  const external = (ref: string, source: SpecSource): { key: string; source: SpecSource; pointer: string; value: unknown } | undefined => {
    const hash = ref.indexOf("#");
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) return undefined; // remote: validate/refs.ts refuses it
    if (filePart === "" && source === root) return undefined;
    const file = filePart === "" ? resolve(source.file) : resolve(dirname(source.file), decodeURI(filePart));
    const pointer = hash === -1 ? "" : refToPointer(ref.slice(hash));
    const target = pointer === undefined ? undefined : load(file);
    // Missing files and dangling pointers stay as refs, for validate/refs.ts to report.
    const value = target && pointer !== undefined ? resolvePointer(target.document, pointer) : undefined;
    return target && value !== undefined ? { key: `${file}#${pointer}`, source: target, pointer: pointer!, value } : undefined;
  };

  /** A local ref to the target's copy under components/schemas, placing it on first use. */
  const place = (target: { key: string; source: SpecSource; pointer: string; value: unknown }): string => {
    const existing = placed.get(target.key);
    if (existing !== undefined) return existing;
    if (target.source === root) return `#${target.pointer.split("/").map(encodeURIComponent).join("/")}`;
    let unique = schemaName(target.pointer, target.source.file);
    for (let n = 2; unique in schemas; n++) unique = `${unique.replace(/_\d+$/, "")}_${n}`;
    const local = `#/components/schemas/${encodeURIComponent(unique)}`;
    placed.set(target.key, local);
    const copy = structuredClone(target.value);
    schemas[unique] = copy;
    const prefix = joinPointer("/components/schemas", unique);
    origins.push({ prefix, source: target.source, pointer: target.pointer });
    if (isRecord(copy)) rewrite(copy, target.source, prefix, "schema");
    return local;
  };

  // A component that is nothing but a ref to another file (`Owner: {$ref: ./owner.yaml}`) takes
  // the content under its own name, so it is not an alias of a second, file-named schema.
  for (const [name, value] of Object.entries(schemas)) {
    const target =
      isRecord(value) && typeof value.$ref === "string" && Object.keys(value).length === 1 ? external(value.$ref, root) : undefined;
    if (!target || placed.has(target.key)) continue;
    const prefix = joinPointer("/components/schemas", name);
    placed.set(target.key, `#${prefix.split("/").map(encodeURIComponent).join("/")}`);
    const copy = structuredClone(target.value);
    schemas[name] = copy;
    origins.push({ prefix, source: target.source, pointer: target.pointer });
    if (isRecord(copy)) rewrite(copy, target.source, prefix, "schema");
  }
  // Returned even when no schema was placed: parts copied in place (parameters, responses) leave no origin.
  rewrite(document, root, "", "document");
  return {
    file: root.file,
    text: root.text,
    document,
    parts: [...sources].filter(([, source]) => source !== root).map(([file, { text }]) => ({ file, text })),
    locate(pointer: string): Position | undefined {
      const origin = origins
        .filter((o) => pointer === o.prefix || pointer.startsWith(`${o.prefix}/`))
        .sort((a, b) => b.prefix.length - a.prefix.length)[0];
      if (!origin) return root.locate(pointer);
      const inner = origin.pointer + pointer.slice(origin.prefix.length);
      const at = origin.source.locate(inner);
      return { ...(at ?? { line: 1, column: 1 }), file: origin.source.file, pointer: inner };
    },
  };
}

/** Whether a reference leaves its document: a file part before `#`, and no scheme (remote refs are refused later). */
const isFileRef = (ref: unknown): boolean =>
  typeof ref === "string" && ref !== "" && !ref.startsWith("#") && !/^[a-z][a-z0-9+.-]*:/i.test(ref);

/**
 * Whether the document refers to another file, by a `$ref` or a discriminator mapping value
 * (§4.8.25, a plain string). A spec whose references are all local is its own bundle: this
 * quick walk spares a large spec the copy and the rewriting walk of its whole document.
 */
function refersToFiles(document: unknown): boolean {
  const stack: unknown[] = [document];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) for (const item of node) stack.push(item);
    else if (isRecord(node)) {
      if (isFileRef(node.$ref)) return true;
      const mapping = isRecord(node.discriminator) ? node.discriminator.mapping : undefined;
      if (isRecord(mapping) && Object.values(mapping).some(isFileRef)) return true;
      for (const key in node) stack.push(node[key]);
    }
  }
  return false;
}

/** The component name of an imported schema: its last named pointer segment, else its file name. */
function schemaName(pointer: string, file: string): string {
  return [...splitPointer(pointer)].reverse().find((s) => !/^\d+$/.test(s)) ?? file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
}
