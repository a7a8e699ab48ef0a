// A Stripe-shaped API on the wire (issue 18): the client generated from test/fixtures/payments.yaml
// (committed in test/payments-client/) against a real node:http server on 127.0.0.1. Form bodies
// follow their `encoding` (deepObject with bracket keys and indexed arrays, every other style),
// range filters that are an object or a number serialise by the value, bodies declared on GET and
// HEAD are not parameters, and multipart parts carry their content types and headers. The server
// checks the exact bytes it received.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { join } from "node:path";
import {
  getCheckoutSessions,
  getCheckoutSessionsSession,
  getTaxCodes,
  headCheckoutSessionsSession,
  postCheckoutSessions,
  postFiles,
  postFormStyles,
  type GetCheckoutSessionsParams,
} from "./payments-client/index.js";
import { generate } from "../generator/pipeline.js";
import { sendJson, startServer, type TestServer } from "./support/http-server.js";
import { ROOT } from "./support/paths.js";

const SESSION = { id: "cs_1", object: "checkout.session", url: null };

let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    default: (_req, res) => sendJson(res, 200, SESSION),
    list: (_req, res) => sendJson(res, 200, { data: [SESSION], has_more: false }),
    echo: (req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end(req.body);
    },
    file: (_req, res) => sendJson(res, 200, { id: "file_1" }),
    head: (_req, res) => {
      res.writeHead(200);
      res.end();
    },
  });
});

afterAll(() => server.close());

const options = (scenario: string) => ({ baseUrl: server.url(scenario), token: "sk_test_1", maxRetries: 0 });

/** The form body as a server decodes it: `key=value`, in order. */
const pairs = (body: string): string[] => [...new URLSearchParams(body)].map(([k, v]) => `${k}=${v}`);
const decoded = (body: string): string => pairs(body).join("&");

