import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { RenderedFile } from "../files.js";
import { isGeneratedFile } from "../emit/header.js";

export interface FileChange {
  path: string;
  kind: "added" | "changed" | "removed";
  before: string;
  after: string;
}

export interface OutputPlan {
  changes: FileChange[];
  unchanged: string[];
  /** Files of the user's (no generated-file marker) at a path the run produces: never overwritten. */
  conflicts: string[];
}

/** Every file below `dir`, as `/`-separated paths relative to it, sorted by code point. */
function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

/**
 * Compares what a run produced with the output folder. A file on disk that is not produced any
 * more is removed only if it opens with the generated-file marker (a `//` line, or a `"//"` key in
 * JSON): files the user put in the folder are never touched, and a run that would overwrite one
 * lists it in `conflicts` instead. `.specforge/` is the generator's own, whatever its files hold.
 */
export function planOutput(outDir: string, files: RenderedFile[]): OutputPlan {
  const produced = new Map(files.map((f) => [f.path, f.content]));
  const changes: FileChange[] = [];
  const unchanged: string[] = [];
  const conflicts: string[] = [];
  for (const path of listFiles(outDir)) {
    const before = readFileSync(join(outDir, path), "utf8");
    const after = produced.get(path);
    if (after === undefined) {
      if (isGeneratedFile(before)) changes.push({ path, kind: "removed", before, after: "" });
    } else if (after === before) {
      unchanged.push(path);
    } else if (!isGeneratedFile(before) && !path.startsWith(".specforge/")) {
      conflicts.push(path);
    } else {
      changes.push({ path, kind: "changed", before, after });
    }
  }
  for (const file of files) {
    if (!existsSync(join(outDir, file.path))) changes.push({ path: file.path, kind: "added", before: "", after: file.content });
  }
  changes.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { changes, unchanged, conflicts };
}
