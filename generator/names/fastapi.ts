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

/** `Body_<operationId>` of a known operation -> `<function name>Body` words, e.g. `Create_Agent_Body`. */
export function fastApiBodyName(
  schemaName: string,
  operations: readonly { operationId?: string; path: string; method: string }[],
): string | undefined {
  if (!schemaName.startsWith("Body_")) return undefined;
  const operationId = schemaName.slice("Body_".length);
  const operation = operations.find((o) => o.operationId === operationId);
  const base = operation && fastApiFunctionName(operationId, operation.path, operation.method);
  return base === undefined ? undefined : `${base}_Body`;
}
