import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate, type Generation } from "../../generator/pipeline.js";
import { buildIr } from "../../generator/ir/build.js";
import type { Api, NamedSchema, ObjectNode } from "../../generator/ir/model.js";
import { planNames, type NameTable } from "../../generator/names/plan.js";
import type { DiagnosticInput } from "../../generator/diagnostics.js";

/** IR and names for an in-memory document, with the diagnostics the IR stage reported. */
export function irOf(document: Record<string, unknown>): { api: Api; names: NameTable; reported: DiagnosticInput[] } {
  const reported: DiagnosticInput[] = [];
  const api = buildIr(document, (d) => reported.push(d));
  return { api, names: planNames(api), reported };
}

export function schemaNamed(api: Api, names: NameTable, typeName: string): NamedSchema {
  const found = api.schemas.find((s) => names.schemas.get(s.id)?.type === typeName);
  if (!found) throw new Error(`no schema named ${typeName}; have ${api.schemas.map((s) => names.schemas.get(s.id)?.type).join(", ")}`);
  return found;
}

export function objectOf(schema: NamedSchema): ObjectNode {
  if (schema.type.kind !== "object") throw new Error(`${schema.id} is a ${schema.type.kind}, not an object`);
  return schema.type;
}

/** A run that must have produced output; fails loudly with its diagnostics when errors stopped it. */
export function succeeded(result: Generation): Extract<Generation, { ok: true }> {
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  return result;
}

/** The whole pipeline in-process, failing loudly if it produced no files. */
export async function filesOf(spec: string): Promise<Map<string, string>> {
  return new Map(succeeded(await generate(spec)).files.map((f) => [f.path, f.content]));
}

/** The whole pipeline on an in-memory document (written as JSON to a scratch folder), failing loudly on any error. */
export async function filesOfDocument(document: Record<string, unknown>): Promise<Map<string, string>> {
  const file = join(mkdtempSync(join(tmpdir(), "specforge-document-")), "spec.json");
  writeFileSync(file, JSON.stringify(document));
  return filesOf(file);
}