describe("form bodies follow their encoding", () => {
  it("the checkout session of issue 18: deepObject line items, metadata and payment method types, with bracket keys and indexes", async () => {
    await postCheckoutSessions(
      {
        body: {
          mode: "payment",
          success_url: "https://example.com/ok",
          line_items: [{ price: "price_123", quantity: 2 }],
          metadata: { order_id: "6735" },
          payment_method_types: ["card", "sepa_debit"],
        },
      },
      options("default"),
    );
    const { body, headers, method, path } = server.last();
    expect([method, path]).toStrictEqual(["POST", "/v1/checkout/sessions"]);
    expect(headers["content-type"]).toBe("application/x-www-form-urlencoded;charset=UTF-8");
    expect(headers["authorization"]).toBe("Bearer sk_test_1");
    expect(body).toBe(
      "mode=payment&success_url=https%3A%2F%2Fexample.com%2Fok" +
        "&line_items%5B0%5D%5Bprice%5D=price_123&line_items%5B0%5D%5Bquantity%5D=2&metadata%5Border_id%5D=6735" +
        "&payment_method_types%5B0%5D=card&payment_method_types%5B1%5D=sepa_debit",
    );
    expect(decoded(body)).toBe(
      "mode=payment&success_url=https://example.com/ok&" +
        "line_items[0][price]=price_123&line_items[0][quantity]=2&metadata[order_id]=6735&payment_method_types[0]=card&payment_method_types[1]=sepa_debit",
    );
  });

  it("deep nesting: objects in arrays in objects, arrays of objects of arrays; absent members are left out; expand; headers by value", async () => {
    await postCheckoutSessions(
      {
        body: {
          mode: "subscription",
          success_url: "s",
          line_items: [
            { price: "p_1" },
            {
              quantity: 1,
              price_data: {
                currency: "eur",
                unit_amount: 990,
                product_data: { name: "Tee & cap", images: ["a.png", "b.png"], metadata: { sku: "T-1" } },
              },
            },
          ],
          automatic_tax: { enabled: true },
          custom_fields: [{ key: "size", dropdown: { options: [{ label: "Small", value: "s" }] } }],
          discounts: [{ coupon: "SPRING" }],
          expand: ["payment_intent", "line_items.data.price"],
          // A JavaScript caller (or a spread of a partial object) may leave a member undefined: it is left out.
          ...({ customer: undefined } as {}),
        },
        idempotencyKey: "idem-1",
        xRoute: { region: "eu", zone: "b" },
      },
      options("default"),
    );
    expect(pairs(server.last().body)).toStrictEqual([
      "mode=subscription",
      "success_url=s",
      "line_items[0][price]=p_1",
      "line_items[1][quantity]=1",
      "line_items[1][price_data][currency]=eur",
      "line_items[1][price_data][unit_amount]=990",
      "line_items[1][price_data][product_data][name]=Tee & cap",
      "line_items[1][price_data][product_data][images][0]=a.png",
      "line_items[1][price_data][product_data][images][1]=b.png",
      "line_items[1][price_data][product_data][metadata][sku]=T-1",
      "automatic_tax[enabled]=true",
      "custom_fields[0][key]=size",
      "custom_fields[0][dropdown][options][0][label]=Small",
      "custom_fields[0][dropdown][options][0][value]=s",
      "discounts[0][coupon]=SPRING",
      "expand[0]=payment_intent",
      "expand[1]=line_items.data.price",
    ]);
    expect(server.last().headers["idempotency-key"]).toBe("idem-1");
    // An object header value follows `simple` (explode false): keys and values, comma-joined.
    expect(server.last().headers["x-route"]).toBe("region,eu,zone,b");
  });

  it("a field that is an object or an empty string (Stripe's way to clear it) sends the string as it is", async () => {
    await postCheckoutSessions(
      { body: { mode: "setup", success_url: "s", metadata: "", discounts: "" }, xRoute: "eu-1" },
      options("default"),
    );
    expect(server.last().body).toBe("mode=setup&success_url=s&metadata=&discounts=");
    expect(server.last().headers["x-route"]).toBe("eu-1");
  });

  it("every other style: form without explode, spaceDelimited, pipeDelimited (with and without explode), a JSON content type, and form + explode where the spec gives no encoding", async () => {
    const echoed = await postFormStyles(
      {
        body: {
          tags: ["a", "b"],
          spaced: ["x y", "z"],
          piped: ["1", "2"],
          repeated: ["r", "s"],
          point: { x: 1, y: 2 },
          plain: { a: "A", b: "B" },
          list: ["l1", "l2"],
          document: { title: "T" },
          filter: { gte: 5 },
        },
      },
      { baseUrl: server.url("echo") },
    );
    const expected =
      "tags=a%2Cb&spaced=x+y+z&piped=1%7C2&repeated=r&repeated=s&point=x%2C1%2Cy%2C2&a=A&b=B&list=l1&list=l2" +
      "&document=%7B%22title%22%3A%22T%22%7D&filter%5Bgte%5D=5";
    expect(server.last().body).toBe(expected);
    expect(echoed).toBe(expected);
    await postFormStyles({ body: { filter: 5 } }, { baseUrl: server.url("echo") });
    expect(server.last().body).toBe("filter=5");
  });
});

describe("query parameters by the value's shape", () => {
  it("a deepObject range filter that is an object or a number, deepObject arrays one key per item, a form array without explode", async () => {
    const list = await getCheckoutSessions(
      {
        created: { gte: 1700000000, ...({ lt: undefined } as {}) },
        expand: ["data.customer", "data.invoice"],
        limit: 3,
        status: ["open", "complete"],
      },
      options("list"),
    );
    expect(list.data[0]?.id).toBe("cs_1");
    expect(server.last().path).toBe(
      "/v1/checkout/sessions?created%5Bgte%5D=1700000000&expand%5B0%5D=data.customer&expand%5B1%5D=data.invoice&limit=3&status=open%2Ccomplete",
    );
    await getCheckoutSessions({ created: 1700000000 }, options("list"));
    expect(server.last().path).toBe("/v1/checkout/sessions?created=1700000000");
    expect(server.requests.some((r) => r.url.includes("object%20Object") || r.url.includes("[object"))).toBe(false);
  });
});

describe("other parameter shapes", () => {
  it("a path array follows simple; an untyped query value by its shape; content parameters as JSON text", async () => {
    await getTaxCodes(
      { codes: ["txcd_1", "txcd_2"], window: { from: 1, to: 2 }, filter: { rate: 0.2 }, xContext: { account: "acct_1" } },
      options("default"),
    );
    expect(server.last().path).toBe("/v1/tax_codes/txcd_1%2Ctxcd_2?from=1&to=2&filter=%7B%22rate%22%3A0.2%7D");
    expect(server.last().headers["x-context"]).toBe('{"account":"acct_1"}');
    await getTaxCodes({ codes: ["txcd_1"], window: 7 }, options("default"));
    expect(server.last().path).toBe("/v1/tax_codes/txcd_1?window=7");
  });
});

