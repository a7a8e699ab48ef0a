import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { RenderedFile } from "../files.js";
import { sha256, type RunCache } from "../cache/run-cache.js";
import { formatFiles, type SegmentCache } from "./prettier.js";

/** What a run learns for the next run's cache: each file's unformatted hash, and formatted statements. */
export interface FormatRecord {
  unformatted: Map<string, string>;
  segments: Record<string, string>;
}

/**
 * prettier, skipped for a file whose unformatted text is what the last run formatted and whose
 * formatted text is still on disk, and for a marked statement formatted before:
 * after a one-schema edit only what changed is formatted.
 */
export function cachingFormatter(out: string, previous: RunCache | undefined, record: FormatRecord) {
  const segments: SegmentCache = {
    get: (text) => record.segments[sha256(text)],
    set: (text, formatted) => void (record.segments[sha256(text)] = formatted),
  };
  return async (files: RenderedFile[]): Promise<RenderedFile[]> => {
    const reused = new Map<string, string>();
    for (const file of files) {
      const hash = sha256(file.content);
      record.unformatted.set(file.path, hash);
      // Statements still in use carry over to the next cache; the rest are dropped.
      for (const s of file.statements?.segments ?? []) {
        const known = s.final ? undefined : previous?.segments?.[sha256(s.text)];
        if (known !== undefined) segments.set(s.text, known);
      }
      const hit = previous?.files[file.path];
      const disk = join(out, file.path);
      if (hit?.unformatted !== hash || !existsSync(disk)) continue;
      const content = readFileSync(disk, "utf8");
      if (sha256(content) === hit.formatted) reused.set(file.path, content);
    }
    const formatted = await formatFiles(
      files.filter((f) => !reused.has(f.path)),
      segments,
    );
    const byPath = new Map(formatted.map((f) => [f.path, f.content]));
    return files.map((f) => ({ path: f.path, content: reused.get(f.path) ?? byPath.get(f.path)! }));
  };
}
