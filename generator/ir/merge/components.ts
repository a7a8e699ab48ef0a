import { isRecord } from "../../records.js";
import { renameKey, type Renames } from "./refs.js";

/** Component kinds other than schemas (OpenAPI 3.1 §4.8.7), merged by name like schemas. */
export const OTHER_KINDS = [
  "parameters",
  "responses",
  "requestBodies",
  "headers",
  "examples",
  "links",
  "callbacks",
  "pathItems",
  "securitySchemes",
] as const;

export const componentsOf = (document: Record<string, unknown>, kind: string): Record<string, unknown> => {
  const components = isRecord(document.components) ? document.components : {};
  return isRecord(components[kind]) ? components[kind] : {};
};

/** Two inputs that give one component name different meanings. */
export interface Clash {
  name: string;
  /** The first input with the name, which keeps it. */
  kept: number;
  /** The first input with this other meaning, and the name it gets. */
  input: number;
  renamedTo: string;
}

/**
 * New names for components of one kind that mean something else in a later input than in the
 * first one that has the name. Inputs that agree share one component; each other meaning gets
 * `<name>_<label of the first input with it>`, which depends only on the inputs that hold the name.
 */
export function planRenames(
  kind: string,
  documents: Record<string, unknown>[],
  labels: string[],
  meaning: (input: number, name: string, value: unknown) => string,
  renames: Renames[],
): Clash[] {
  const taken = new Set(documents.flatMap((d) => Object.keys(componentsOf(d, kind))));
  const holders = new Map<string, number[]>();
  documents.forEach((d, i) => {
    for (const name of Object.keys(componentsOf(d, kind))) holders.set(name, [...(holders.get(name) ?? []), i]);
  });
  const clashes: Clash[] = [];
  for (const [name, inputs] of holders) {
    if (inputs.length < 2) continue;
    const groups = new Map<string, number[]>();
    for (const i of inputs) {
      const key = meaning(i, name, componentsOf(documents[i]!, kind)[name]);
      groups.set(key, [...(groups.get(key) ?? []), i]);
    }
    const [first, ...others] = [...groups.values()];
    for (const group of others) {
      const wanted = `${name}_${labels[group[0]!]}`;
      let renamedTo = wanted;
      for (let n = 2; taken.has(renamedTo); n++) renamedTo = `${wanted}_${n}`;
      taken.add(renamedTo);
      for (const i of group) renames[i]!.set(renameKey(kind, name), renamedTo);
      clashes.push({ name, kept: first![0]!, input: group[0]!, renamedTo });
    }
  }
  return clashes;
}

/** Documentation keys, which change no generated type or request. */
const DOC_KEYS = new Set(["description", "summary", "title", "example", "examples", "externalDocs"]);
/** Maps whose keys are names chosen by the spec (a property may be called `title`), not keywords. */
const NAME_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions", "mapping", "variables", "headers", "content"]);

/** JSON text of a value with keys sorted and documentation left out: equal for components that mean the same. */
export function meaningText(value: unknown): string {
  const normal = (v: unknown, names: boolean): unknown => {
    if (Array.isArray(v)) return v.map((item) => normal(item, false));
    if (!isRecord(v)) return v;
    const keys = Object.keys(v)
      .filter((k) => names || !DOC_KEYS.has(k))
      .sort();
    return Object.fromEntries(keys.map((k) => [k, normal(v[k], !names && NAME_MAPS.has(k))]));
  };
  return JSON.stringify(normal(value, false));
}

/** Moves renamed components of one document to their new names, in place. */
export function renameComponents(document: Record<string, unknown>, renames: Renames): void {
  if (!isRecord(document.components)) return;
  for (const [kind, table] of Object.entries(document.components)) {
    if (!isRecord(table)) continue;
    const entries = Object.entries(table).map(([name, value]) => [renames.get(renameKey(kind, name)) ?? name, value] as const);
    document.components[kind] = Object.fromEntries(entries);
  }
}
