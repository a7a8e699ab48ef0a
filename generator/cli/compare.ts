import { diffApiModels } from "../changes/diff.js";
import type { ApiModel } from "../changes/model.js";
import { reportJson, reportText } from "../changes/render.js";
import { formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { EXIT } from "./exit.js";
import { gate, type ReportArgs } from "./report-options.js";

export interface CompareArgs extends ReportArgs {
  base: string[];
  spec: string[];
}

/** `compare`: the change report between two specs; exit 1 for any change, or only breaking ones under --fail-on breaking. */
export async function runCompare(args: CompareArgs): Promise<number> {
  const { analyze } = await import("../pipeline.js");
  const models: ApiModel[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const spec of [args.base, args.spec]) {
    const result = await analyze(spec);
    diagnostics.push(...result.diagnostics);
    if (result.model) models.push(result.model);
  }
  for (const d of diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
  const sides = { base: args.base.join(", "), head: args.spec.join(", ") };
  if (models.length < 2) {
    const note = "a spec could not be read or has errors; see diagnostics.";
    if (args.format === "json") process.stdout.write(reportJson({ note }, sides, diagnostics) + "\n");
    return EXIT.badInput;
  }
  const report = diffApiModels(models[0]!, models[1]!);
  process.stdout.write((args.format === "json" ? reportJson({ report }, sides, diagnostics) : reportText(report, sides)) + "\n");
  return gate(args, report) ?? (report.changes.length > 0 ? EXIT.drift : EXIT.ok);
}
