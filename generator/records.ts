/**
 * The guard every stage that reads parsed YAML or JSON uses for "an object with keys": the loader,
 * the validator, the IR builder and the recorded API model. It lives outside those folders so
 * that none of them imports another just for it.
 */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);
