import type { OperationModel } from "./model.js";
import { diffTypes, memberPath, own, type Emit, type Site } from "./types-diff.js";

const isSuccess = (status: string): boolean => /^2/.test(status);

/** Parameters, body and responses of one operation; `key` is the newer `<METHOD> <path>`. */
export function diffOperation(key: string, before: OperationModel, after: OperationModel, emit: Emit): void {
  const site = (identifier: string, member: string, pointer: string, direction: Site["direction"]): Site => ({
    direction,
    identifier,
    member,
    pointer,
    operation: key,
  });
  if (before.function !== after.function || before.client !== after.client) {
    emit(
      "function-renamed",
      site(after.function, "", after.pointer, "both"),
      `was ${before.function} (client.${before.client}), now ${after.function} (client.${after.client})`,
    );
  }
  if (!before.deprecated && after.deprecated)
    emit("operation-deprecated", site(after.function, "", after.pointer, "both"), "now deprecated");

  const parameterKeys = [...new Set([...Object.keys(before.parameters), ...Object.keys(after.parameters)])].sort();
  for (const name of parameterKeys) {
    const p = own(before.parameters, name);
    const q = own(after.parameters, name);
    const at = site(after.paramsType, (q ?? p)!.key, (q ?? p)!.pointer, "request");
    if (!p)
      emit(
        q!.required ? "required-parameter-added" : "parameter-added",
        at,
        `new ${q!.required ? "required" : "optional"} ${name.replace(" ", " parameter ")}`,
      );
    else if (!q) emit("parameter-removed", at, `${name.replace(" ", " parameter ")} removed`);
    else {
      if (p.required && !q.required) emit("parameter-now-optional", at, "parameter is now optional");
      if (!p.required && q.required) emit("parameter-now-required", at, "parameter is now required");
      diffTypes(p.type, q.type, at, emit);
    }
  }

  const b = before.body;
  const a = after.body;
  const bodyAt = site(after.paramsType, "body", (a ?? b)?.pointer ?? after.pointer, "request");
  if (!b && a)
    emit(a.required ? "required-body-added" : "body-added", bodyAt, `new ${a.required ? "required" : "optional"} ${a.mediaType} body`);
  else if (b && !a) emit("body-removed", bodyAt, "request body removed");
  else if (b && a) {
    if (b.required && !a.required) emit("body-now-optional", bodyAt, "the body is now optional");
    if (!b.required && a.required) emit("body-now-required", bodyAt, "the body is now required");
    if (b.mediaType !== a.mediaType) emit("media-type-changed", bodyAt, `sent as ${a.mediaType}, was ${b.mediaType}`);
    diffTypes(b.type, a.type, bodyAt, emit);
  }

  const statuses = [...new Set([...Object.keys(before.responses), ...Object.keys(after.responses)])].sort();
  for (const status of statuses) {
    const r = own(before.responses, status);
    const s = own(after.responses, status);
    // A success body is the function's result; any other status is a member of the error type.
    const at = site(isSuccess(status) ? after.function : after.errorType, memberPath("", `[${status}]`), (s ?? r)!.pointer, "response");
    if (!r) emit("response-added", at, `new ${status} response`);
    else if (!s) emit("response-removed", at, `${status} response removed`);
    else {
      if (r.mediaType !== s.mediaType)
        emit("media-type-changed", at, `answered as ${s.mediaType ?? "no content"}, was ${r.mediaType ?? "no content"}`);
      if (r.type && s.type) diffTypes(r.type, s.type, at, emit);
      else if (r.type || s.type) emit("type-changed", at, s.type ? "now has a body" : "no longer has a body");
    }
  }
}
