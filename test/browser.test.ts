// The generated client, bundled for the browser by esbuild, in a page of headless Chromium (Debian's
// chromium driven by playwright-core) against a local node:http server: a multipart upload, a
// binary download, a stream, and an error response. Page and API share one origin on 127.0.0.1.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendJson, startServer, type TestServer } from "./support/http-server.js";
import { ROOT } from "./support/paths.js";

const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
if (!present)
  console.warn(
    `\n!!!!! SKIPPED: test/browser.test.ts needs ${CHROMIUM} (apt-get install -y chromium); the browser was NOT tested. !!!!!\n`,
  );

/** Runs in the page: every call's outcome, as plain data. */
const PAGE_SCRIPT = `
import { uploadFile, getAudio, getAudioAsStream, getItemsPart, isGetItemsPartError } from "./test/wire-client/index.ts";
const options = { baseUrl: location.origin };
const upload = await uploadFile({ body: { file: new File(["héllo"], "a.txt", { type: "text/plain" }), files: [new Uint8Array([1, 2])], count: 2, flag: false } }, options);
const blob = await getAudio({}, options);
const bytes = [...new Uint8Array(await blob.arrayBuffer())];
const reader = (await getAudioAsStream({}, options)).getReader();
const streamed = [];
for (let r = await reader.read(); !r.done; r = await reader.read()) streamed.push(...r.value);
let error;
try {
  await getItemsPart({ itemId: "x", part: 1, xTraceId: "t" }, options);
} catch (e) {
  error = isGetItemsPartError(e) && e.status === 404 ? { status: e.status, message: e.body.message } : String(e);
}
window.results = { upload, type: blob.type, bytes, streamed, error };
`;

let server: TestServer;
let browser: BrowserContext | undefined;
let bundle = "";
const profile = mkdtempSync(join(tmpdir(), "specforge-chromium-"));

beforeAll(async () => {
  if (!present) return;
  bundle = execFileSync(
    join(ROOT, "node_modules", "esbuild", "bin", "esbuild"),
    ["--bundle", "--format=esm", "--platform=browser", "--loader=ts"],
    {
      input: PAGE_SCRIPT,
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  server = await startServer({
    default: (req, res) => {
      if (req.path === "/") {
        res.writeHead(200, { "content-type": "text/html" });
        return res.end('<!doctype html><script type="module" src="/app.js"></script>');
      }
      if (req.path === "/app.js") {
        res.writeHead(200, { "content-type": "text/javascript" });
        return res.end(bundle);
      }
      if (req.path === "/uploads") {
        const body = req.bytes.toString("latin1");
        const ok =
          body.includes('name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nh\xc3\xa9llo\r\n') &&
          body.includes('name="count"\r\n\r\n2\r\n') &&
          body.includes('name="flag"\r\n\r\nfalse\r\n') &&
          body.includes("\x01\x02");
        return sendJson(res, 200, { ok });
      }
      if (req.path === "/audio") {
        res.writeHead(200, { "content-type": "audio/mpeg" });
        return res.end(Buffer.from([0xff, 0xfb, 7]));
      }
      sendJson(res, 404, { message: "no such part" });
    },
  });
  // A new, empty profile: playwright passes it as --user-data-dir.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(profile, { recursive: true, force: true });
});

describe.skipIf(!present)("the generated client in headless Chromium", () => {
  it("uploads multipart, downloads binary as a Blob and as a stream, and narrows an error response", async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(server.origin + "/");
    await page.waitForFunction(() => "results" in window || document.title === "failed", undefined, { timeout: 30_000 });
    const results = await page.evaluate(() => (window as unknown as { results: unknown }).results);
    expect(errors).toEqual([]);
    expect(results).toStrictEqual({
      upload: { ok: true },
      type: "audio/mpeg",
      bytes: [0xff, 0xfb, 7],
      streamed: [0xff, 0xfb, 7],
      error: { status: 404, message: "no such part" },
    });
  }, 60_000);
});
