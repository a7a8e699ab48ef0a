import ts from "typescript";

/** The flags DEVELOPERS.md requires of generated code, for both kinds of consumer. */
export const STRICT_FLAGS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
  erasableSyntaxOnly: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noFallthroughCasesInSwitch: true,
  skipLibCheck: false,
  noEmit: true,
  types: ["node"],
};

export type Consumer = "bundler" | "nodenext";

const CONSUMERS: Record<Consumer, ts.CompilerOptions> = {
  bundler: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  nodenext: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
};

/** Type-checks `files` as a consumer would; returns the diagnostics as `file(line,col): message` lines. */
export function typeCheck(files: string[], consumer: Consumer, extra: ts.CompilerOptions = {}): string[] {
  const options = { ...STRICT_FLAGS, ...CONSUMERS[consumer], lib: ["lib.es2023.d.ts", "lib.dom.d.ts"], ...extra };
  const program = ts.createProgram(files, options);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
    if (!d.file || d.start === undefined) return message;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${d.file.fileName}(${line + 1},${character + 1}): ${message}`;
  });
}

/** Syntax kinds found anywhere in a file, for rules such as "no any, no enum, no namespace". */
export function syntaxKinds(fileName: string, text: string): Set<ts.SyntaxKind> {
  const kinds = new Set<ts.SyntaxKind>();
  const visit = (node: ts.Node): void => {
    kinds.add(node.kind);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true));
  return kinds;
}

export { ts };
