// End-to-end tests of the committed generated client (generated/) against a real node:http server
// on 127.0.0.1. Nothing here reaches the internet: every request goes to the local server, to a
// closed local port, or to a fake fetch that never touches the network.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import {
  AbortError,
  ApiError,
  createClient,
  createEnvironmentVariable,
  environments,
  environmentVariablesCreateRequestTypeValues,
  isCreateEnvironmentVariableError,
  isEnvironmentVariablesCreateRequest,
  matchEnvironmentVariablesCreateRequest,
  NetworkError,
  ParseError,
  TimeoutError,
  UnknownVariantError,
  type CreateEnvironmentVariableParams,
  type EnvironmentVariableResponse,
  type EnvironmentVariablesCreateRequest,
  type HTTPValidationError,
} from "../generated/index.js";
import { closedPort, sendJson, startServer, type TestServer } from "./support/http-server.js";

const PATH = "/v1/convai/environment-variables";

const CREATED: EnvironmentVariableResponse = {
  id: "env_0123",
  label: "API_BASE_URL",
  type: "string",
  workspace_id: "ws_42",
  created_at_unix_secs: 1_700_000_000,
  updated_at_unix_secs: 1_700_000_123,
  created_by_user_id: null,
  values: {
    production: "https://prod.example",
    staging: "https://staging.example",
  },
};

const VALIDATION_ERROR: HTTPValidationError = {
  detail: [{ loc: ["body", "values"], msg: "field required", type: "missing" }],
};

const stringBody: EnvironmentVariablesCreateRequest = {
  type: "string",
  label: "API_BASE_URL",
  // Non-ASCII and characters JSON escapes, so "exact bytes" means something.
  values: {
    production: 'https://prod.example/?q="ünïcødé"&x=1',
    staging: "tab\there",
  },
};

const secretBody: EnvironmentVariablesCreateRequest = {
  type: "secret",
  label: "DB_PASSWORD",
  values: { production: { secret_id: "sec_1" } },
};

let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    default: (_req, res) => sendJson(res, 200, CREATED, { "x-request-id": "req-ok" }),
    ok: (_req, res) => sendJson(res, 200, CREATED, { "x-request-id": "req-ok" }),
    conflict: (_req, res) => sendJson(res, 409, { detail: "exists" }, { "x-request-id": "req-409" }),
    invalid: (_req, res) => sendJson(res, 422, VALIDATION_ERROR, { "x-request-id": "req-422" }),
    boom: (_req, res) => sendJson(res, 500, { detail: "boom" }, { "x-request-id": "req-500" }),
    "text-error": (_req, res) => {
      res.writeHead(400, {
        "content-type": "text/plain; charset=utf-8",
        "x-request-id": "req-400",
      });
      res.end("bad things {not json}");
    },
    "broken-json-error": (_req, res) => {
      res.writeHead(409, { "content-type": "application/json" });
      res.end('{"detail": "exi');
    },
    "bad-json": (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"id": "env_0123", oops');
    },
    // Never answers: the request hangs until the client gives up.
    hang: () => {},
    // Sends the status line, headers and half a body, then stalls.
    "slow-body": (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"id": "env_0123",');
    },
  });
});

afterAll(async () => {
  await server.close();
});

