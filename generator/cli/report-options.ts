import type { ChangeReport } from "../changes/model.js";
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
  default: ["spec"] as string[],
  describe: "An OpenAPI document, a Markdown page holding one, or a folder of them; repeat it to merge several into one client",
};

/** Under --fail-on breaking, the exit code is the compatibility gate's, whatever the drift. */
export const gate = (args: ReportArgs, report: ChangeReport | undefined): number | undefined =>
  args.failOn === "breaking" ? (report && breakingCount(report) > 0 ? EXIT.drift : EXIT.ok) : undefined;
