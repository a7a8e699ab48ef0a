import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { RenderedFile } from "../files.js";

/**
 * Writes what changed since `previous` (the files this process last wrote there) into the output
 * folder, each file atomically: its new text goes to a temporary file beside it, which is then
 * renamed over it, so a reader (an editor, a dev server, tsc --watch) sees the old file or the new
 * one, never part of one. Generated files no longer produced are removed. Returns the paths written.
 */
export function writeChanged(out: string, files: RenderedFile[], previous: RenderedFile[]): { written: string[]; removed: string[] } {
  const before = new Map(previous.map((f) => [f.path, f.content]));
  const written: string[] = [];
  for (const file of files) {
    if (before.get(file.path) === file.content) continue;
    const target = join(out, file.path);
    const temporary = join(dirname(target), `.${file.path.replace(/^.*\//, "")}.specforge-${process.pid}.tmp`);
    mkdirSync(dirname(target), { recursive: true });
    try {
      writeFileSync(temporary, file.content);
      renameSync(temporary, target);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
    written.push(file.path);
  }
  const produced = new Set(files.map((f) => f.path));
  const removed = previous.filter((f) => !produced.has(f.path)).map((f) => f.path);
  for (const path of removed) rmSync(join(out, path), { force: true });
  return { written, removed };
}
