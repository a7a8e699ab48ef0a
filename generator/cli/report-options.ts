import type { ChangeReport } from "../changes/model.js";
import type { Filters } from "../load/filter.js";
import { breakingCount } from "../changes/render.js";
import { EXIT } from "./exit.js";

/** The options every command that prints an API change report shares. */
export interface ReportArgs {
  format: "text" | "json";
  /** Set: exit 1 for breaking API changes only, instead of for any drift. */
  failOn: "breaking" | undefined;
}

export const reportOptions = {
  format: {
    choices: ["text", "json"] as const,
    default: "text" as const,
    describe: "The API change report as text, or as JSON on stdout",
  },
  "fail-on": {
    choices: ["breaking"] as const,
    describe: "Exit 1 only for breaking API changes (a compatibility gate), not for other drift",
  },
};

export const specOption = {
  type: "string" as const,
  array: true as const,
  describe:
    "An OpenAPI or Swagger 2.0 document, a Markdown page holding one, or a folder of them; repeat it to merge several into one client [default: spec]",
};

/** Under --fail-on breaking, the exit code is the compatibility gate's, whatever the drift. */
export const gate = (args: ReportArgs, report: ChangeReport | undefined): number | undefined =>
  args.failOn === "breaking" ? (report && breakingCount(report) > 0 ? EXIT.drift : EXIT.ok) : undefined;

const glob = (describe: string) => ({ type: "string" as const, array: true as const, describe });

/** The operation filters of `generate` (docs/inputs.md#filters). */
export const filterOptions = {
  "include-tag": glob("Keep only operations with this tag (or Fern group); a glob, repeatable"),
  "include-path": glob("Keep only operations under this path template, e.g. '/v1/voices/**'"),
  "include-operation": glob("Keep only this operation: an operationId, or 'METHOD /path'"),
  "exclude-tag": glob("Leave out operations with this tag"),
  "exclude-path": glob("Leave out operations under this path template"),
  "exclude-operation": glob("Leave out this operation: an operationId, or 'METHOD /path'"),
  "keep-unused-schemas": {
    type: "boolean" as const,
    default: false,
    describe: "With filters, still emit the component schemas no kept operation uses",
  },
};

export interface FilterArgs {
  includeTag?: string[] | undefined;
  includePath?: string[] | undefined;
  includeOperation?: string[] | undefined;
  excludeTag?: string[] | undefined;
  excludePath?: string[] | undefined;
  excludeOperation?: string[] | undefined;
  keepUnusedSchemas: boolean;
}

/** The filters the flags ask for. */
export const filtersOf = (args: FilterArgs): Filters => ({
  include: { tags: args.includeTag ?? [], paths: args.includePath ?? [], operations: args.includeOperation ?? [] },
  exclude: { tags: args.excludeTag ?? [], paths: args.excludePath ?? [], operations: args.excludeOperation ?? [] },
  keepUnusedSchemas: args.keepUnusedSchemas,
});
