import { createHash } from "node:crypto";
import { basename, dirname, join, sep } from "node:path";
import ts from "typescript";
import { recordedOnce } from "./once.js";
import { ROOT } from "./paths.js";

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

/**
 * Type-checks `files` as a consumer would, `skipLibCheck: false` included; returns the
 * diagnostics as `file(line,col): message` lines.
 *
 * Checking the declaration files (TypeScript's libs, @types/node, any package's types) is most
 * of the cost of a program, and their diagnostics depend only on the options and on which
 * declaration files are in it, as long as no other file adds globals or augments a module. So
 * the program is checked with `skipLibCheck: true`, and the diagnostics of exactly its declaration
 * files, under exactly its options, come from a check made once and recorded by content hash
 * (see `libraryDiagnostics`). A program whose own files could change what a library means gets
 * the full check instead.
 */
export function typeCheck(files: string[], consumer: Consumer, extra: ts.CompilerOptions = {}): string[] {
  const options = { ...STRICT_FLAGS, ...CONSUMERS[consumer], lib: ["lib.es2023.d.ts", "lib.dom.d.ts"], ...extra };
  const program = ts.createProgram(files, { ...options, skipLibCheck: true }, cachedHost(options));
  const own = program.getSourceFiles().filter((f) => !f.isDeclarationFile);
  if (own.some(touchesGlobals)) return ts.getPreEmitDiagnostics(ts.createProgram(files, options, cachedHost(options))).map(formatted);
  const declarations = program.getSourceFiles().filter((f) => f.isDeclarationFile);
  return [...ts.getPreEmitDiagnostics(program).map(formatted), ...libraryDiagnostics(declarations, options)];
}

/**
 * One program for several entry points that do not import one another: the diagnostics of each,
 * keyed by entry. A diagnostic belongs to the entry it is in; else to the entries whose folder
 * holds its file (the deepest such folder); a diagnostic in no entry's folder (a library's, or a
 * global one) is given to every entry, so none is lost.
 */
export function diagnosticsByFile(entries: string[], consumer: Consumer, extra: ts.CompilerOptions = {}): Map<string, string[]> {
  const byEntry = new Map(entries.map((entry) => [entry, [] as string[]]));
  for (const diagnostic of typeCheck(entries, consumer, extra)) {
    const exact = entries.filter((entry) => diagnostic.startsWith(`${entry}(`));
    const holding = entries.filter((entry) => diagnostic.startsWith(dirname(entry) + sep));
    const deepest = Math.max(...holding.map((entry) => entry.length - basename(entry).length));
    const owners =
      exact.length > 0 ? exact : holding.length > 0 ? holding.filter((e) => e.length - basename(e).length === deepest) : entries;
    for (const owner of owners) byEntry.get(owner)!.push(diagnostic);
  }
  return byEntry;
}

const formatted = (d: ts.Diagnostic): string => {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (!d.file || d.start === undefined) return message;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${d.file.fileName}(${line + 1},${character + 1}): ${message}`;
};

/** A script (no import or export) declares globals; `declare global` and `declare module "x"` change what a library declares. */
const touchesGlobals = (file: ts.SourceFile): boolean =>
  !ts.isExternalModule(file) ||
  file.statements.some(
    (s) => ts.isModuleDeclaration(s) && ((s.flags & ts.NodeFlags.GlobalAugmentation) !== 0 || ts.isStringLiteral(s.name)),
  );

/** The parsed declaration files, shared by every program of this process: parsing lib.dom.d.ts and @types/node once is enough. */
const parsed = new Map<string, ts.SourceFile>();

/**
 * A compiler host that keeps the declaration files it parses, by name, module format and the
 * options TypeScript itself counts as affecting a source file (its `affectsSourceFile` options).
 */
function cachedHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  const { target, module, moduleResolution, moduleDetection, strict, alwaysStrict, jsx } = options;
  const affecting = JSON.stringify([target, module, moduleResolution, moduleDetection, strict, alwaysStrict, jsx]);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!/\.d\.[cm]?ts$/.test(fileName)) return getSourceFile(fileName, languageVersion, onError, shouldCreate);
    const format = typeof languageVersion === "object" ? languageVersion.impliedNodeFormat : undefined;
    const key = `${fileName}\0${format}\0${affecting}`;
    const found = parsed.get(key) ?? getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (found) parsed.set(key, found);
    return found;
  };
  return host;
}

/**
 * The diagnostics of a full check of `declarations` under `options`: a program of those files
 * alone, `skipLibCheck: false`. Recorded under node_modules/.cache (so `npm ci` starts afresh),
 * keyed by the TypeScript version, the options, and each file's name and text, so that any
 * change to a library or an option checks again.
 */
function libraryDiagnostics(declarations: readonly ts.SourceFile[], options: ts.CompilerOptions): string[] {
  const hash = createHash("sha256")
    .update(ts.version)
    .update(JSON.stringify(options, Object.keys(options).sort()));
  for (const file of [...declarations].sort((a, b) => a.fileName.localeCompare(b.fileName)))
    hash.update("\0").update(file.fileName).update("\0").update(file.text);
  return recordedOnce(join(ROOT, "node_modules", ".cache", "specforge-tests", "library-checks"), hash.digest("hex"), () => {
    const program = ts.createProgram(
      declarations.map((f) => f.fileName),
      options,
      cachedHost(options),
    );
    return ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.isDeclarationFile)
      .map(formatted);
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
