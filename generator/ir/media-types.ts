// Media type names: what a client prefers to send and read, and what counts as JSON.

export const JSON_TYPE = /^application\/(.+\+)?json$/;
export const SSE_TYPE = /^text\/event-stream$/;
export const NDJSON_TYPE = /^application\/(x-)?(ndjson|jsonl|json-seq|jsonlines)$/;

/** Media types in the order a client prefers to send or read them when several are offered. */
const MEDIA_PREFERENCE = [
  JSON_TYPE,
  SSE_TYPE,
  NDJSON_TYPE,
  /^multipart\/form-data$/,
  /^application\/x-www-form-urlencoded$/,
  /^text\//,
  /./,
];

export const essence = (mediaType: string): string => mediaType.split(";")[0]!.trim().toLowerCase();

export const isJsonMediaType = (mediaType: string): boolean => JSON_TYPE.test(essence(mediaType));

export const preferredMediaType = (types: string[]): string | undefined => {
  for (const pattern of MEDIA_PREFERENCE) {
    const found = types.find((t) => pattern.test(essence(t)));
    if (found !== undefined) return found;
  }
  return undefined;
};