/** Awaits `promise` and returns what it rejects with; fails when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    const value = await promise;
    throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
  } catch (e) {
    return e;
  }
}

describe("request shape seen by the server", () => {
  it("standalone createEnvironmentVariable sends POST, path, api key, content-type and exact JSON bytes", async () => {
    const result = await createEnvironmentVariable({ body: stringBody }, { baseUrl: server.origin, apiKey: "key-standalone" });
    const req = server.last();
    expect(req.method).toBe("POST");
    expect(req.url).toBe(PATH);
    expect(req.headers["xi-api-key"]).toBe("key-standalone");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.body).toBe(JSON.stringify(stringBody));
    expect(JSON.parse(req.body)).toStrictEqual(stringBody);
    expect(result).toStrictEqual(CREATED);
  });

  it("createClient(...).environmentVariables.create sends the same request", async () => {
    const client = createClient({
      baseUrl: server.origin,
      apiKey: "key-client",
    });
    const result = await client.environmentVariables.create({
      body: secretBody,
    });
    const req = server.last();
    expect(req.method).toBe("POST");
    expect(req.url).toBe(PATH);
    expect(req.headers["xi-api-key"]).toBe("key-client");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.body).toBe(JSON.stringify(secretBody));
    expect(result).toStrictEqual(CREATED);
  });

  it("a baseUrl with a path prefix and trailing slashes keeps the prefix and has no double slash", async () => {
    await createEnvironmentVariable({ body: stringBody }, { baseUrl: `${server.url("ok")}//` });
    const req = server.last();
    expect(req.url).toBe(`/s/ok${PATH}`);
    expect(req.scenario).toBe("ok");
  });

  it("no apiKey and no xiApiKey sends no xi-api-key header", async () => {
    await createEnvironmentVariable({ body: stringBody }, { baseUrl: server.origin });
    expect(server.last().headers["xi-api-key"]).toBeUndefined();
  });

  it("a per-call xiApiKey param wins over the client apiKey (and over a standalone apiKey)", async () => {
    const client = createClient({
      baseUrl: server.origin,
      apiKey: "key-client",
    });
    await client.environmentVariables.create({
      body: stringBody,
      xiApiKey: "key-param",
    });
    expect(server.last().headers["xi-api-key"]).toBe("key-param");

    await createEnvironmentVariable({ body: stringBody, xiApiKey: "key-param-2" }, { baseUrl: server.origin, apiKey: "key-option" });
    expect(server.last().headers["xi-api-key"]).toBe("key-param-2");
  });

  it("a per-call apiKey option wins over the client apiKey", async () => {
    const client = createClient({
      baseUrl: server.origin,
      apiKey: "key-client",
    });
    await client.environmentVariables.create({ body: stringBody }, { apiKey: "key-call" });
    expect(server.last().headers["xi-api-key"]).toBe("key-call");
  });

  it("client headers are merged with per-call headers; a per-call header of the same name wins", async () => {
    const client = createClient({
      baseUrl: server.origin,
      apiKey: "key-client",
      headers: { "x-client-only": "c", "x-both": "from-client" },
    });
    await client.environmentVariables.create({ body: stringBody }, { headers: { "x-call-only": "k", "x-both": "from-call" } });
    const { headers } = server.last();
    expect(headers["x-client-only"]).toBe("c");
    expect(headers["x-call-only"]).toBe("k");
    expect(headers["x-both"]).toBe("from-call");
    expect(headers["xi-api-key"]).toBe("key-client");
    expect(headers["content-type"]).toBe("application/json");
  });

  // HTTP header names are case-insensitive, so a call header must replace a client header of any case.
  it("a per-call header wins over a client header that differs only in case", async () => {
    const client = createClient({
      baseUrl: server.origin,
      headers: { "X-Trace": "from-client" },
    });
    await client.environmentVariables.create({ body: stringBody }, { headers: { "x-trace": "from-call" } });
    expect(server.last().headers["x-trace"]).toBe("from-call");
  });
});

describe("successful responses", () => {
  it("a 200 JSON response is parsed and returned, created_by_user_id: null included", async () => {
    const result = await createEnvironmentVariable({ body: stringBody }, { baseUrl: server.url("ok"), apiKey: "k" });
    expect(result).toStrictEqual(CREATED);
    expect(result.created_by_user_id).toBeNull();
    expect("created_by_user_id" in result).toBe(true);
    expect(result.values).toStrictEqual({
      production: "https://prod.example",
      staging: "https://staging.example",
    });
  });
});

describe("error responses", () => {
  it("409 rejects with ApiError carrying status, headers and parsed body", async () => {
    const e = await rejection(createEnvironmentVariable({ body: stringBody }, { baseUrl: server.url("conflict") }));
    expect(e).toBeInstanceOf(ApiError);
    expect(isCreateEnvironmentVariableError(e)).toBe(true);
    if (!isCreateEnvironmentVariableError(e)) throw new Error("unreachable");
    expect(e.name).toBe("ApiError");
    expect(e.operation).toBe("createEnvironmentVariable");
    expect(e.status).toBe(409);
    expect(e.message).toBe(`createEnvironmentVariable: HTTP 409 from POST ${server.url("conflict")}/v1/convai/environment-variables`);
    expect(String(e)).toBe(`ApiError: ${e.message}`);
    expect([e.method, e.url]).toEqual(["POST", `${server.url("conflict")}/v1/convai/environment-variables`]);
    expect(e.headers.get("x-request-id")).toBe("req-409");
    expect(e.response.status).toBe(409);
    expect(e.body).toStrictEqual({ detail: "exists" });
    if (e.status === 409) {
      // The spec gives 409 no schema: its body stays `unknown`.
      // @ts-expect-error body is unknown for 409
      void e.body.detail;
    }
  });

  it("422 rejects with ApiError whose body narrows to HTTPValidationError after `status === 422`", async () => {
    const client = createClient({
      baseUrl: server.url("invalid"),
      apiKey: "k",
    });
    const e = await rejection(client.environmentVariables.create({ body: stringBody }));
    expect(e).toBeInstanceOf(ApiError);
    expect(isCreateEnvironmentVariableError(e)).toBe(true);
    let msg: string | undefined;
    let loc: (string | number)[] | undefined;
    if (isCreateEnvironmentVariableError(e)) {
      expect(e.status).toBe(422);
      expect(e.headers.get("x-request-id")).toBe("req-422");
      expect(e.body).toStrictEqual(VALIDATION_ERROR);
      if (e.status === 422) {
        // No casts: this line only type-checks if `body` narrowed to HTTPValidationError.
        msg = e.body.detail?.[0]?.msg;
        loc = e.body.detail?.[0]?.loc;
      }
    }
    expect(msg).toBe("field required");
    expect(loc).toStrictEqual(["body", "values"]);
  });

  it("500 is an ApiError but not a declared createEnvironmentVariable error", async () => {
    const e = await rejection(createEnvironmentVariable({ body: stringBody }, { baseUrl: server.url("boom") }));
    expect(e).toBeInstanceOf(ApiError);
    expect(isCreateEnvironmentVariableError(e)).toBe(false);
    if (!(e instanceof ApiError)) throw new Error("unreachable");
    expect(e.status).toBe(500);
    expect(e.headers.get("x-request-id")).toBe("req-500");
    expect(e.body).toStrictEqual({ detail: "boom" });
  });

  it("a text/plain error body is returned as the raw string", async () => {
    const e = await rejection(createEnvironmentVariable({ body: stringBody }, { baseUrl: server.url("text-error") }));
    expect(e).toBeInstanceOf(ApiError);
    expect(isCreateEnvironmentVariableError(e)).toBe(true);
    if (!(e instanceof ApiError)) throw new Error("unreachable");
    expect(e.status).toBe(400);
    expect(e.headers.get("x-request-id")).toBe("req-400");
    expect(e.body).toBe("bad things {not json}");
  });

  it("an error body that claims JSON but is not valid JSON is returned as the raw string", async () => {
    const e = await rejection(createEnvironmentVariable({ body: stringBody }, { baseUrl: server.url("broken-json-error") }));
    expect(e).toBeInstanceOf(ApiError);
    expect(e).not.toBeInstanceOf(ParseError);
    if (!(e instanceof ApiError)) throw new Error("unreachable");
    expect(e.status).toBe(409);
    expect(e.body).toBe('{"detail": "exi');
  });

  it("isCreateEnvironmentVariableError is false for non-ApiError values", () => {
    expect(isCreateEnvironmentVariableError(new Error("x"))).toBe(false);
    expect(
      isCreateEnvironmentVariableError({
        status: 422,
        operation: "createEnvironmentVariable",
      }),
    ).toBe(false);
    expect(isCreateEnvironmentVariableError(undefined)).toBe(false);
  });
});

describe("ParseError", () => {
  it("a 2xx response with invalid JSON rejects with ParseError whose text is the raw body", async () => {
    const e = await rejection(createEnvironmentVariable({ body: stringBody }, { baseUrl: server.url("bad-json") }));
    expect(e).toBeInstanceOf(ParseError);
    expect(e).not.toBeInstanceOf(ApiError);
    if (!(e instanceof ParseError)) throw new Error("unreachable");
    expect(e.name).toBe("ParseError");
    expect(e.text).toBe('{"id": "env_0123", oops');
    expect(e.response.status).toBe(200);
    expect(e.cause).toBeInstanceOf(SyntaxError);
  });
});

describe("timeout, abort and network failure", () => {
  it("a route that never answers rejects with TimeoutError after timeoutMs", { timeout: 5_000 }, async () => {
    const arrived = server.waitFor("hang");
    const e = await rejection(createEnvironmentVariable({ body: stringBody }, { baseUrl: server.url("hang"), timeoutMs: 100 }));
    expect(e).toBeInstanceOf(TimeoutError);
    expect(e).not.toBeInstanceOf(AbortError);
    expect(e).not.toBeInstanceOf(NetworkError);
    if (!(e instanceof TimeoutError)) throw new Error("unreachable");
    expect(e.name).toBe("TimeoutError");
    // The message names the operation; the class says what happened, `cause` has the details.
    expect(e.message).toBe("createEnvironmentVariable");
    // The request did reach the server: this is a response timeout, not a connect failure.
    expect((await arrived).path).toBe(PATH);
  });

  it("the client's timeoutMs applies to every call", { timeout: 5_000 }, async () => {
    const client = createClient({
      baseUrl: server.url("hang"),
      timeoutMs: 100,
    });
    const e = await rejection(client.environmentVariables.create({ body: stringBody }));
    expect(e).toBeInstanceOf(TimeoutError);
  });

  it("the timeout also covers a response body that stalls", { timeout: 5_000 }, async () => {
    const e = await rejection(createEnvironmentVariable({ body: stringBody }, { baseUrl: server.url("slow-body"), timeoutMs: 150 }));
    expect(e).toBeInstanceOf(TimeoutError);
    if (!(e instanceof TimeoutError)) throw new Error("unreachable");
    expect(e.name).toBe("TimeoutError");
  });

  it("aborting after the request started rejects with AbortError", { timeout: 5_000 }, async () => {
    const controller = new AbortController();
    const arrived = server.waitFor("hang");
    const call = createEnvironmentVariable(
      { body: stringBody },
      {
        baseUrl: server.url("hang"),
        signal: controller.signal,
        timeoutMs: 30_000,
      },
    );
    await arrived;
    controller.abort();
    const e = await rejection(call);
    expect(e).toBeInstanceOf(AbortError);
    expect(e).not.toBeInstanceOf(TimeoutError);
    expect(e).not.toBeInstanceOf(NetworkError);
    if (!(e instanceof AbortError)) throw new Error("unreachable");
    expect(e.name).toBe("AbortError");
    expect(e.message).toBe("createEnvironmentVariable");
    expect(e.cause).toBeDefined();
  });

  it("aborting while the body is being read rejects with AbortError", { timeout: 5_000 }, async () => {
    const controller = new AbortController();
    const arrived = server.waitFor("slow-body");
    const call = createEnvironmentVariable(
      { body: stringBody },
      {
        baseUrl: server.url("slow-body"),
        signal: controller.signal,
        timeoutMs: 30_000,
      },
    );
    await arrived;
    // Give the status line and headers time to arrive so the abort lands in the body read.
    await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    expect(await rejection(call)).toBeInstanceOf(AbortError);
  });

  it("an already-aborted signal rejects with AbortError and sends nothing", async () => {
    const before = server.requests.length;
    const e = await rejection(createEnvironmentVariable({ body: stringBody }, { baseUrl: server.url("ok"), signal: AbortSignal.abort() }));
    expect(e).toBeInstanceOf(AbortError);
    if (!(e instanceof AbortError)) throw new Error("unreachable");
    expect(e.name).toBe("AbortError");
    // Let anything in flight land before counting.
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests.length).toBe(before);
  });

  it("a closed port rejects with NetworkError whose cause is set", async () => {
    const port = await closedPort();
    const e = await rejection(createEnvironmentVariable({ body: stringBody }, { baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 5_000 }));
    expect(e).toBeInstanceOf(NetworkError);
    expect(e).not.toBeInstanceOf(TimeoutError);
    expect(e).not.toBeInstanceOf(AbortError);
    expect(e).not.toBeInstanceOf(ApiError);
    if (!(e instanceof NetworkError)) throw new Error("unreachable");
    expect(e.name).toBe("NetworkError");
    expect(e.cause).toBeInstanceOf(TypeError);
    // undici's "fetch failed" wraps the socket error.
    expect((e.cause as { cause?: { code?: unknown } }).cause?.code).toBe("ECONNREFUSED");
  });

  it("TimeoutError, AbortError and NetworkError are distinct classes", () => {
    const t = new TimeoutError("t");
    const a = new AbortError("a");
    const n = new NetworkError("n");
    expect(t).not.toBeInstanceOf(AbortError);
    expect(t).not.toBeInstanceOf(NetworkError);
    expect(a).not.toBeInstanceOf(TimeoutError);
    expect(a).not.toBeInstanceOf(NetworkError);
    expect(n).not.toBeInstanceOf(TimeoutError);
    expect(n).not.toBeInstanceOf(AbortError);
    expect([t.name, a.name, n.name]).toStrictEqual(["TimeoutError", "AbortError", "NetworkError"]);
  });
});

describe("custom fetch", () => {
  const counting = () => {
    const calls: { url: string; method: string | undefined }[] = [];
    // The runtime calls fetch with one Request, the one onRequest hooks saw.
    const wrapped = (request: Request): Promise<Response> => {
      calls.push({ url: request.url, method: request.method });
      return globalThis.fetch(request);
    };
    return { calls, fetch: wrapped };
  };

  it("a per-call fetch is used and the server still gets the request", async () => {
    const f = counting();
    const before = server.requests.length;
    const result = await createEnvironmentVariable({ body: stringBody }, { baseUrl: server.url("ok"), apiKey: "k-fetch", fetch: f.fetch });
    expect(f.calls).toStrictEqual([{ url: `${server.url("ok")}${PATH}`, method: "POST" }]);
    expect(server.requests.length).toBe(before + 1);
    expect(server.last().headers["xi-api-key"]).toBe("k-fetch");
    expect(server.last().body).toBe(JSON.stringify(stringBody));
    expect(result).toStrictEqual(CREATED);
  });

  it("a fetch given to createClient is used for every call", async () => {
    const f = counting();
    const client = createClient({ baseUrl: server.url("ok"), fetch: f.fetch });
    const before = server.requests.length;
    await client.environmentVariables.create({ body: stringBody });
    await client.environmentVariables.create({ body: secretBody });
    expect(f.calls.length).toBe(2);
    expect(server.requests.length).toBe(before + 2);
    expect(server.last().body).toBe(JSON.stringify(secretBody));
  });

  it("a per-call fetch wins over the client's fetch", async () => {
    const clientFetch = counting();
    const callFetch = counting();
    const client = createClient({
      baseUrl: server.url("ok"),
      fetch: clientFetch.fetch,
    });
    await client.environmentVariables.create({ body: stringBody }, { fetch: callFetch.fetch });
    expect(clientFetch.calls.length).toBe(0);
    expect(callFetch.calls.length).toBe(1);
  });
});

describe("environments", () => {
  it("has four entries and production is https://api.elevenlabs.io", () => {
    expect(Object.keys(environments)).toHaveLength(4);
    expect(environments.production).toBe("https://api.elevenlabs.io");
    expect(environments).toStrictEqual({
      production: "https://api.elevenlabs.io",
      us: "https://api.us.elevenlabs.io",
      euResidency: "https://api.eu.residency.elevenlabs.io",
      inResidency: "https://api.in.residency.elevenlabs.io",
    });
  });

  // A fake fetch that never touches the network records where a request would have gone.
  const recordingFetch = () => {
    const urls: string[] = [];
    const f = async (request: Request): Promise<Response> => {
      urls.push(request.url);
      return new Response(JSON.stringify(CREATED), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    };
    return { urls, fetch: f };
  };

  it("production is the default; environment selects another; baseUrl wins over environment", async () => {
    const r = recordingFetch();
    const params: CreateEnvironmentVariableParams = { body: stringBody };
    await createEnvironmentVariable(params, { fetch: r.fetch });
    await createEnvironmentVariable(params, {
      fetch: r.fetch,
      environment: environments.us,
    });
    await createClient({
      environment: environments.euResidency,
      fetch: r.fetch,
    }).environmentVariables.create(params);
    await createEnvironmentVariable(params, {
      fetch: r.fetch,
      environment: environments.us,
      baseUrl: "http://127.0.0.1:9",
    });
    expect(r.urls).toStrictEqual([
      `https://api.elevenlabs.io${PATH}`,
      `https://api.us.elevenlabs.io${PATH}`,
      `https://api.eu.residency.elevenlabs.io${PATH}`,
      `http://127.0.0.1:9${PATH}`,
    ]);
  });
});

describe("union guards and match", () => {
  const unknownVariant: unknown = { type: "file", label: "x", values: {} };
  const handlers = {
    string: (v: { type: "string"; label: string }) => `string:${v.label}`,
    secret: (v: { type: "secret"; label: string }) => `secret:${v.label}`,
    auth_connection: (v: { type: "auth_connection"; label: string }) => `auth:${v.label}`,
  };

  it("lists the discriminator values in spec order", () => {
    expect(environmentVariablesCreateRequestTypeValues).toStrictEqual(["string", "secret", "auth_connection"]);
  });

  it("an unknown discriminator is rejected by the guard and makes match throw UnknownVariantError", () => {
    expect(isEnvironmentVariablesCreateRequest(unknownVariant)).toBe(false);
    let thrown: unknown;
    try {
      matchEnvironmentVariablesCreateRequest(unknownVariant as EnvironmentVariablesCreateRequest, handlers);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(UnknownVariantError);
    if (!(thrown instanceof UnknownVariantError)) throw new Error("unreachable");
    expect(thrown.name).toBe("UnknownVariantError");
    expect(thrown.value).toBe("file");
    expect(thrown.message).toBe('EnvironmentVariablesCreateRequest: unknown type "file"');
  });

  it("known variants pass the guard and match calls the right handler", () => {
    const auth: EnvironmentVariablesCreateRequest = {
      type: "auth_connection",
      label: "CRM",
      values: { production: { auth_connection_id: "ac_1" } },
    };
    const cases: [EnvironmentVariablesCreateRequest, string][] = [
      [stringBody, "string:API_BASE_URL"],
      [secretBody, "secret:DB_PASSWORD"],
      [auth, "auth:CRM"],
    ];
    for (const [value, expected] of cases) {
      expect(isEnvironmentVariablesCreateRequest(value)).toBe(true);
      expect(matchEnvironmentVariablesCreateRequest(value, handlers)).toBe(expected);
    }
    // A value parsed off the wire is narrowed by the guard and then matched without a cast.
    const fromWire: unknown = JSON.parse(JSON.stringify(secretBody));
    if (!isEnvironmentVariablesCreateRequest(fromWire)) throw new Error("guard rejected a secret");
    expect(matchEnvironmentVariablesCreateRequest(fromWire, handlers)).toBe("secret:DB_PASSWORD");
  });

  it("a known discriminator with the wrong shape is rejected by the guard", () => {
    expect(
      isEnvironmentVariablesCreateRequest({
        type: "secret",
        label: "x",
        values: { production: "plain" },
      }),
    ).toBe(false);
    expect(
      isEnvironmentVariablesCreateRequest({
        type: "string",
        label: 1,
        values: {},
      }),
    ).toBe(false);
    expect(isEnvironmentVariablesCreateRequest({ type: "string", label: "x" })).toBe(false);
    expect(isEnvironmentVariablesCreateRequest(null)).toBe(false);
    expect(isEnvironmentVariablesCreateRequest([])).toBe(false);
  });
});
