// Every wire shape of issue 4, end to end: the client generated from test/fixtures/wire.yaml
// (committed in test/wire-client/) against a real node:http server on 127.0.0.1. For each shape
// the server checks the exact bytes it received and the test checks what the client returned.
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach, vi } from "vitest";
import {
  ApiError,
  createClient,
  createItem,
  deleteItems,
  environments,
  getItemsPart,
  getAudio,
  getAudioAsStream,
  isCreateItemError,
  isGetItemsPartError,
  listEvents,
  NetworkError,
  ParseError,
  postNote,
  putRaw,
  replaceItems,
  serverUrl,
  streamAudio,
  streamLines,
  submitForm,
  uploadFile,
} from "./wire-client/index.js";
import { nodeFetch, sendJson, startServer, type RecordedRequest, type TestServer } from "./support/http-server.js";
import type { ServerResponse } from "node:http";

const ITEM = { id: "i1", name: 'Ünïcødé "quoted"', tags: ["a"] };

let server: TestServer;
/** Lets a streaming route go on once the client has read what came before. */
let release: () => void = () => {};

const text = (res: ServerResponse, status: number, body: string, type = "text/plain; charset=utf-8"): void => {
  res.writeHead(status, { "content-type": type });
  res.end(body);
};

beforeAll(async () => {
  server = await startServer({
    default: (_req, res) => sendJson(res, 200, ITEM),
    "not-found": (_req, res) => sendJson(res, 404, { message: "no such part" }),
    teapot: (_req, res) => text(res, 418, "short and stout"),
    unavailable: (_req, res) => sendJson(res, 503, { code: 7 }),
    created: (_req, res) => sendJson(res, 201, { created: true }),
    "no-content": (_req, res) => {
      res.writeHead(204);
      res.end();
    },
    echo: (req, res) => text(res, 200, req.body),
    size: (req, res) => sendJson(res, 200, { size: req.bytes.length }),
    audio: (_req, res) => {
      res.writeHead(200, { "content-type": "audio/mpeg" });
      res.end(Buffer.from([0xff, 0xfb, 0x90, 0x00, 0x01]));
    },
    // Sends one chunk, then waits for the test to have read it before sending the rest.
    trickle: (_req, res) => {
      res.writeHead(200, { "content-type": "audio/mpeg" });
      res.write(Buffer.from([1, 2, 3]));
      release = () => res.end(Buffer.from([4, 5]));
    },
    events: (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      // A comment, an event split across chunks and lines, CRLF line ends, id and event fields.
      res.write(': keep-alive\n\ndata: {"n":1}\n\nevent: tick\r\nid: 2\r\ndata: {"n":2,\r\n');
      setTimeout(() => res.end('data: "text":"two"}\r\n\r\ndata: {"n":3}'), 20);
    },
    "bad-event": (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end("data: [DONE]\n\n");
    },
    lines: (_req, res) => {
      res.writeHead(200, { "content-type": "application/x-ndjson" });
      res.write('{"n":1}\n{"n":');
      setTimeout(() => res.end('2,"text":"b"}\n\n{"n":3}\n'), 20);
    },
  });
});

afterAll(() => server.close());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    throw new Error(`expected a rejection, got ${JSON.stringify(await promise)}`);
  } catch (e) {
    return e;
  }
}

const partParams = { itemId: "../x y", part: 7, xTraceId: "t-1" };

