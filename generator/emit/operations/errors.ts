import type { Operation } from "../../ir/model.js";
import type { NameTable } from "../../names/plan.js";
import { call, id, member, named, type Expr, type TypeTree } from "../print/tree.js";
import { typeTree, unionOf } from "../types/type-tree.js";

export interface ErrorView {
  /** The members of the union of ApiError types, none when the spec declares no error status. */
  members: TypeTree[];
  /** The condition on `error.status` that the operation's error guard checks, an operand of `&&`. */
  statusCheck: Expr;
}

const RANGE_TYPES: Record<string, string> = { "4": "ClientErrorStatus", "5": "ServerErrorStatus" };

const status = (code: number): TypeTree => ({ kind: "literal", value: code });

/** `range` without the statuses declared exactly. */
const except = (range: TypeTree, statuses: number[]): TypeTree =>
  statuses.length === 0 ? range : named("Exclude", [range, unionOf(statuses.map(status))]);

/**
 * One ApiError per declared error response: exact codes as literals, `4XX`/`5XX` as the range
 * minus the codes declared exactly, `default` as every 4xx/5xx status declared nowhere else, so
 * that checking `status` narrows `body` to one response's type.
 */
export function errorView(operation: Operation, names: NameTable): ErrorView {
  const isSuccess = (code: string): boolean =>
    /^2/.test(code) || (code === "default" && !operation.responses.some((r) => /^2/.test(r.status)));
  const errors = operation.responses.filter((r) => !isSuccess(r.status) && /^([1-5]\d\d|[1-5]XX|default)$/.test(r.status));
  const exact = errors.filter((r) => /^\d+$/.test(r.status)).map((r) => Number(r.status));
  const ranges = errors.filter((r) => /^[45]XX$/.test(r.status)).map((r) => r.status[0]!);
  const within = (digit: string): number[] => exact.filter((s) => String(s)[0] === digit);
  const members = errors.flatMap((r): TypeTree[] => {
    const body = r.type ? typeTree(r.type, names) : named("unknown");
    const apiError = (statuses: TypeTree): TypeTree => named("ApiError", [statuses, body]);
    if (/^\d+$/.test(r.status)) return [apiError(status(Number(r.status)))];
    const range = RANGE_TYPES[r.status[0]!];
    if (range !== undefined) return [apiError(except(named(range), within(r.status[0]!)))];
    if (r.status !== "default") return [];
    const rest = ["4", "5"].filter((d) => !ranges.includes(d)).map((d) => named(RANGE_TYPES[d]!));
    if (rest.length === 0) return [];
    return [
      apiError(
        except(
          unionOf(rest),
          exact.filter((s) => s >= 400),
        ),
      ),
    ];
  });
  const checks: Expr[] = [];
  const errorStatus = member("error", "status");
  if (errors.some((r) => r.status === "default"))
    checks.push({ kind: "binary", operator: ">=", left: errorStatus, right: { kind: "number", value: 400 } });
  else {
    if (exact.length > 0)
      checks.push(call(member({ kind: "array", elements: exact.map((value) => ({ kind: "number", value })) }, "includes"), [errorStatus]));
    for (const digit of ranges)
      checks.push({
        kind: "binary",
        operator: "===",
        left: call(member("Math", "floor"), [{ kind: "binary", operator: "/", left: errorStatus, right: { kind: "number", value: 100 } }]),
        right: { kind: "number", value: Number(digit) },
      });
  }
  const statusCheck: Expr =
    checks.length === 0 ? id("false") : checks.length === 1 ? checks[0]! : { kind: "logical", operator: "||", operands: checks };
  const unionMembers = unionOf(members);
  return { members: members.length === 0 ? [] : unionMembers.kind === "union" ? unionMembers.members : [unionMembers], statusCheck };
}
