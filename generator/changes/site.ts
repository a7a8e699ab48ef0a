import type { ChangeKind } from "./classify.js";
import type { Assumed, Direction, Models } from "./model.js";

/** Where a compared type sits: what a change found there is reported against. */
export interface Site {
  direction: Direction;
  identifier: string;
  member: string;
  pointer: string;
  operation?: string;
  schema?: string;
}

/** A site in one operation: the identifier and member reported against, and the way the data flows. */
export type SiteOf = (identifier: string, member: string, pointer: string, direction: Direction) => Site;

export type Emit = (kind: ChangeKind, site: Site, message: string) => void;

/** What a comparison needs besides the two types: where to report, both models, and the pairs being compared through references. */
export interface Compare {
  emit: Emit;
  models: Models;
  open: Assumed;
}

/** A record's own entry: keys come from the spec, so `constructor` or `__proto__` must stay plain data. */
export const own = <T>(record: Record<string, T>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

export const memberPath = (base: string, name: string): string =>
  base === "" ? name : name.startsWith("[") ? base + name : `${base}.${name}`;
