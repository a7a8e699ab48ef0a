import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { JSON_HEADER } from "../emit/header.js";
import type { RenderedFile } from "../files.js";
import { isRecord } from "../records.js";
import { API_MODEL_FORMAT, type ApiModel } from "./model.js";

/** Where, inside the output folder, the model of the spec the output was generated from is kept. */
export const MODEL_FILE = ".specforge/api-model.json";

/**
 * JSON.stringify with keys sorted by code point at every level, so the bytes depend on the API
 * alone; written directly rather than through sorted copies, which cost a large spec's run as much
 * in garbage as in time. Undefined is left out of objects and is null in arrays, as JSON.stringify does.
 * A `pointer` below the pointer of the nearest entry above it (a property's below its object's, a
 * parameter's below its operation's) is written as `+` and the rest after it: most pointers of a
 * model are such, and written whole they were 40% of its bytes (Microsoft Graph: 30 of 72 MB).
 */
function sortedJson(value: unknown, base = ""): string {
  if (Array.isArray(value)) return `[${value.map((item: unknown) => (item === undefined ? "null" : sortedJson(item, base))).join(",")}]`;
  if (!isRecord(value)) return JSON.stringify(value);
  const own = typeof value.pointer === "string" ? value.pointer : undefined;
  const members: string[] = [];
  for (const key of Object.keys(value).sort()) {
    if (value[key] === undefined) continue;
    const text = key === "pointer" && own !== undefined ? JSON.stringify(below(own, base)) : sortedJson(value[key], own ?? base);
    members.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${members.join(",")}}`;
}

const below = (pointer: string, base: string): string =>
  base !== "" && pointer.startsWith(`${base}/`) ? `+${pointer.slice(base.length)}` : pointer;

/** The pointers `sortedJson` wrote below their parent's, whole again, in place. */
function wholePointers(value: unknown, base = ""): void {
  if (Array.isArray(value)) return value.forEach((item) => wholePointers(item, base));
  if (!isRecord(value)) return;
  if (typeof value.pointer === "string" && value.pointer.startsWith("+")) value.pointer = base + value.pointer.slice(1);
  const inner = typeof value.pointer === "string" ? value.pointer : base;
  for (const [key, item] of Object.entries(value)) if (key !== "pointer" || typeof item !== "string") wholePointers(item, inner);
}

/**
 * The model as one more generated file; its `"//"` first key marks it as generated (see
 * emit/header.ts). One operation or schema per line keeps the file compact and its git diffs
 * readable: a changed schema is one changed line.
 */
export function modelFile(model: ApiModel, lines: WeakMap<object, string> = new WeakMap()): RenderedFile {
  const output = [`{`, `  "//": ${JSON.stringify(JSON_HEADER)},`];
  // An entry's line, kept by `lines` while the same entry object stays in the model (watch mode).
  const line = (entry: unknown): string => {
    if (!isRecord(entry)) return sortedJson(entry);
    let text = lines.get(entry);
    if (text === undefined) lines.set(entry, (text = sortedJson(entry)));
    return text;
  };
  for (const key of Object.keys(model).sort()) {
    const value = (model as unknown as Record<string, unknown>)[key];
    if (!isRecord(value)) {
      output.push(`  ${JSON.stringify(key)}: ${sortedJson(value)},`);
      continue;
    }
    const entries = Object.keys(value)
      .sort()
      .map((name) => `    ${JSON.stringify(name)}: ${line(value[name])}`);
    output.push(entries.length === 0 ? `  ${JSON.stringify(key)}: {},` : `  ${JSON.stringify(key)}: {\n${entries.join(",\n")}\n  },`);
  }
  output[output.length - 1] = output.at(-1)!.replace(/,$/, "");
  return { path: MODEL_FILE, content: `${output.join("\n")}\n}\n` };
}

/** The formats this version reads: its own, and the one before, whose pointers were all whole. */
const READABLE = [2, API_MODEL_FORMAT];

export type Recorded = { model: ApiModel } | { missing: string } | { unreadable: string };

/** The model recorded by the run that wrote `outDir`, if there is one this version can compare with. */
export function readRecordedModel(outDir: string): Recorded {
  const file = join(outDir, MODEL_FILE);
  if (!existsSync(file)) return { missing: `${file} does not exist` };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    return { unreadable: `${file} is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isRecord(data) || !READABLE.includes(data.format as number) || !isRecord(data.operations) || !isRecord(data.schemas)) {
    return { unreadable: `${file} is not an API model of format ${READABLE.join(" or ")}` };
  }
  for (const entries of [data.operations, data.schemas]) for (const entry of Object.values(entries)) wholePointers(entry);
  data.format = API_MODEL_FORMAT;
  return { model: data as unknown as ApiModel };
}
