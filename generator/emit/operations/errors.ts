import type { Operation } from "../../ir/model.js";
import type { NameTable } from "../../names/plan.js";
import { typeText } from "../types/type-text.js";

export interface ErrorView {
  /** The members of the union of ApiError types, none when the spec declares no error status. */
  members: string[];
  /** The condition on `error.status` that the operation's error guard checks, an operand of `&&`. */
  statusCheck: string;
}

const RANGE_TYPES: Record<string, string> = { "4": "ClientErrorStatus", "5": "ServerErrorStatus" };

/**
 * One ApiError per declared error response: exact codes as literals, `4XX`/`5XX` as the range
 * minus the codes declared exactly, `default` as every 4xx/5xx status declared nowhere else, so
 * that checking `status` narrows `body` to one response's type.
 */
export function errorView(operation: Operation, names: NameTable): ErrorView {
  const isSuccess = (status: string): boolean =>
    /^2/.test(status) || (status === "default" && !operation.responses.some((r) => /^2/.test(r.status)));
  const errors = operation.responses.filter((r) => !isSuccess(r.status) && /^([1-5]\d\d|[1-5]XX|default)$/.test(r.status));
  const exact = errors.filter((r) => /^\d+$/.test(r.status)).map((r) => Number(r.status));
  const ranges = errors.filter((r) => /^[45]XX$/.test(r.status)).map((r) => r.status[0]!);
  const excluded = (statuses: number[]): string => (statuses.length === 0 ? "" : ` ${statuses.join(" | ")}`);
  const within = (digit: string): number[] => exact.filter((s) => String(s)[0] === digit);
  const members = errors.flatMap((r) => {
    const body = r.type ? typeText(r.type, names) : "unknown";
    if (/^\d+$/.test(r.status)) return [`ApiError<${r.status}, ${body}>`];
    const range = RANGE_TYPES[r.status[0]!];
    if (range !== undefined)
      return [
        `ApiError<${excluded(within(r.status[0]!)) === "" ? range : `Exclude<${range},${excluded(within(r.status[0]!))}>`}, ${body}>`,
      ];
    if (r.status !== "default") return [];
    const rest = ["4", "5"].filter((d) => !ranges.includes(d)).map((d) => RANGE_TYPES[d]!);
    if (rest.length === 0) return [];
    const declared = exact.filter((s) => s >= 400);
    return [`ApiError<${declared.length === 0 ? rest.join(" | ") : `Exclude<${rest.join(" | ")},${excluded(declared)}>`}, ${body}>`];
  });
  const checks = [];
  if (errors.some((r) => r.status === "default")) checks.push("error.status >= 400");
  else {
    if (exact.length > 0) checks.push(`[${exact.join(", ")}].includes(error.status)`);
    for (const digit of ranges) checks.push(`Math.floor(error.status / 100) === ${digit}`);
  }
  const statusCheck = checks.length === 0 ? "false" : checks.length === 1 ? checks[0]! : `(${checks.join(" || ")})`;
  return { members: [...new Set(members)], statusCheck };
}
