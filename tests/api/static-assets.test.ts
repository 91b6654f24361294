// The built client as browsers get it: hashed files compressed and cached for good, the page
// itself always revalidated, and the chart library kept out of the code that every page loads.
// Needs the built client (npm run build; npm test builds it first).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleReport } from "../../scripts/bundle-size";
import { startTestServer, type TestServer } from "../support/test-server";

const dist = path.resolve(import.meta.dirname, "../../client/dist");
// A string that only the chart library's code holds (the class of every chart's <svg>).
const RECHARTS = "recharts-surface";

let server: TestServer;
let script: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(dist, "index.html"))) throw new Error("client/dist is missing: run `npm run build` first");
  server = await startTestServer({ withClient: true });
  // The entry script of index.html: hashed, and large enough to be worth compressing.
  script = fs.readFileSync(path.join(dist, "index.html"), "utf8").match(/<script[^>]*src="\/(assets\/[^"]+\.js)"/)![1];
});
afterAll(() => server?.close());

const get = (url: string, headers: Record<string, string> = {}) => fetch(server.baseUrl + url, { headers });

describe("static files", () => {
  it("sends a hashed file Brotli-compressed to a browser that accepts it, cached for a year, immutable", async () => {
    const answer = await get(`/${script}`, { "Accept-Encoding": "gzip, deflate, br" });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-encoding")).toBe("br");
    expect(answer.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(answer.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(answer.headers.get("vary")).toMatch(/Accept-Encoding/i);
    const original = fs.readFileSync(path.join(dist, script));
    // fetch does not decode Brotli on its own here: the raw bytes are read and decoded.
    const body = Buffer.from(await answer.arrayBuffer());
    const decoded = body.length < original.length ? zlib.brotliDecompressSync(body) : body;
    expect(decoded.equals(original)).toBe(true);
    expect(Number(answer.headers.get("content-length"))).toBeLessThan(original.length / 2);
  });

  it("sends gzip to a browser that takes only gzip, the plain file to one that takes nothing", async () => {
    const gzip = await get(`/${script}`, { "Accept-Encoding": "gzip" });
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect(gzip.headers.get("cache-control")).toContain("immutable");
    const plain = await get(`/${script}`, { "Accept-Encoding": "identity" });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.headers.get("vary")).toMatch(/Accept-Encoding/i);
    expect(Buffer.from(await plain.arrayBuffer()).equals(fs.readFileSync(path.join(dist, script)))).toBe(true);
    // A refused encoding is not sent.
    expect((await get(`/${script}`, { "Accept-Encoding": "br;q=0, gzip" })).headers.get("content-encoding")).toBe("gzip");
  });

  it("compresses the DSFR's style sheet too, cached for an hour (its name carries no hash)", async () => {
    const answer = await get("/dsfr/dsfr.min.css?v=1.14.2", { "Accept-Encoding": "br" });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-encoding")).toBe("br");
    expect(answer.headers.get("content-type")).toMatch(/^text\/css/);
    expect(answer.headers.get("cache-control")).toBe("public, max-age=3600");
  });

  it("always revalidates the page itself, and answers a missing path outside the folder with the page", async () => {
    for (const url of ["/", "/defis", "/defis/afd-geodata"]) {
      const answer = await get(url, { "Accept-Encoding": "br" });
      expect(answer.headers.get("cache-control"), url).toBe("no-cache");
      expect(await answer.text(), url).toContain('<div id="root">');
    }
    const escape = await get("/assets/..%2f..%2f..%2fpackage.json", { "Accept-Encoding": "br" });
    expect(await escape.text()).not.toContain('"name": "eig-perennisation"');
  });
});

describe("the chart library", () => {
  /** The file and every file it imports statically: what the browser fetches with it. */
  const withStaticImports = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    const code = fs.readFileSync(path.join(dist, file), "utf8");
    for (const match of code.matchAll(/\bimport\s*(?:[^"'();]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      withStaticImports(path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1])), seen);
    }
    return seen;
  };
  const holdsCharts = (file: string) => fs.readFileSync(path.join(dist, file), "utf8").includes(RECHARTS);

  it("is not in the JavaScript every page loads first", () => {
    const { initialFiles } = bundleReport(dist);
    expect(initialFiles.length).toBeGreaterThan(0);
    expect(initialFiles.filter(holdsCharts)).toEqual([]);
  });

  it("is not in the dashboard's first screen either: it comes in its own chunk, beside it", () => {
    const page = fs.readdirSync(path.join(dist, "assets")).find((name) => /^dashboard-page-.*\.js$/.test(name))!;
    expect(page).toBeDefined();
    expect([...withStaticImports(`assets/${page}`)].filter(holdsCharts)).toEqual([]);
    // …and it is there, somewhere: the check above looks for the right thing.
    expect(fs.readdirSync(path.join(dist, "assets")).some((name) => name.endsWith(".js") && holdsCharts(`assets/${name}`))).toBe(true);
  });
});