describe("bodies declared on GET and HEAD", () => {
  it("are not parameters, and nothing is sent as a body", async () => {
    // @ts-expect-error: the spec declares a body on this GET, which fetch cannot send; there is no `body` parameter.
    const withBody: GetCheckoutSessionsParams = { body: {} };
    await getCheckoutSessions(withBody, options("list"));
    expect(server.last().method).toBe("GET");
    expect(server.last().body).toBe("");
    expect(server.last().headers["content-type"]).toBeUndefined();
    await getCheckoutSessionsSession({ session: "cs_1", expand: ["customer"] }, options("default"));
    expect(server.last().path).toBe("/v1/checkout/sessions/cs_1?expand%5B0%5D=customer");
    expect(await headCheckoutSessionsSession({ session: "cs_1" }, options("head"))).toBeUndefined();
    expect(server.last().method).toBe("HEAD");
  });

  it("and each that can hold something is a W_BODY_NOT_SENT warning at the requestBody; Stripe's empty ones lose nothing and are not", async () => {
    const result = await generate(join(ROOT, "test", "fixtures", "payments.yaml"));
    // Lines 90 and 201 declare `{type: object, properties: {}, additionalProperties: false}`.
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.pointer, d.line])).toStrictEqual([
      ["W_BODY_NOT_SENT", "warning", "/paths/~1v1~1checkout~1sessions~1{session}/head/requestBody", 214],
    ]);
  });
});

describe("multipart parts follow their encoding", () => {
  /** The parts of the last multipart request: head lines and data, in order. */
  const parts = (): { head: string[]; data: string }[] => {
    const req = server.last();
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(String(req.headers["content-type"]))![1]!;
    const text = req.bytes.toString("latin1");
    expect(text.endsWith(`\r\n--${boundary}--\r\n`)).toBe(true);
    return text
      .split(`--${boundary}`)
      .slice(1, -1)
      .map((part) => {
        const [head = "", data = ""] = part.slice(2, -2).split("\r\n\r\n");
        return { head: head.split("\r\n"), data };
      });
  };

  it("part headers from partHeaders, deepObject fields as bracket-named text parts, a text part of the encoding's type, JSON objects, bytes under a list of types", async () => {
    await postFiles(
      {
        body: {
          file: new File(["%PDF-1"], "evidence.pdf", { type: "application/pdf" }),
          purpose: "dispute_evidence",
          file_link_data: { create: true, metadata: { 'case "7"': "x" } },
          expand: ["links"],
          notes: "# Evidence",
          thumbnail: new Uint8Array([0x89, 0x50]),
          info: { pages: 2 },
        },
        partHeaders: { file: { "X-Checksum": "abc123", "X-Page-Count": 1 } },
      },
      options("file"),
    );
    expect(parts()).toStrictEqual([
      {
        head: [
          'Content-Disposition: form-data; name="file"; filename="evidence.pdf"',
          "X-Checksum: abc123",
          "X-Page-Count: 1",
          "Content-Type: application/pdf",
        ],
        data: "%PDF-1",
      },
      { head: ['Content-Disposition: form-data; name="purpose"'], data: "dispute_evidence" },
      { head: ['Content-Disposition: form-data; name="file_link_data[create]"'], data: "true" },
      // Quotes in a name are escaped as the HTML standard does.
      { head: ['Content-Disposition: form-data; name="file_link_data[metadata][case %227%22]"'], data: "x" },
      { head: ['Content-Disposition: form-data; name="expand[0]"'], data: "links" },
      { head: ['Content-Disposition: form-data; name="notes"', "Content-Type: text/markdown"], data: "# Evidence" },
      {
        head: ['Content-Disposition: form-data; name="thumbnail"; filename="blob"', "Content-Type: application/octet-stream"],
        data: "\x89\x50",
      },
      { head: ['Content-Disposition: form-data; name="info"', "Content-Type: application/json"], data: '{"pages":2}' },
    ]);
  });

  it("a part header with a line break is refused before anything is sent", async () => {
    const before = server.requests.length;
    const call = postFiles(
      { body: { file: new Blob(["x"]), purpose: "identity_document" }, partHeaders: { file: { "X-Checksum": "a\r\nX-Evil: 1" } } },
      options("file"),
    );
    await expect(call).rejects.toThrow(TypeError);
    expect(server.requests.length).toBe(before);
  });
});
