import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { format } from "prettier";
import { LAYOUT } from "../../generator/emit/print/doc.js";

/**
 * The TypeScript files among `files` that prettier would change, each with the first line that
 * differs: the check that the printer (generator/emit/print/) writes exactly prettier's layout at the
 * project's settings. prettier parses each file as the .ts file it is (the typescript parser).
 */
/** `content` as prettier formats it, as a .ts file, at the settings the printer writes. */
export const prettierFormat = (content: string, path = "case.ts"): Promise<string> =>
  format(content, { ...LAYOUT, parser: "typescript", filepath: path });

export async function prettierChanges(files: { path: string; content: string }[]): Promise<string[]> {
  const changes: string[] = [];
  for (const file of files.filter((f) => f.path.endsWith(".ts"))) {
    const formatted = await prettierFormat(file.content, file.path);
    if (formatted === file.content) continue;
    const ours = file.content.split("\n");
    const theirs = formatted.split("\n");
    const line = ours.findIndex((text, i) => text !== theirs[i]);
    changes.push(`${file.path}:${line + 1}: ${JSON.stringify(ours[line])} -> prettier ${JSON.stringify(theirs[line])}`);
  }
  return changes;
}

/**
 * The TypeScript files below `folder` (a written output) that prettier would change: what a
 * corpus run checks of each output folder it generates.
 */
export function prettierChangesIn(folder: string): Promise<string[]> {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  return prettierChanges(files.map((path) => ({ path: relative(folder, path), content: readFileSync(path, "utf8") })));
}
