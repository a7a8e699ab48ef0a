// A tiny real node:http server for exercising the generated client end to end.
// Listens on 127.0.0.1 at a free port (listen(0)); never talks to the internet.
//
// Routing: a request whose path starts with `/s/<scenario>` is handled by routes[<scenario>]
// (the prefix is stripped from the recorded `path`); any other request goes to routes.default.
// Tests pick a scenario by using `server.url(scenario)` as the client's baseUrl.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** The raw request target, e.g. `/s/ok/v1/convai/environment-variables`. */
  url: string;
  /** The target with the `/s/<scenario>` prefix removed. */
  path: string;
  scenario: string;
  headers: IncomingHttpHeaders;
  /** The request body exactly as received, decoded as UTF-8. */
  body: string;
  /** The request body exactly as received. */
  bytes: Buffer;
}

export type Route = (req: RecordedRequest, res: ServerResponse) => void;

export interface TestServer {
  origin: string;
  port: number;
  /** Every request, in arrival order, recorded once its body has been read. */
  requests: RecordedRequest[];
  /** The most recent request; throws when there is none. */
  last(): RecordedRequest;
  /** A baseUrl that routes to `scenario`. */
  url(scenario: string): string;
  /** Resolves with the next request of `scenario` once it has fully arrived. */
  waitFor(scenario: string): Promise<RecordedRequest>;
  close(): Promise<void>;
}

const PREFIX = /^\/s\/([^/]+)(\/.*)?$/;

export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const waiters: { scenario: string; resolve: (r: RecordedRequest) => void }[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = req.url ?? "/";
      const m = PREFIX.exec(url);
      const scenario = m?.[1] ?? "default";
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url,
        path: m ? (m[2] ?? "/") : url,
        scenario,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        bytes: Buffer.concat(chunks),
      };
      requests.push(recorded);
      for (let i = waiters.length - 1; i >= 0; i--) {
        const w = waiters[i];
        if (w && w.scenario === scenario) {
          waiters.splice(i, 1);
          w.resolve(recorded);
        }
      }
      const route = routes[scenario];
      if (!route) {
        res.writeHead(599, { "content-type": "text/plain" });
        res.end(`no route for scenario ${scenario}`);
        return;
      }
      route(recorded, res);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    requests,
    last() {
      const r = requests[requests.length - 1];
      if (!r) throw new Error("the server has received no request");
      return r;
    },
    url: (scenario) => `${origin}/s/${scenario}`,
    waitFor: (scenario) => new Promise((resolve) => waiters.push({ scenario, resolve })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Routes that never answer keep their sockets open; drop them so close() can finish.
        server.closeAllConnections();
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on: bind one, note it, close it. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  return port;
}

/** Sends `body` as JSON with `status` and any extra headers. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(text);
}

/**
 * A `fetch` over node:http, for the client's `fetch` option. It makes the same real request to
 * the test server, but unlike the global fetch (undici) it sets no timers of its own, so a test
 * can run the client on vitest's fake timers and have only the client's own waits jump ahead.
 */
export async function nodeFetch(request: Request): Promise<Response> {
  const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
  const sent: Record<string, string> = {};
  request.headers.forEach((value, name) => (sent[name] = value));
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(request.url, { method: request.method, headers: sent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) for (const v of [value ?? []].flat()) headers.append(name, v);
        const status = res.statusCode ?? 0;
        resolve(new Response(status === 204 || status === 205 ? null : Buffer.concat(chunks), { status, headers }));
      });
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}
