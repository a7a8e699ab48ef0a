import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { RenderedFile } from "../emit/operations/render.js";
import { sha256, type RunCache } from "../cache/run-cache.js";
import { formatFiles } from "./prettier.js";

/**
 * prettier, skipped for a file whose unformatted text is what the last run formatted and whose
 * formatted text is still on disk: after a one-schema edit only the files that changed are
 * formatted. `unformatted` receives each file's unformatted hash for the next run's cache.
 */
export function cachingFormatter(out: string, previous: RunCache | undefined, unformatted: Map<string, string>) {
  return async (files: RenderedFile[]): Promise<RenderedFile[]> => {
    const reused = new Map<string, string>();
    for (const file of files) {
      const hash = sha256(file.content);
      unformatted.set(file.path, hash);
      const hit = previous?.files[file.path];
      const disk = join(out, file.path);
      if (hit?.unformatted !== hash || !existsSync(disk)) continue;
      const content = readFileSync(disk, "utf8");
      if (sha256(content) === hit.formatted) reused.set(file.path, content);
    }
    const formatted = await formatFiles(files.filter((f) => !reused.has(f.path)));
    const byPath = new Map(formatted.map((f) => [f.path, f.content]));
    return files.map((f) => ({ path: f.path, content: reused.get(f.path) ?? byPath.get(f.path)! }));
  };
}
