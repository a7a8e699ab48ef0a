import type { Operation } from "../ir/model.js";
import { camelCase, identifier, singular, words } from "./case.js";
import { fastApiFunctionName } from "./fastapi.js";
import { Namespace } from "./namespace.js";

/** The names of one operation: see OperationNames in plan.ts. */
export interface OperationNaming {
  fn: string;
  groupPath: string[];
  method: string;
  /** The group path the operation's file is named after; empty for top-level operations. */
  fileGroup: string[];
  /** The keys of the operation's level of the client, for the names of its other methods. */
  level: Namespace;
}

/** A level of the client: its keys (methods and sub-groups share one namespace) and its sub-groups by spec name. */
export interface GroupNode {
  keys: Namespace;
  children: Map<string, { key: string; node: GroupNode }>;
}

export const newGroupNode = (): GroupNode => ({ keys: new Namespace(), children: new Map() });

/**
 * One-word operationIds that only say what is done, not to what: with a tag they name the
 * operation together (`create` in `environmentVariables` -> `createEnvironmentVariable`).
 */
const BARE_VERBS = new Set(
  (
    "get list create update delete remove patch put post head options trace search find fetch retrieve read write set add " +
    "replace upsert query count check validate send cancel start stop run execute download upload import export"
  ).split(" "),
);

/** The operationId the names start from: FastAPI's without the path and method it appends. */
const readableId = (operation: Operation): string | undefined =>
  operation.operationId && (fastApiFunctionName(operation.operationId, operation.path, operation.method) ?? operation.operationId);

/** camelCase operationIds that more than one operation would take, so that none of them takes it. */
export function sharedOperationIds(operations: Operation[]): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const operation of operations) {
    const id = readableId(operation);
    if (id === undefined) continue;
    const name = camelCase(id);
    if (seen.has(name)) shared.add(name);
    seen.add(name);
  }
  return shared;
}

const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * `name` without a run of words that spells the group (singular or plural, whatever the case and
 * acronym split: `createRedirectURL` in `redirectURLs` -> create). Undefined when no run does.
 */
function withoutGroup(name: string[], group: string[]): string[] | undefined {
  const whole = squash(group.join(""));
  const spellings = new Set([whole, squash(singular(group.join("")))]);
  for (let start = 0; start < name.length; start++) {
    let joined = "";
    for (let end = start; end < name.length; end++) {
      joined += squash(name[end]!);
      if (joined.length > whole.length) break;
      if (spellings.has(joined)) return [...name.slice(0, start), ...name.slice(end + 1)];
    }
  }
  return undefined;
}

/**
 * The names a user finds in the API's own docs:
 * - Fern's `x-fern-sdk-group-name`/`x-fern-sdk-method-name` when present: the client is
 *   `client.<group>.<method>`, the function the method's verb, the group, then its other words
 *   (`create` in `environmentVariables` -> `createEnvironmentVariable`);
 * - else the operationId in camelCase when it says more than a bare verb and no other operation
 *   takes the same name (`UsersBan` -> `usersBan`); on the client, under its tag, without the
 *   words that repeat the tag (`client.users.ban`);
 * - else (a bare verb such as `create`, a shared name, or no operationId) the tag and the verb,
 *   as Fern composes them; never repeating a word the name already has (`get_pet` in `pets` -> `getPet`).
 * Operations without a tag are at the top level of the client.
 */
export function operationNaming(operation: Operation, tree: GroupNode, shared: ReadonlySet<string>): OperationNaming {
  const first = operation.tags[0];
  const tag = first?.replace(/^subpackage_/, "");
  // Fern's published docs tag an operation `subpackage_<group>` and give the SDK method as its
  // operationId (`share` in `subpackage_voices`): the same names as x-fern-sdk-method-name.
  const sdkMethod = operation.sdkMethod ?? (first !== tag && operation.sdkGroup === undefined ? operation.operationId : undefined);
  const groupSources = operation.sdkGroup ?? (tag === undefined || tag === "" ? [] : [tag]);
  const groupPath: string[] = [];
  let node = tree;
  for (const source of groupSources) {
    const wanted = identifier(camelCase(source), "group");
    let child = node.children.get(wanted);
    if (!child) node.children.set(wanted, (child = { key: node.keys.claim(wanted), node: newGroupNode() }));
    groupPath.push(child.key);
    node = child.node;
  }
  const groupWords = groupSources.flatMap(words);
  const id = readableId(operation);
  const fromId = id === undefined ? undefined : camelCase(id);
  const descriptive =
    sdkMethod === undefined &&
    fromId !== undefined &&
    !shared.has(fromId) &&
    (words(fromId).length > 1 || !BARE_VERBS.has(fromId.toLowerCase()));
  if (descriptive) {
    const own = words(fromId!);
    const method = identifier(
      camelCase((groupWords.length > 0 ? withoutGroup(own, groupWords) : undefined)?.join("_") || fromId!),
      operation.method,
    );
    return {
      fn: identifier(fromId!, operation.method),
      groupPath,
      method: node.keys.claim(method),
      fileGroup: groupSources,
      level: node.keys,
    };
  }
  const wantedMethod = identifier(camelCase(sdkMethod ?? id ?? `${operation.method} ${operation.path}`), operation.method);
  const [verb = operation.method, ...rest] = words(wantedMethod);
  // The group, singular unless the verb lists, between the verb and the method's other words;
  // left out when those already name it (`get_pet` in `pets`, `getAgent` in `convai.agents`).
  const last = singular(groupWords.at(-1) ?? "").toLowerCase();
  const namesGroup = rest.some((w) => singular(w).toLowerCase() === last) || withoutGroup(rest, groupWords) !== undefined;
  const group = namesGroup ? [] : groupWords.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  if (verb.toLowerCase() !== "list" && group.length > 0) group.push(singular(group.pop()!));
  const fn = identifier(camelCase([verb, ...group, ...rest].join("_")), operation.method);
  return { fn, groupPath, method: node.keys.claim(wantedMethod), fileGroup: groupSources, level: node.keys };
}
