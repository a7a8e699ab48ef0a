// Pairs of specs one random edit apart, for the verdict campaign: components whose properties
// are primitives, enums, references, objects, arrays and unions (Pydantic's optional
// discriminated union among them), each used in a request, a response or both, and one edit
// (a union member dropped or added, nullability, a property, an enum value, a reference inlined
// or an inline object moved into a component, or a subtree replaced).

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { OracleCase } from "./compat-oracle.js";

type Doc = Record<string, any>;

const S = ["S0", "S1", "S2", "S3"];
const V = ["V0", "V1", "V2", "V3"];
const PROPS = ["a", "b", "c", "d", "e"];

/** A seeded pseudo-random stream (a linear congruential generator), so that a failing seed can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!, chance: (p: number) => next() < p };
}
type Random = ReturnType<typeof random>;

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const ref = (name: string): Doc => ({ $ref: `#/components/schemas/${name}` });
const tagged = (names: string[]): Doc => ({
  oneOf: names.map(ref),
  discriminator: { propertyName: "type", mapping: Object.fromEntries(names.map((n) => [n.toLowerCase(), `#/components/schemas/${n}`])) },
});

function schema(r: Random, depth: number): Doc {
  const leaves: (() => Doc)[] = [
    () => ({ type: r.pick(["string", "integer", "number", "boolean"]) }),
    () => ({ type: "string", enum: [...new Set([r.pick(["x", "y", "z"]), r.pick(["x", "y", "z", "w"])])] }),
    () => ref(r.pick(S)),
    () => ref(r.pick(V)),
  ];
  if (depth <= 0) return r.pick(leaves)();
  const inner = () => schema(r, depth - 1);
  const some = () => [...new Set([r.pick(V), r.pick(V), r.pick(V)])];
  return r.pick<() => Doc>([
    ...leaves,
    () => {
      const properties = Object.fromEntries(PROPS.filter(() => r.chance(0.4)).map((p) => [p, inner()]));
      return { type: "object", properties, required: Object.keys(properties).filter(() => r.chance(0.5)) };
    },
    () => ({ type: "array", items: inner() }),
    () => ({ anyOf: [inner(), inner(), ...(r.chance(0.5) ? [{ type: "null" }] : [])] }),
    () => tagged(some()),
    () => ({ anyOf: [tagged(some()), { type: "null" }] }),
    () => ({ anyOf: [inner(), { type: "null" }] }),
  ])();
}

function document(schemas: Doc, uses: string[]): Doc {
  const paths: Doc = {};
  S.forEach((name, i) => {
    const json = { content: { "application/json": { schema: ref(name) } } };
    if (uses[i] !== "response")
      paths[`/s${i}/in`] = { post: { operationId: `put${name}`, requestBody: json, responses: { "204": { description: "ok" } } } };
    if (uses[i] !== "request")
      paths[`/s${i}/out`] = { get: { operationId: `get${name}`, responses: { "200": { description: "ok", ...json } } } };
  });
  return { openapi: "3.1.0", info: { title: "mutations", version: "1" }, paths, components: { schemas } };
}

/** Every node of a schema tree, with a way to replace it. */
function nodes(root: Doc, set: (v: Doc) => void, into: { node: Doc; set: (v: Doc) => void }[] = []) {
  into.push({ node: root, set });
  for (const k of Object.keys(root.properties ?? {})) nodes(root.properties[k], (v) => (root.properties[k] = v), into);
  if (root.items) nodes(root.items, (v) => (root.items = v), into);
  for (const kw of ["anyOf", "oneOf"]) (root[kw] ?? []).forEach((m: Doc, i: number) => nodes(m, (v) => (root[kw][i] = v), into));
  return into;
}

