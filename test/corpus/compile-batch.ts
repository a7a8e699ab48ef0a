import { join, sep } from "node:path";
import { diagnosticsByFile } from "../support/compile.js";

/**
 * One tsc program over several outputs (each folder's `index.ts` reaches all of its files), as a
 * bundler consumer with the DOM library and the strict flags of DEVELOPERS.md: there an empty
 * file is no module (nodenext in a `"type": "module"` package would call it one). The library
 * check is made once and recorded (test/support/compile.ts). Diagnostics come back per folder,
 * paths relative to it.
 */
export function compileBatch(folders: string[]): Map<string, string[]> {
  const byEntry = diagnosticsByFile(
    folders.map((f) => join(f, "index.ts")),
    "bundler",
  );
  return new Map(
    folders.map((f) => [f, byEntry.get(join(f, "index.ts"))!.map((d) => (d.startsWith(f + sep) ? d.slice(f.length + 1) : d))]),
  );
}
