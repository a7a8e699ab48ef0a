import { classify } from "./classify.js";
import type { ApiChange, ApiModel, ChangeReport, OperationModel } from "./model.js";
import { diffOperation } from "./operations-diff.js";
import { own, type Compare, type Emit } from "./site.js";
import { diffTypes } from "./types-diff.js";
import { schemaDirections } from "./usage.js";

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const methodOf = (key: string): string => key.slice(0, key.indexOf(" "));
const withoutTrailingSlash = (key: string): string => key.replace(/(?<=.)\/$/, "");

/**
 * An operation that left one path and appeared at another with the same method is the same
 * operation if it kept its generated function, its operationId, or differs only by a trailing slash.
 */
function isMove(fromKey: string, from: OperationModel, toKey: string, to: OperationModel): boolean {
  if (methodOf(fromKey) !== methodOf(toKey)) return false;
  return (
    from.function === to.function ||
    (from.operationId !== undefined && from.operationId === to.operationId) ||
    withoutTrailingSlash(fromKey) === withoutTrailingSlash(toKey)
  );
}

/** Everything a client of the generated code would notice between two models, classified. */
export function diffApiModels(base: ApiModel, head: ApiModel): ChangeReport {
  const changes: ApiChange[] = [];
  const emit: Emit = (kind, site, message) => {
    const severity = classify(kind, site.direction);
    changes.push({ kind, severity, breaking: severity === "breaking", ...site, message });
  };
  const cx: Compare = { emit, models: { base: base.schemas, head: head.schemas }, open: [] };
  const report: ChangeReport = {
    operations: { added: [], removed: [], moved: [], changed: [] },
    schemas: { added: [], removed: [], changed: [] },
    changes,
  };
  const changed = (list: string[], key: string, run: () => void): void => {
    const count = changes.length;
    run();
    if (changes.length > count) list.push(key);
  };

  const baseOps = Object.keys(base.operations).sort(byCodePoint);
  const headOps = Object.keys(head.operations).sort(byCodePoint);
  const added = headOps.filter((k) => !Object.hasOwn(base.operations, k));
  const removed = baseOps.filter((k) => !Object.hasOwn(head.operations, k));
  for (const from of removed) {
    const to = added.find((k) => isMove(from, base.operations[from]!, k, head.operations[k]!));
    const was = base.operations[from]!;
    if (to === undefined) {
      report.operations.removed.push(from);
      emit(
        "operation-removed",
        { direction: "both", identifier: was.function, member: "", pointer: was.pointer, operation: from },
        "operation removed",
      );
      continue;
    }
    added.splice(added.indexOf(to), 1);
    report.operations.moved.push({ from, to });
    const now = head.operations[to]!;
    emit(
      "operation-moved",
      { direction: "both", identifier: now.function, member: "", pointer: now.pointer, operation: to },
      `moved from ${from}`,
    );
    diffOperation(to, was, now, cx);
  }
  for (const key of added) {
    const now = head.operations[key]!;
    report.operations.added.push(key);
    emit(
      "operation-added",
      { direction: "both", identifier: now.function, member: "", pointer: now.pointer, operation: key },
      "new operation",
    );
  }
  for (const key of headOps.filter((k) => Object.hasOwn(base.operations, k))) {
    changed(report.operations.changed, key, () => diffOperation(key, base.operations[key]!, head.operations[key]!, cx));
  }

  const directionOf = schemaDirections([base, head]);
  const names = [...new Set([...Object.keys(base.schemas), ...Object.keys(head.schemas)])].sort(byCodePoint);
  for (const name of names) {
    const was = own(base.schemas, name);
    const now = own(head.schemas, name);
    const site = {
      direction: directionOf(name),
      identifier: (now ?? was)!.identifier,
      member: "",
      pointer: (now ?? was)!.pointer,
      schema: name,
    };
    if (!was) {
      report.schemas.added.push(name);
      emit("schema-added", site, "new schema");
    } else if (!now) {
      report.schemas.removed.push(name);
      emit("schema-removed", site, "schema removed");
    } else {
      changed(report.schemas.changed, name, () => {
        if (was.identifier !== now.identifier) emit("type-renamed", site, `the generated type ${was.identifier} is now ${now.identifier}`);
        diffTypes(was.type, now.type, site, cx);
      });
    }
  }
  return report;
}