function edit(r: Random, schemas: Doc): string {
  const name = r.pick(S);
  const { node, set } = r.pick(nodes(schemas[name], (v) => (schemas[name] = v)));
  const union = node.anyOf ? "anyOf" : node.oneOf ? "oneOf" : undefined;
  const keys = Object.keys(node.properties ?? {});
  const edits: Record<string, () => boolean> = {
    replace: () => (set(schema(r, 2)), true),
    "drop a member": () => {
      if (!union || node[union].length < 2) return false;
      const [gone] = node[union].splice(Math.floor(r.next() * node[union].length), 1);
      for (const [value, target] of Object.entries(node.discriminator?.mapping ?? {}))
        if (target === gone.$ref) delete node.discriminator.mapping[value];
      return true;
    },
    "add a member": () => {
      if (!union) return false;
      if (!node.discriminator) return node[union].push(schema(r, 1)) > 0;
      const v = r.pick(V);
      if (node.oneOf.some((m: Doc) => m.$ref === ref(v).$ref)) return false;
      node.oneOf.push(ref(v));
      node.discriminator.mapping[v.toLowerCase()] = ref(v).$ref;
      return true;
    },
    "make nullable": () => (set({ anyOf: [clone(node), { type: "null" }] }), true),
    "make not nullable": () => {
      const rest = (node.anyOf ?? []).filter((m: Doc) => m.type !== "null");
      if (!node.anyOf || rest.length === node.anyOf.length) return false;
      return (set(rest.length === 1 ? rest[0] : { ...node, anyOf: rest }), true);
    },
    "toggle required": () => {
      if (keys.length === 0) return false;
      const p = r.pick(keys);
      node.required = node.required.includes(p) ? node.required.filter((q: string) => q !== p) : [...node.required, p];
      return true;
    },
    "drop a property": () => {
      if (keys.length === 0) return false;
      const p = r.pick(keys);
      delete node.properties[p];
      node.required = node.required.filter((q: string) => q !== p);
      return true;
    },
    "add a property": () => {
      const p = r.pick(PROPS);
      if (!node.properties || node.properties[p]) return false;
      node.properties[p] = schema(r, 1);
      if (r.chance(0.5)) node.required.push(p);
      return true;
    },
    "add an enum value": () => !!node.enum && !node.enum.includes("q") && node.enum.push("q") > 0,
    "drop an enum value": () => node.enum?.length > 1 && node.enum.pop() !== undefined,
    "inline a reference": () => {
      const target = node.$ref?.split("/").pop();
      if (!target || target === name) return false;
      return (set(clone(schemas[target])), true);
    },
    "move an inline object into a component": () => {
      if (node.type !== "object" || node === schemas[name]) return false;
      schemas.Moved = clone(node);
      return (set(ref("Moved")), true);
    },
  };
  for (let tries = 0; tries < 20; tries++) {
    const label = r.pick(Object.keys(edits));
    if (edits[label]!()) return `${label} in ${name}`;
  }
  return "no edit";
}

/** One pair: the specs before and after one edit, and what the edit was. */
export function mutationPair(seed: number): { before: Doc; after: Doc; edit: string } {
  const r = random(seed);
  const schemas: Doc = {};
  for (const v of V)
    schemas[v] = {
      type: "object",
      required: ["type"],
      properties: { type: { type: "string", const: v.toLowerCase() }, [`f${v}`]: schema(r, 1) },
    };
  for (const s of S)
    schemas[s] = { type: "object", properties: Object.fromEntries(PROPS.slice(0, 3).map((p) => [p, schema(r, 2)])), required: ["a"] };
  const uses = S.map(() => r.pick(["request", "response", "both"]));
  const before = document(clone(schemas), uses);
  const label = edit(r, schemas);
  return { before, after: document(schemas, uses), edit: label };
}

/** The pairs of `seeds` written under `dir` as oracle cases, each named by its seed and edit (replay one with mutationPair(seed)). */
export function mutationCases(seeds: number[], dir: string): OracleCase[] {
  return seeds.map((seed) => {
    const { before, after, edit } = mutationPair(seed);
    const [older, newer] = [join(dir, `${seed}-before.json`), join(dir, `${seed}-after.json`)];
    writeFileSync(older, JSON.stringify(before));
    writeFileSync(newer, JSON.stringify(after));
    return { name: `seed ${seed}: ${edit}`, before: older, after: newer };
  });
}