describe("parameters", () => {
  it("path segments are percent-encoded; query scalars, booleans, arrays (explode or not), deepObject and form objects; null is left out", async () => {
    const result = await getItemsPart(
      {
        ...partParams,
        q: "a&b=c",
        limit: 10,
        exact: false,
        maybe: null,
        ids: ["a", "b"],
        csv: [1, 2, 3],
        piped: ["x", "y"],
        filter: { color: "red", size: 2 },
        point: { x: 1, y: 2 },
        box: { w: 3, h: 4 },
      },
      { baseUrl: server.origin },
    );
    expect(server.last().url).toBe(
      "/items/..%2Fx%20y/parts/7?q=a%26b%3Dc&limit=10&exact=false&ids=a&ids=b&csv=1%2C2%2C3&piped=x%7Cy&filter%5Bcolor%5D=red&filter%5Bsize%5D=2&x=1&y=2&box=w%2C3%2Ch%2C4",
    );
    expect(result).toStrictEqual(ITEM);
  });

  it("absent optional query parameters leave no query string", async () => {
    await getItemsPart({ itemId: "a/b?c#d", part: 0, xTraceId: "t" }, { baseUrl: server.origin });
    expect(server.last().url).toBe("/items/a%2Fb%3Fc%23d/parts/0");
  });

  it("a path parameter of `..` is refused before anything is sent", async () => {
    const before = server.requests.length;
    const e = await rejection(getItemsPart({ ...partParams, itemId: ".." }, { baseUrl: server.origin }));
    expect(e).toBeInstanceOf(TypeError);
    expect(server.requests.length).toBe(before);
  });

  it("header parameters (arrays comma-joined), cookie parameters and an apiKey security scheme in a header", async () => {
    await getItemsPart(
      { ...partParams, xFlags: ["fast", "cheap"], theme: "dark", lang: "en US" },
      { baseUrl: server.origin, apiKey: "k-1" },
    );
    const { headers } = server.last();
    expect(headers["x-trace-id"]).toBe("t-1");
    expect(headers["x-flags"]).toBe("fast,cheap");
    expect(headers["cookie"]).toBe("theme=dark; lang=en%20US");
    expect(headers["x-api-key"]).toBe("k-1");
  });

  it("a header the caller sets wins over the apiKey", async () => {
    await getItemsPart(partParams, { baseUrl: server.origin, apiKey: "k-1", headers: { "X-Api-Key": "mine" } });
    expect(server.last().headers["x-api-key"]).toBe("mine");
  });

  it("apiKey in the query and in a cookie; bearer and basic auth", async () => {
    await replaceItems({ body: { name: "n" } }, { baseUrl: server.url("no-content"), apiKey: "q k" });
    expect(server.last().path).toBe("/items?api_key=q%20k");
    await deleteItems({}, { baseUrl: server.url("no-content"), apiKey: "c1" });
    expect(server.last().headers["cookie"]).toBe("session=c1");
    await createItem({ body: ITEM }, { baseUrl: server.origin, token: "tok" });
    expect(server.last().headers["authorization"]).toBe("Bearer tok");
    await createItem({ body: ITEM }, { baseUrl: server.origin, username: "ädmin", password: "p:w" });
    expect(server.last().headers["authorization"]).toBe(`Basic ${Buffer.from("ädmin:p:w").toString("base64")}`);
  });
});

