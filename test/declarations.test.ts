import { Node, Project, type SourceFile } from "ts-morph";
import { describe, expect, it } from "vitest";
import { guardedSchemas } from "../generator/ir/guarded.js";
import type { Api } from "../generator/ir/model.js";
import type { NameTable } from "../generator/names/plan.js";
import { planNames } from "../generator/names/plan.js";
import { generate } from "../generator/pipeline.js";
import { FIXTURE_SPECS } from "./support/paths.js";
import { succeeded } from "./support/pipeline.js";
import { ELEVENLABS_SPEC, sharedAvailable } from "./support/shared.js";

/**
 * ts-morph as the model of the declarations: the generated types.ts and guards.ts are read back
 * into ts-morph (its public API: a Project, source files, their declarations and structures) and
 * held to the IR they were printed from. The printer writes the text; this checks that the text
 * declares what the IR says: one declaration per schema, of the right kind, with the IR's
 * properties, optionality and documentation, and a guard (and for discriminated unions a value
 * list and a match) wherever the IR asks for one.
 */

function load(files: { path: string; content: string }[]): Project {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true, noEmit: true } });
  for (const file of files.filter((f) => f.path === "types.ts" || f.path === "guards.ts"))
    project.createSourceFile(file.path, file.content);
  return project;
}

/** Every difference between the declarations in `types` and what the IR says they are. */
function typeProblems(types: SourceFile, api: Api, names: NameTable): string[] {
  const problems: string[] = [];
  const syntax = types.getProject().getProgram().compilerObject.getSyntacticDiagnostics(types.compilerNode);
  if (syntax.length > 0) problems.push(`types.ts does not parse: ${syntax[0]!.messageText as string}`);
  const declared = new Map<string, string[]>();
  for (const statement of types.getStatements()) {
    const name = Node.hasName(statement)
      ? statement.getName()
      : Node.isVariableStatement(statement)
        ? statement.getDeclarations()[0]!.getName()
        : undefined;
    if (name !== undefined) declared.set(name, [...(declared.get(name) ?? []), statement.getKindName()]);
  }
  for (const schema of api.schemas) {
    const own = names.schemas.get(schema.id)!;
    const kinds = declared.get(own.type) ?? [];
    const expected = [
      schema.type.kind === "object" ? "InterfaceDeclaration" : "TypeAliasDeclaration",
      ...(own.enumKeys ? ["VariableStatement"] : []),
    ];
    if (kinds.join() !== expected.join()) {
      problems.push(`${own.type}: declared as ${kinds.join(", ") || "nothing"}, the IR says ${expected.join(", ")}`);
      continue;
    }
    const hasDoc = [schema.doc.title, schema.doc.description].some((d) => d !== undefined && d.trim() !== "");
    if (schema.type.kind === "object") {
      const structure = types.getInterfaceOrThrow(own.type).getStructure();
      const properties = (structure.properties ?? []).map(
        (p) =>
          `${JSON.parse(/^["']/.test(p.name) ? `"${p.name.slice(1, -1)}"` : JSON.stringify(p.name)) as string}${p.hasQuestionToken ? "?" : ""}`,
      );
      const want = schema.type.properties.map((p) => `${p.name}${p.required ? "" : "?"}`);
      if (properties.join("\n") !== want.join("\n"))
        problems.push(`${own.type}: properties ${properties.join(", ")}, the IR says ${want.join(", ")}`);
      if ((structure.indexSignatures ?? []).length !== (schema.type.additional ? 1 : 0))
        problems.push(`${own.type}: index signature does not match the IR`);
      if (!structure.isExported) problems.push(`${own.type}: not exported`);
      if (hasDoc && types.getInterfaceOrThrow(own.type).getJsDocs().length === 0) problems.push(`${own.type}: its description is missing`);
    } else {
      const alias = types.getTypeAliasOrThrow(own.type);
      if (!alias.isExported()) problems.push(`${own.type}: not exported`);
      if (hasDoc && alias.getJsDocs().length === 0) problems.push(`${own.type}: its description is missing`);
    }
  }
  return problems;
}

/** Every guard, value list and match the IR asks for, with the signature it must have. */
function guardProblems(guards: SourceFile | undefined, api: Api, names: NameTable): string[] {
  const guarded = guardedSchemas(api);
  if (!guards) return guarded.length === 0 ? [] : ["guards.ts is missing"];
  const problems: string[] = [];
  for (const schema of guarded) {
    const own = names.schemas.get(schema.id)!;
    const guard = guards.getFunction(own.guard!);
    if (guard?.getReturnTypeNode()?.getText() !== `value is ${own.type}`) problems.push(`${own.guard}: no guard \`value is ${own.type}\``);
    if (schema.type.kind === "union" && schema.type.discriminator) {
      const values = guards.getVariableDeclaration(own.values!);
      const literals = values?.getInitializer()?.getText() ?? "";
      const count = schema.type.discriminator.variants.reduce((n, v) => n + v.values.length, 0);
      if (!values || (literals.match(/,/g)?.length ?? 0) + 1 < count) problems.push(`${own.values}: not the list of ${count} values`);
      const match = guards.getFunction(own.match!);
      if (match?.getTypeParameters().length !== 1 || match.getParameters().length !== 2)
        problems.push(`${own.match}: no match(value, handlers)`);
    }
  }
  return problems;
}

const specs: Record<string, string> = {
  ...FIXTURE_SPECS,
  ...(sharedAvailable(ELEVENLABS_SPEC, "the ElevenLabs declarations check") ? { elevenlabs: ELEVENLABS_SPEC } : {}),
};

describe("ts-morph reads back the declarations the IR describes", () => {
  for (const [name, spec] of Object.entries(specs)) {
    it(name, async () => {
      const result = succeeded(await generate(spec));
      const api = result.api;
      const names = planNames(api);
      const project = load(result.files);
      expect(typeProblems(project.getSourceFileOrThrow("types.ts"), api, names)).toEqual([]);
      expect(guardProblems(project.getSourceFile("guards.ts"), api, names)).toEqual([]);
    });
  }

  it("and the check can fail: a declaration the IR does not describe, or a missing guard, is reported", async () => {
    const result = succeeded(await generate(specs.zoo!));
    const api = result.api;
    const names = planNames(api);
    const broken = result.files.map((f) =>
      f.path === "types.ts"
        ? { ...f, content: f.content.replace(/^export interface (\w+) \{/m, "export type $1 = {") }
        : f.path === "guards.ts"
          ? { ...f, content: f.content.replace(/^export function is(\w+)\(/m, "export function was$1(") }
          : f,
    );
    const project = load(broken);
    expect(typeProblems(project.getSourceFileOrThrow("types.ts"), api, names)).not.toEqual([]);
    expect(guardProblems(project.getSourceFile("guards.ts"), api, names)).not.toEqual([]);
  });
});
