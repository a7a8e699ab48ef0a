import { join, sep } from "node:path";
import { ts } from "../support/compile.js";
import { STRICT_FLAGS } from "../support/compile.js";

/**
 * The strict flags of DEVELOPERS.md, as a bundler consumer with the DOM library sees the output:
 * there an empty file is not a module (nodenext in a `"type": "module"` package would call it
 * one). The library check is left to the other tests (skipLibCheck), which saves the corpus
 * from checking the same .d.ts files once per batch.
 */
const OPTIONS: ts.CompilerOptions = {
  ...STRICT_FLAGS,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
  skipLibCheck: true,
};

/**
 * One tsc program over several outputs (each folder's `index.ts` reaches all of its files), the
 * diagnostics handed back to the folder they are in. Diagnostics outside every folder (a global
 * one) go to every folder, so they are never lost.
 */
export function compileBatch(folders: string[]): Map<string, string[]> {
  const program = ts.createProgram(
    folders.map((f) => join(f, "index.ts")),
    OPTIONS,
  );
  const byFolder = new Map(folders.map((f) => [f, [] as string[]]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n").split("\n")[0]!;
    const code = `TS${d.code}`;
    if (!d.file || d.start === undefined) {
      for (const list of byFolder.values()) list.push(`${code}: ${message}`);
      continue;
    }
    const file = d.file.fileName.split("/").join(sep);
    const folder = folders.find((f) => file.startsWith(f + sep));
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    const text = `${folder ? file.slice(folder.length + 1) : file}(${line + 1},${character + 1}): ${code}: ${message}`;
    if (folder) byFolder.get(folder)!.push(text);
    else for (const list of byFolder.values()) list.push(text);
  }
  return byFolder;
}