describe("bodies", () => {
  it("JSON, with the exact bytes", async () => {
    await createItem({ body: ITEM }, { baseUrl: server.origin });
    expect(server.last().headers["content-type"]).toBe("application/json");
    expect(server.last().body).toBe(JSON.stringify(ITEM));
  });

  it("a JSON media type of its own (merge-patch) keeps its content type", async () => {
    await replaceItems({ body: { name: "x" } }, { baseUrl: server.url("no-content") });
    expect(server.last().headers["content-type"]).toBe("application/merge-patch+json");
    expect(server.last().body).toBe('{"name":"x"}');
  });

  it("multipart: Blob, File and bytes as files, an array of files, numbers, booleans, objects as JSON parts, and a text part with the encoding's content type", async () => {
    const result = await uploadFile(
      {
        body: {
          file: new File([new Uint8Array([0, 1, 2, 255])], "a.bin", { type: "application/x-thing" }),
          files: [new Blob(["first"], { type: "text/plain" }), new Uint8Array([9, 8, 7])],
          count: 3,
          flag: true,
          meta: { a: 1 },
          note: "# hi",
          labels: ["x", "y"],
        },
      },
      { baseUrl: server.url("created"), apiKey: "k" },
    );
    expect(result).toStrictEqual({ created: true });
    const req = server.last();
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(String(req.headers["content-type"]))![1]!;
    const parts = req.bytes.toString("latin1").split(`--${boundary}`).slice(1, -1);
    const part = (i: number): { head: string; data: string } => {
      const [head = "", data = ""] = parts[i]!.split("\r\n\r\n");
      return { head: head.trim(), data: data.slice(0, -2) };
    };
    expect(parts).toHaveLength(9);
    expect(part(0)).toStrictEqual({
      head: 'Content-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/x-thing',
      data: "\x00\x01\x02\xff",
    });
    expect(part(1)).toStrictEqual({
      head: 'Content-Disposition: form-data; name="files"; filename="blob"\r\nContent-Type: text/plain',
      data: "first",
    });
    expect(part(2)).toStrictEqual({
      head: 'Content-Disposition: form-data; name="files"; filename="blob"\r\nContent-Type: application/octet-stream',
      data: "\x09\x08\x07",
    });
    expect(part(3)).toStrictEqual({ head: 'Content-Disposition: form-data; name="count"', data: "3" });
    expect(part(4)).toStrictEqual({ head: 'Content-Disposition: form-data; name="flag"', data: "true" });
    expect(part(5)).toStrictEqual({
      head: 'Content-Disposition: form-data; name="meta"\r\nContent-Type: application/json',
      data: '{"a":1}',
    });
    // A text part of the encoding's type is still a field, not a file.
    expect(part(6)).toStrictEqual({ head: 'Content-Disposition: form-data; name="note"\r\nContent-Type: text/markdown', data: "# hi" });
    expect([part(7), part(8)]).toStrictEqual([
      { head: 'Content-Disposition: form-data; name="labels"', data: "x" },
      { head: 'Content-Disposition: form-data; name="labels"', data: "y" },
    ]);
  });

  it("application/x-www-form-urlencoded without encoding: form with explode, OpenAPI's default: arrays repeat the key, objects send their own keys", async () => {
    const echoed = await submitForm(
      { body: { name: "a b&c", n: 1, tags: ["x", "y"], extra: { k: 1, gone: undefined } } },
      { baseUrl: server.url("echo") },
    );
    const expected = "name=a+b%26c&n=1&tags=x&tags=y&k=1";
    expect(server.last().headers["content-type"]).toBe("application/x-www-form-urlencoded;charset=UTF-8");
    expect(server.last().body).toBe(expected);
    expect(echoed).toBe(expected);
  });

  it("application/octet-stream from bytes or a Blob, and text/plain", async () => {
    expect(await putRaw({ body: new Uint8Array([0, 255, 10]) }, { baseUrl: server.url("size") })).toStrictEqual({ size: 3 });
    expect(server.last().headers["content-type"]).toBe("application/octet-stream");
    expect([...server.last().bytes]).toStrictEqual([0, 255, 10]);
    await putRaw({ body: new Blob(["abcd"]) }, { baseUrl: server.url("size") });
    expect(server.last().body).toBe("abcd");
    expect(await postNote({ body: "plain ✓" }, { baseUrl: server.url("echo") })).toBe("plain ✓");
    expect(server.last().headers["content-type"]).toBe("text/plain");
  });
});

