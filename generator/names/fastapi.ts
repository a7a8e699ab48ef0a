import { COMPONENT_SCHEMAS } from "../ir/context.js";
import type { TypeNode } from "../ir/model.js";
import { escapeSegment } from "../load/pointer.js";

/**
 * FastAPI builds an operationId as `<function name>` + the path with every non-word character
 * replaced by `_` + `_<method>` (its generate_unique_id), and names a request body schema
 * `Body_<operationId>`. The function name alone is the readable part:
 * `Create_Agent_v1_convai_agents_create_post` -> `Create_Agent`.
 */
export function fastApiFunctionName(operationId: string, path: string, method: string): string | undefined {
  const suffix = `${path.replace(/\W/g, "_")}_${method.toLowerCase()}`;
  if (!operationId.endsWith(suffix) || operationId.length === suffix.length) return undefined;
  return operationId.slice(0, -suffix.length);
}

/** What naming a body schema needs to know of an operation. */
export interface BodySender {
  operationId?: string;
  path: string;
  method: string;
  body?: { type: TypeNode };
  deprecated: boolean;
  sdkMethod?: string;
}

/** Whether a body of this type is the schema `id` (or `id | null`). */
const sends = (type: TypeNode, id: string): boolean =>
  (type.kind === "ref" && type.target === id) || (type.kind === "union" && type.members.some((m) => m.kind === "ref" && m.target === id));

function ownersOf(schemaName: string, operations: readonly BodySender[]): readonly BodySender[] {
  if (!schemaName.startsWith("Body_") || schemaName.length === "Body_".length) return [];
  const schemaId = COMPONENT_SCHEMAS + escapeSegment(schemaName);
  const senders = operations.filter((o) => o.body !== undefined && sends(o.body.type, schemaId));
  return senders.length > 0 ? senders : operations.filter((o) => o.operationId === schemaName.slice("Body_".length));
}

/**
 * FastAPI's `Body_<id>` -> `<function name>_Body` words, e.g. `Create_Agent_Body`. The function
 * name comes from the schema's own name and the path of the operation that sends it, not from
 * that operation's operationId: a spec may rewrite its operationIds and keep its schemas
 * (ElevenLabs shortened 22 in August 2025, `Create_podcast_v1_studio_podcasts_post` ->
 * `create_podcast`, and kept `Body_Create_podcast_v1_studio_podcasts_post`), and a renamed
 * type breaks every caller that names it. An id without the path suffix (FastAPI's custom
 * `operation_id`) is the function name already: `Body_create_podcast` -> `create_podcast_Body`,
 * the same words. Only a component some operation sends as its body (or, failing that, whose
 * id is an operationId) is treated as FastAPI's; schemas hoisted out of it (`schemaName` is
 * their first name hint) are named after it.
 */
export function fastApiBodyName(schemaName: string, operations: readonly BodySender[]): string | undefined {
  const owners = ownersOf(schemaName, operations);
  if (owners.length === 0) return undefined;
  const id = schemaName.slice("Body_".length);
  const name = owners.map((o) => fastApiFunctionName(id, o.path, o.method)).find((n) => n !== undefined);
  return `${name ?? id}_Body`;
}

/**
 * The order in which FastAPI bodies claim their names (lower first). Dropping the path makes the
 * bodies of one function served at several paths collide (`Create_podcast` at
 * `/v1/studio/podcasts` and at the deprecated `/v1/projects/podcast/create`); the loser gets a
 * number, and gives it back when the other is removed, which renames it. So an alias on its way
 * out, whose operations are all deprecated or none of which the SDK names (`x-fern-sdk-method-name`),
 * claims last, and the body that stays keeps the plain name throughout.
 */
export function fastApiBodyRank(schemaName: string, operations: readonly BodySender[]): number {
  const owners = ownersOf(schemaName, operations);
  if (owners.length === 0) return 0;
  return (owners.every((o) => o.deprecated) ? 2 : 0) + (owners.every((o) => o.sdkMethod === undefined) ? 1 : 0);
}
