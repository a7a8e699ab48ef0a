// Every walker over type nodes handles every kind: a kind added to the IR's TypeNode or to the
// change report's TypeModel makes each of them fail to compile, rather than be skipped silently.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ts } from "./support/compile.js";
import { ROOT } from "./support/paths.js";

/** The repository's own compiler options, for generator/ with `edits` applied to file texts in memory. */
function errorsWith(edits: Record<string, (text: string) => string>): Map<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )!;
  const host = ts.createCompilerHost(config.options, true);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => {
    const edit = edits[file.slice(ROOT.length).replaceAll("\\", "/")];
    const text = readFile(file);
    return edit && text !== undefined ? edit(text) : text;
  };
  const roots = config.fileNames.filter((f) => f.startsWith(join(ROOT, "generator")));
  const program = ts.createProgram(roots, config.options, host);
  // Only the files that import a type model can walk one; checking just those keeps this quick.
  const walkers = program
    .getSourceFiles()
    .filter((f) => roots.includes(f.fileName) && /from "[./]*(ir|changes)?\/?(model|walk)\.js"/.test(f.text));
  const errors = new Map<string, string[]>();
  for (const d of [...program.getGlobalDiagnostics(), ...walkers.flatMap((f) => program.getSemanticDiagnostics(f))]) {
    const file = d.file ? d.file.fileName.slice(ROOT.length) : "(global)";
    errors.set(file, [...(errors.get(file) ?? []), ts.flattenDiagnosticMessageText(d.messageText, " ")]);
  }
  return errors;
}

/** An edit that fails loudly when the text it expects is gone, so the test cannot pass by editing nothing. */
const replacing =
  (from: string, to: string) =>
  (text: string): string => {
    if (!text.includes(from)) throw new Error(`the union to extend has changed; update this test: ${from}`);
    return text.replace(from, to);
  };

describe("walkers over type nodes", () => {
  it("fail to compile, each of them, when a kind is added", () => {
    // A kind that is neither primitive nor handled anywhere yet, in each of the two type models.
    const errors = errorsWith({
      "generator/ir/model.ts": replacing(
        '  | { kind: "intersection"; members: TypeNode[] };',
        '  | { kind: "intersection"; members: TypeNode[] }\n  | { kind: "date" };',
      ),
      "generator/changes/model.ts": replacing("  | { kind: PrimitiveKind }\n", '  | { kind: PrimitiveKind }\n  | { kind: "date" }\n'),
    });
    expect([...errors.keys()].sort()).toEqual([
      "generator/changes/snapshot.ts",
      "generator/changes/structure.ts",
      "generator/changes/usage.ts",
      "generator/emit/types/checks.ts",
      "generator/emit/types/type-tree.ts",
      "generator/ir/directions.ts",
      "generator/ir/flatten.ts",
      "generator/ir/merge/canonical.ts",
      "generator/ir/walk.ts",
    ]);
  });
});