describe("responses", () => {
  it("several 2xx codes: 200 and 201 bodies, 204 resolves to undefined", async () => {
    expect(await createItem({ body: ITEM }, { baseUrl: server.origin })).toStrictEqual(ITEM);
    expect(await createItem({ body: ITEM }, { baseUrl: server.url("created") })).toStrictEqual({ created: true });
    expect(await createItem({ body: ITEM }, { baseUrl: server.url("no-content") })).toBeUndefined();
  });

  it("errors are typed per status, by exact code, 4XX range and default, and narrowed by status", async () => {
    const notFound = await rejection(getItemsPart(partParams, { baseUrl: server.url("not-found") }));
    const teapot = await rejection(getItemsPart(partParams, { baseUrl: server.url("teapot") }));
    const unavailable = await rejection(getItemsPart(partParams, { baseUrl: server.url("unavailable"), maxRetries: 0 }));
    const seen: string[] = [];
    for (const e of [notFound, teapot, unavailable]) {
      if (!isGetItemsPartError(e)) throw new Error("not a declared error");
      if (e.status === 404) seen.push(`404 ${e.body.message}`);
      else if (typeof e.body === "string") seen.push(`4XX ${e.body.toUpperCase()}`);
      else seen.push(`default ${JSON.stringify(e.body)}`);
    }
    expect(seen).toStrictEqual(["404 no such part", "4XX SHORT AND STOUT", 'default {"code":7}']);
    const serverError = await rejection(createItem({ body: ITEM }, { baseUrl: server.url("unavailable") }));
    expect(isCreateItemError(serverError) && serverError.status === 503).toBe(true);
  });

  it("binary as a Blob, and the same operation as a stream that is not buffered", async () => {
    const blob = await getAudio({}, { baseUrl: server.url("audio") });
    expect(blob.type).toBe("audio/mpeg");
    expect([...new Uint8Array(await blob.arrayBuffer())]).toStrictEqual([0xff, 0xfb, 0x90, 0x00, 0x01]);
    const stream = await getAudioAsStream({}, { baseUrl: server.url("trickle") });
    const reader = stream.getReader();
    // The server holds the rest back until this first chunk has arrived.
    expect([...(await reader.read()).value!]).toStrictEqual([1, 2, 3]);
    release();
    const rest: number[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) rest.push(...r.value);
    expect(rest).toStrictEqual([4, 5]);
  });

  it("an x-fern-streaming operation returns a ReadableStream by default", async () => {
    const stream = await streamAudio({}, { baseUrl: server.url("trickle") });
    expect(stream).toBeInstanceOf(ReadableStream);
    const reader = stream.getReader();
    expect([...(await reader.read()).value!]).toStrictEqual([1, 2, 3]);
    release();
    await reader.cancel();
  });

  it("text/event-stream as an async iterable of parsed events", async () => {
    const events = [];
    for await (const event of await listEvents({}, { baseUrl: server.url("events") })) events.push(event);
    expect(events).toStrictEqual([{ n: 1 }, { n: 2, text: "two" }, { n: 3 }]);
  });

  it("an event that is not JSON throws ParseError carrying the raw text", async () => {
    const e = await rejection(
      (async () => {
        for await (const event of await listEvents({}, { baseUrl: server.url("bad-event") })) void event;
      })(),
    );
    expect(e).toBeInstanceOf(ParseError);
    expect((e as ParseError).text).toBe("[DONE]");
  });

  it("x-fern-streaming JSON as newline-delimited JSON events", async () => {
    const events = [];
    for await (const event of await streamLines({}, { baseUrl: server.url("lines") })) events.push(event.n);
    expect(events).toStrictEqual([1, 2, 3]);
  });
});

