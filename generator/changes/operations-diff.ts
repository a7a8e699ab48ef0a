import type { OperationModel } from "./model.js";
import { diffResponses } from "./responses-diff.js";
import { own, type Compare, type SiteOf } from "./site.js";
import { diffTypes } from "./types-diff.js";

/** Parameters, body and responses of one operation; `key` is the newer `<METHOD> <path>`. */
export function diffOperation(key: string, before: OperationModel, after: OperationModel, cx: Compare): void {
  const { emit } = cx;
  const site: SiteOf = (identifier, member, pointer, direction) => ({
    direction,
    identifier,
    member,
    pointer,
    operation: key,
  });
  if (before.function !== after.function)
    emit("function-renamed", site(after.function, "", after.pointer, "both"), `was ${before.function}, now ${after.function}`);
  if (before.client !== after.client)
    emit("client-method-moved", site(after.function, "", after.pointer, "both"), `was client.${before.client}, now client.${after.client}`);
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
      diffTypes(p.type, q.type, at, cx);
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
    diffTypes(b.type, a.type, bodyAt, cx);
  }

  diffResponses(before, after, site, cx);
}
