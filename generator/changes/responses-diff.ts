import type { ResponseReading } from "../ir/model.js";
import type { OperationModel } from "./model.js";
import { memberPath, own, type Compare, type SiteOf } from "./site.js";
import { describe, equivalent } from "./structure.js";
import { diffTypes } from "./types-diff.js";

const isSuccess = (status: string): boolean => /^2/.test(status);

/** Statuses the runtime resolves to `undefined`, which joins the result type of a JSON operation. */
const EMPTY = new Set(["204", "205"]);

/** Readings whose result type comes from the success schemas (`T`, `AsyncIterable<T>`); the others give `string`, `Blob`, a stream or `void`. */
const typed = (reading: ResponseReading): boolean => reading === "json" || reading === "sse" || reading === "ndjson";

/** A success body of any type: the result is `unknown` whatever the others are. */
const opaque = (o: OperationModel): boolean =>
  Object.entries(o.responses).some(([status, r]) => isSuccess(status) && r.type?.kind === "unknown");

const READING: Record<ResponseReading, string> = {
  json: "parsed JSON",
  text: "text",
  blob: "a Blob",
  none: "nothing (no content)",
  stream: "a byte stream",
  sse: "server-sent events",
  ndjson: "a stream of JSON lines",
};

/**
 * The responses of one operation. Success bodies make the function's result, the union of their
 * types read as the operation reads them; every other status is a member of its error type,
 * told apart by `status` (a new one is a notice, like an enum value).
 */
export function diffResponses(before: OperationModel, after: OperationModel, site: SiteOf, cx: Compare): void {
  const { emit } = cx;
  // Read as JSON, text, a Blob or a stream: the result's type changes with that, or, where the type stays
  // (`string` from JSON or from text), what it holds: a JSON string arrives unquoted, text as sent.
  const reread = before.reading !== after.reading;
  const reading = `now read as ${READING[after.reading]}, was ${READING[before.reading]}`;
  let rereadReported = false;
  const successes = Object.entries(before.responses).filter(([status]) => isSuccess(status));
  const statuses = [...new Set([...Object.keys(before.responses), ...Object.keys(after.responses)])].sort();
  for (const status of statuses) {
    const r = own(before.responses, status);
    const s = own(after.responses, status);
    const success = isSuccess(status);
    const at = site(success ? after.function : after.errorType, memberPath("", `[${status}]`), (s ?? r)!.pointer, "response");
    if (!r) {
      const { type } = s!;
      // A new success response widens the result unless it answers with a type the function already returns.
      const widens =
        success &&
        typed(after.reading) &&
        (EMPTY.has(status)
          ? after.reading === "json" && !successes.some(([known]) => EMPTY.has(known))
          : type !== undefined && !successes.some(([, known]) => known.type && equivalent(known.type, type, cx.models)));
      if (widens)
        emit(
          "type-widened",
          at,
          `new ${status} response: the result is now also ${type && !EMPTY.has(status) ? describe(type) : "undefined"}`,
        );
      else emit("response-added", at, `new ${status} response`);
    } else if (!s) emit("response-removed", at, `${status} response removed`);
    else {
      if (r.mediaType !== s.mediaType) {
        const media = `answered as ${s.mediaType ?? "no content"}, was ${r.mediaType ?? "no content"}`;
        if (reread && success) emit("response-reading-changed", at, `${media}: ${reading}`);
        else emit("media-type-changed", at, media);
        rereadReported ||= reread && success;
      }
      // A success schema types the result only when the body is parsed into it, and another success
      // body of any type (`unknown`) absorbs it: then a changed schema is news, not a new result type.
      const untyped =
        !typed(before.reading) || !typed(after.reading)
          ? "it is not parsed"
          : opaque(before) && opaque(after)
            ? "another success response makes it unknown"
            : undefined;
      if (success && untyped !== undefined) {
        if (!reread && r.type && s.type && !equivalent(r.type, s.type, cx.models))
          emit(
            "response-body-changed",
            at,
            `changed from ${describe(r.type)} to ${describe(s.type)}; the result stays as it was: ${untyped}`,
          );
        continue;
      }
      if (r.type && s.type) diffTypes(r.type, s.type, at, cx);
      else if (r.type || s.type) emit("type-changed", at, s.type ? "now has a body" : "no longer has a body");
    }
  }
  if (reread && !rereadReported) emit("response-reading-changed", site(after.function, "", after.pointer, "response"), reading);
}
