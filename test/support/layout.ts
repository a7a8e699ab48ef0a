import { format } from "prettier";
import { PRETTIER_OPTIONS } from "../../generator/format/prettier.js";

/**
 * The TypeScript files among `files` that prettier would change, each with the first line that
 * differs. The generator skips prettier for what it prints in prettier's layout (emit/layout.ts,
 * emit/segments.ts); this is the check that the layout is right. It formats with the typescript
 * parser, not the babel-ts parser the generator uses, so the two parsers are compared as well.
 */
export async function prettierChanges(files: { path: string; content: string }[]): Promise<string[]> {
  const changes: string[] = [];
  for (const file of files.filter((f) => f.path.endsWith(".ts"))) {
    const formatted = await format(file.content, { ...PRETTIER_OPTIONS, parser: "typescript" });
    if (formatted === file.content) continue;
    const ours = file.content.split("\n");
    const theirs = formatted.split("\n");
    const line = ours.findIndex((text, i) => text !== theirs[i]);
    changes.push(`${file.path}:${line + 1}: ${JSON.stringify(ours[line])} -> prettier ${JSON.stringify(theirs[line])}`);
  }
  return changes;
}
