import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/** An import from one source file to another, both relative to the scanned root. */
export interface ImportEdge {
  from: string;
  to: string;
}

/** Every relative import (static, type-only, dynamic and re-exports) between the TypeScript and JavaScript files below `root`. */
export function importEdges(root: string): ImportEdge[] {
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mts|mjs|js)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
  return files.flatMap((file) =>
    ts
      .preProcessFile(readFileSync(file, "utf8"), true, true)
      .importedFiles.filter((i) => i.fileName.startsWith("."))
      .map((i) => ({
        from: relative(root, file).split(sep).join("/"),
        to: relative(root, resolve(dirname(file), i.fileName.replace(/\.js$/, ".ts")))
          .split(sep)
          .join("/"),
      })),
  );
}

/** The unit a file belongs to: its top-level folder, or the file itself when it sits at the root. */
export const folderOf = (file: string): string => (file.includes("/") ? `${file.slice(0, file.indexOf("/"))}/` : file);

/**
 * The strongly connected components with more than one node (Tarjan), each sorted: every
 * cycle in the graph lies inside one of them.
 */
export function cycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    if (!next.has(to)) next.set(to, new Set());
    next.set(from, (next.get(from) ?? new Set()).add(to));
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const target of next.get(node)!) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (stack.includes(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = stack.splice(stack.indexOf(node));
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}
