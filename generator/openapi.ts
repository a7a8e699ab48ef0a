/** The keys of a Path Item Object that hold an Operation Object (OpenAPI §4.8.9), in the specification's order. */
export const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export type Method = (typeof METHODS)[number];

export const isMethod = (key: string): key is Method => (METHODS as readonly string[]).includes(key);