describe("retries", () => {
  // The client waits on vitest's fake clock, which jumps to each timer it sets: the waits are the
  // runtime's own arithmetic (the server records them with the same clock), taken in no time.
  // Requests go through nodeFetch, which sets no timers; timeoutMs: 0 leaves the backoff the only
  // timer, so that the jump never lands on a request timeout.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: new Date("2026-01-01T00:00:00Z") });
    vi.setTimerTickMode("nextTimerAsync");
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
  const on = (url: string) => ({ baseUrl: url, fetch: nodeFetch, timeoutMs: 0 });

  /** A route that answers `statuses` in turn (then 200), recording when each request came. */
  const sequence = (statuses: number[], headers: Record<string, string> = {}) => {
    const times: number[] = [];
    const route = (_req: RecordedRequest, res: ServerResponse) => {
      times.push(Date.now());
      const status = statuses.shift() ?? 200;
      if (status === 200) return sendJson(res, 200, ITEM);
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end('{"message":"busy"}');
    };
    return { times, route };
  };

  const routed = async (name: string, statuses: number[], headers?: Record<string, string>) => {
    const s = sequence(statuses, headers);
    const local = await startServer({ [name]: s.route });
    return { ...s, url: local.url(name), close: () => local.close() };
  };

  /** The waits between consecutive requests, in milliseconds. */
  const gaps = (times: number[]): number[] => times.slice(1).map((t, i) => t - times[i]!);

  it("a GET is retried after 503, 429 and 408, twice by default, with 0.25-0.5 s then 0.5-1 s backoff", async () => {
    const jitter = vi.spyOn(Math, "random").mockReturnValue(0);
    const s = await routed("busy", [503, 429]);
    expect(await getItemsPart(partParams, on(s.url))).toStrictEqual(ITEM);
    expect(gaps(s.times)).toStrictEqual([250, 500]);
    await s.close();
    // The jitter's other end: just under twice the base (timers count whole milliseconds).
    jitter.mockReturnValue(0.999);
    const timeout = await routed("timeout", [408, 503, 503]);
    await rejection(getItemsPart(partParams, on(timeout.url)));
    expect(gaps(timeout.times)).toStrictEqual([499, 999]);
    await timeout.close();
  });

  it("gives up after maxRetries and throws the last error; 400 is not retried", async () => {
    const s = await routed("down", [503, 503, 503, 503]);
    const e = await rejection(getItemsPart(partParams, { ...on(s.url), maxRetries: 1 }));
    expect(e).toBeInstanceOf(ApiError);
    expect(s.times).toHaveLength(2);
    await s.close();
    const bad = await routed("bad", [400]);
    await rejection(getItemsPart(partParams, on(bad.url)));
    expect(bad.times).toHaveLength(1);
    await bad.close();
  });

  it("honours Retry-After in seconds and as an HTTP date", async () => {
    const seconds = await routed("seconds", [503], { "retry-after": "3" });
    await getItemsPart(partParams, on(seconds.url));
    expect(gaps(seconds.times)).toStrictEqual([3000]);
    await seconds.close();
    const date = await routed("date", [429], { "retry-after": new Date(Date.now() + 2000).toUTCString() });
    await getItemsPart(partParams, on(date.url));
    // The clock started on a whole second and the date is read on arrival, so the wait is exact.
    expect(gaps(date.times)).toStrictEqual([2000]);
    await date.close();
  });

  it("POST is not retried unless the call says it is idempotent", async () => {
    const once = await routed("post", [503]);
    await rejection(createItem({ body: ITEM }, on(once.url)));
    expect(once.times).toHaveLength(1);
    await once.close();
    const opted = await routed("post-opted", [503]);
    expect(await createItem({ body: ITEM }, { ...on(opted.url), idempotent: true })).toStrictEqual(ITEM);
    expect(opted.times).toHaveLength(2);
    await opted.close();
  });

  it("network errors are retried; after the last attempt they throw NetworkError", async () => {
    let calls = 0;
    const flaky = async (request: Request): Promise<Response> => {
      calls++;
      if (calls < 3) throw new TypeError("fetch failed");
      return nodeFetch(request);
    };
    expect(await getItemsPart(partParams, { ...on(server.origin), fetch: flaky })).toStrictEqual(ITEM);
    expect(calls).toBe(3);
    const down = async (): Promise<Response> => {
      throw new TypeError("fetch failed");
    };
    expect(await rejection(getItemsPart(partParams, { ...on(server.origin), fetch: down, maxRetries: 1 }))).toBeInstanceOf(NetworkError);
  });
});

describe("hooks and environments", () => {
  it("onRequest sees and may replace each request; onResponse sees each raw Response", async () => {
    const seen: string[] = [];
    const client = createClient({
      baseUrl: server.origin,
      onRequest: (request) => {
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        const replaced = new Request(request);
        replaced.headers.set("x-hooked", "yes");
        return replaced;
      },
      onResponse: (response, request) => {
        seen.push(`${response.status} ${response.headers.get("content-type")} ${request.headers.get("x-hooked")}`);
      },
    });
    await client.items.parts.get(partParams);
    expect(server.last().headers["x-hooked"]).toBe("yes");
    expect(seen).toStrictEqual(["GET /items/..%2Fx%20y/parts/7", "200 application/json yes"]);
  });

  it("environments from servers with variables at their defaults; serverUrl fills other values", async () => {
    expect(environments).toStrictEqual({ regional: "https://eu.api.example.com:443/v2", sandbox: "https://sandbox.example.com" });
    expect(serverUrl.regional({ region: "us", port: "8443" })).toBe("https://us.api.example.com:8443/v2");
    const urls: string[] = [];
    const record = async (request: Request): Promise<Response> => {
      urls.push(request.url);
      return Response.json(ITEM);
    };
    await getItemsPart(partParams, { fetch: record });
    await getItemsPart(partParams, { fetch: record, environment: environments.sandbox });
    await getItemsPart(partParams, { fetch: record, baseUrl: serverUrl.regional({ region: "us" }) });
    expect(urls).toStrictEqual([
      "https://eu.api.example.com/v2/items/..%2Fx%20y/parts/7",
      "https://sandbox.example.com/items/..%2Fx%20y/parts/7",
      "https://us.api.example.com/v2/items/..%2Fx%20y/parts/7",
    ]);
  });
});
