// The speed benchmark (README, « Performances »; budgets in BUDGET below): on generated datasets of 10,000 challenges
// with 100,000 and with 1,000,000 status updates, the real server process under autocannon,
// reads measured while a trickle of writes (20/s) invalidates whatever the server caches.
// Then status writes alone, the client's bundle sizes and the time to the first chart in
// headless Chromium. Prints one table and writes every figure to bench-results/.
//
//   npm run bench [-- --duration 10 --connections 10 --skip-build --skip-browser]
//
// Not a test: figures depend on the machine. Budgets are those of a 2-core machine.
import autocannon from "autocannon";
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../server/src/config";
import { mulberry32 } from "../server/src/cli/synthetic-dataset";
import { startRealServer, type RealServer } from "../tests/support/real-server";
import { hasChromium, launchBrowser, signInThroughForm } from "../tests/support/browser";
import { SessionClient } from "../tests/support/session-client";
import { bundleReport, gzipSize, type BundleReport } from "./bundle-size";

const { values: flags } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    "skip-build": { type: "boolean", default: false },
    "skip-browser": { type: "boolean", default: false },
  },
});
const DURATION_S = Number(flags.duration);
const CONNECTIONS = Number(flags.connections);
const WARMUP_S = 3;
const TRICKLE_PER_S = 20;
const WRITE_RATE_PER_S = 50;
const CHART_RUNS = 5;

const BUDGET = {
  readP975Ms: 50,
  writeP975Ms: 10,
  growthRatio: 1.5,
  initialJsGzipBytes: 200 * 1024,
  firstChartMs: 1500,
  generationS: 120,
};

const ADMIN = { email: "banc.essai@exemple.gouv.fr", password: "banc-essai-mot-de-passe" };
const CHALLENGES = 10_000;
const PROMOTIONS = 50;
const SEED = 1;
const DATASETS = [
  { name: "100k", updates: 100_000 },
  { name: "1M", updates: 1_000_000 },
] as const;
type DatasetName = (typeof DATASETS)[number]["name"];

const benchDir = path.join(projectRoot, ".tmp", "bench");
const resultsDir = path.join(projectRoot, "bench-results");

// ---------------------------------------------------------------------------------------
// Small helpers

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface LatencySummary {
  count: number;
  p50: number;
  p975: number;
  p99: number;
  max: number;
}

function summarise(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p975: percentile(sorted, 97.5),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : "—");
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const log = (message: string) => console.log(`[banc] ${message}`);

/** A hash of what decides the generated data: reusing a file made by other code would lie. */
function generatorFingerprint(): string {
  const hash = crypto.createHash("sha256");
  const files = [
    "server/src/cli/generate.ts",
    "server/src/cli/synthetic-dataset.ts",
    "server/src/repositories/derived-state.ts",
    "server/src/repositories/synthetic-rows.ts",
    ...fs
      .readdirSync(path.join(projectRoot, "db/migrations"))
      .sort()
      .map((name) => `db/migrations/${name}`),
  ];
  for (const file of files) hash.update(file).update(fs.readFileSync(path.join(projectRoot, file)));
  return hash.digest("hex").slice(0, 10);
}

interface GenerationInfo {
  file: string;
  reused: boolean;
  /** Wall time of `npm run generate`'s process when it ran, tsx start-up included. */
  seconds: number;
  output: string;
}

/** The pristine dataset, generated once per generator version and kept under .tmp/bench/. */
async function pristineDataset(updates: number): Promise<GenerationInfo> {
  fs.mkdirSync(benchDir, { recursive: true });
  const base = `synth-c${CHALLENGES}-u${updates}-p${PROMOTIONS}-s${SEED}-${generatorFingerprint()}`;
  const file = path.join(benchDir, `${base}.sqlite`);
  const sidecar = path.join(benchDir, `${base}.json`);
  if (fs.existsSync(file) && fs.existsSync(sidecar)) {
    const info = JSON.parse(fs.readFileSync(sidecar, "utf8")) as GenerationInfo;
    return { ...info, file, reused: true };
  }
  // Files from an older generator or other parameters of the same size: not worth their space.
  for (const name of fs.readdirSync(benchDir)) {
    if (name.startsWith(`synth-c${CHALLENGES}-u${updates}-`)) fs.rmSync(path.join(benchDir, name), { force: true });
  }
  log(`génération de ${CHALLENGES} défis × ${updates} mises à jour…`);
  const started = performance.now();
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "server/src/cli/generate.ts",
        "--db",
        file,
        "--challenges",
        String(CHALLENGES),
        "--updates",
        String(updates),
        "--promotions",
        String(PROMOTIONS),
        "--seed",
        String(SEED),
      ],
      { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] },
    );
    let text = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`Génération en échec (${code}) :\n${text}`))));
  });
  const info: GenerationInfo = { file, reused: false, seconds: round((performance.now() - started) / 1000, 1), output: output.trim() };
  fs.writeFileSync(sidecar, JSON.stringify(info, null, 2));
  log(output.trim().split("\n")[0]);
  return info;
}

/** A working copy of the pristine file: the run writes into it (admin, sessions, updates). */
function workingCopy(pristine: string, name: DatasetName): string {
  const file = path.join(benchDir, `run-${name}.sqlite`);
  removeDatabase(file);
  fs.copyFileSync(pristine, file);
  return file;
}

function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-lock"]) fs.rmSync(file + suffix, { force: true });
}

interface Session {
  cookie: string;
  csrfToken: string;
}

/** The admin signs in as a person would: password, then TOTP (enrolled at its first sign-in). */
async function login(baseUrl: string): Promise<Session> {
  const client = new SessionClient(baseUrl);
  const answer = await client.login(ADMIN.email, ADMIN.password);
  if (answer.status !== 200) throw new Error(`Connexion refusée : ${answer.status} ${JSON.stringify(answer.body)}`);
  return { cookie: client.cookie!, csrfToken: client.csrfToken! };
}

async function getJson<T>(baseUrl: string, session: Session, url: string): Promise<T> {
  const response = await fetch(baseUrl + url, { headers: { Cookie: session.cookie, Accept: "application/json" } });
  if (!response.ok) throw new Error(`GET ${url} : ${response.status}`);
  return (await response.json()) as T;
}

const AXES = ["production", "transmission", "reliability"] as const;

/** Random status writes on random synthetic challenges, from a seeded PRNG (same each run). */
function writeMaker(seed: number) {
  const random = mulberry32(seed);
  const digits = Math.max(5, String(CHALLENGES).length);
  return () => ({
    path: `/api/challenges/synth-${String(1 + Math.floor(random() * CHALLENGES)).padStart(digits, "0")}/status-updates`,
    body: JSON.stringify({ axis: AXES[Math.floor(random() * 3)], level: Math.floor(random() * 4), note: "Banc d'essai" }),
  });
}

/**
 * Sends TRICKLE_PER_S status writes a second, without waiting for one to finish before the
 * next is due, so that a slow server does not slow the trickle down.
 */
function startTrickle(baseUrl: string, session: Session, seed: number) {
  const next = writeMaker(seed);
  const latencies: number[] = [];
  let failures = 0;
  const pending = new Set<Promise<void>>();
  const timer = setInterval(() => {
    const { path: url, body } = next();
    const started = performance.now();
    const request = fetch(baseUrl + url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: session.cookie, "X-CSRF-Token": session.csrfToken },
      body,
    })
      .then(async (response) => {
        await response.arrayBuffer();
        if (response.status === 201) latencies.push(performance.now() - started);
        else failures += 1;
      })
      .catch(() => void (failures += 1))
      .finally(() => pending.delete(request));
    pending.add(request);
  }, 1000 / TRICKLE_PER_S);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      return { ...summarise(latencies), failures };
    },
  };
}

interface LoadResult {
  latency: LatencySummary;
  requestsPerSecond: number;
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/**
 * One autocannon run. Latencies are collected from its per-response event, in fractions of
 * a millisecond: its own histogram keeps whole milliseconds only, too coarse for reads that
 * take less than one and for the 1M/100k ratio.
 */
function load(options: autocannon.Options): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      resolve({
        latency: summarise(latencies),
        requestsPerSecond: round(result.requests.average, 0),
        total: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
      });
    });
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

// ---------------------------------------------------------------------------------------
// One dataset

type ReadKey = "health" | "cohorts" | "trajectories" | "trajectoriesValidated" | "list" | "challenge" | "snapshotCohorts";
const READ_LABELS: Record<ReadKey | "writes", string> = {
  health: "GET /api/health",
  cohorts: "GET /api/stats/cohorts",
  trajectories: "GET /api/stats/trajectories",
  trajectoriesValidated: "GET …/trajectories?data=validated",
  list: "GET /api/challenges?promotion=…",
  challenge: "GET /api/challenges/:slug",
  snapshotCohorts: "GET /api/stats/cohorts?snapshot=…",
  writes: "POST …/status-updates",
};
/** Reads that must stay under the absolute budget (the others only under the growth one). */
const BUDGETED_READS: ReadKey[] = ["cohorts", "trajectories", "trajectoriesValidated", "list"];

interface DatasetResult {
  name: DatasetName;
  updates: number;
  generation: Omit<GenerationInfo, "file"> & { file: string };
  serverStartSeconds: number;
  targets: { promotion: string; listSize: number; slug: string; historyLength: number };
  reads: Record<ReadKey, LoadResult & { url: string; trickle: Awaited<ReturnType<ReturnType<typeof startTrickle>["stop"]>> }>;
  writes: LoadResult;
  /** Taking a snapshot (docs/decisions/0005-citable-snapshots.md), and its first reads before any answer is cached. */
  snapshot: { takeMs: number; firstReadsMs: Record<string, number> };
}

/** Takes a snapshot through the API and times it, then the first (uncached) read of each statistic as of it. */
async function timeSnapshot(baseUrl: string, session: Session): Promise<DatasetResult["snapshot"] & { id: number }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/snapshots`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", Cookie: session.cookie, "X-CSRF-Token": session.csrfToken },
    body: JSON.stringify({ name: `Banc ${new Date().toISOString()}` }),
  });
  const takeMs = round(performance.now() - started, 1);
  if (response.status !== 201) throw new Error(`POST /api/snapshots : ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: number };
  const firstReadsMs: Record<string, number> = {};
  for (const statistic of ["cohorts", "trajectories", "outcomes-after-end", "sustainability", "at-risk"]) {
    const readStarted = performance.now();
    await getJson(baseUrl, session, `/api/stats/${statistic}?snapshot=${id}`);
    firstReadsMs[statistic] = round(performance.now() - readStarted, 1);
  }
  return { id, takeMs, firstReadsMs };
}

async function benchDataset(dataset: (typeof DATASETS)[number], afterReads?: (server: RealServer) => Promise<void>): Promise<DatasetResult> {
  const generation = await pristineDataset(dataset.updates);
  if (generation.reused) log(`jeu ${dataset.name} réutilisé : ${path.relative(projectRoot, generation.file)}`);
  const databasePath = workingCopy(generation.file, dataset.name);

  const startedAt = performance.now();
  const server = await startRealServer({
    databasePath,
    env: { LOG_LEVEL: "warn", ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    timeoutMs: 120_000,
  });
  const serverStartSeconds = round((performance.now() - startedAt) / 1000, 1);
  try {
    const { baseUrl } = server;
    const session = await login(baseUrl);
    const readHeaders = { Cookie: session.cookie, Accept: "application/json" };

    // The list of a promotion in the middle of the range, and a challenge of that promotion.
    const promotions = await getJson<{ key: string; challengeCount: number }[]>(baseUrl, session, "/api/promotions");
    const promotion = promotions[Math.floor(promotions.length / 2)].key;
    const list = await getJson<{ slug: string }[]>(baseUrl, session, `/api/challenges?promotion=${encodeURIComponent(promotion)}`);
    const slug = list[Math.floor(list.length / 2)].slug;
    const detail = await getJson<{ history: unknown[] }>(baseUrl, session, `/api/challenges/${slug}`);
    const { id: snapshotId, ...snapshot } = await timeSnapshot(baseUrl, session);
    log(
      `${dataset.name} instantané pris en ${snapshot.takeMs} ms ; premières lectures : ` +
        Object.entries(snapshot.firstReadsMs).map(([name, value]) => `${name} ${value} ms`).join(", "),
    );
    const urls: Record<ReadKey, string> = {
      health: "/api/health",
      cohorts: "/api/stats/cohorts",
      trajectories: "/api/stats/trajectories",
      // The validated view has its own kept steps (migration 0010); the trickle's
      // writes are an admin's, validated at once, so they move it too.
      trajectoriesValidated: "/api/stats/trajectories?data=validated",
      list: `/api/challenges?promotion=${encodeURIComponent(promotion)}`,
      challenge: `/api/challenges/${slug}`,
      // Answers as of a snapshot never change: after the first, they come from memory.
      snapshotCohorts: `/api/stats/cohorts?snapshot=${snapshotId}`,
    };

    const reads = {} as DatasetResult["reads"];
    let seed = 1000;
    for (const key of Object.keys(urls) as ReadKey[]) {
      const url = urls[key];
      // Warm-up: JIT, SQLite page cache; not recorded.
      await load({ url: baseUrl + url, connections: CONNECTIONS, duration: WARMUP_S, headers: readHeaders });
      const trickle = startTrickle(baseUrl, session, (seed += 1));
      const result = await load({ url: baseUrl + url, connections: CONNECTIONS, duration: DURATION_S, headers: readHeaders });
      reads[key] = { ...result, url, trickle: await trickle.stop() };
      log(
        `${dataset.name} ${READ_LABELS[key].padEnd(32)} p50 ${ms(result.latency.p50)} ms, p97.5 ${ms(result.latency.p975)} ms, ` +
          `${result.requestsPerSecond} req/s (écritures en fond : p97.5 ${ms(reads[key].trickle.p975)} ms, ${reads[key].trickle.count} faites)`,
      );
    }

    // Writes alone, at a modest steady rate, each on a random challenge.
    const next = writeMaker(42);
    const writeHeaders = { "Content-Type": "application/json", Cookie: session.cookie, "X-CSRF-Token": session.csrfToken };
    const first = next();
    const writeOptions = (duration: number): autocannon.Options => ({
      url: baseUrl,
      connections: 2,
      overallRate: WRITE_RATE_PER_S,
      duration,
      requests: [
        {
          method: "POST",
          path: first.path,
          headers: writeHeaders,
          body: first.body,
          setupRequest: (request) => ({ ...request, ...next() }),
        },
      ],
    });
    await load(writeOptions(WARMUP_S));
    const writes = await load(writeOptions(DURATION_S));
    log(`${dataset.name} ${READ_LABELS.writes.padEnd(32)} p50 ${ms(writes.latency.p50)} ms, p97.5 ${ms(writes.latency.p975)} ms`);

    await afterReads?.(server);
    return {
      name: dataset.name,
      updates: dataset.updates,
      generation: { ...generation, file: path.relative(projectRoot, generation.file) },
      serverStartSeconds,
      targets: { promotion, listSize: list.length, slug, historyLength: detail.history.length },
      reads,
      writes,
      snapshot,
    };
  } finally {
    server.kill("SIGTERM");
    await server.exited;
    // The copy has served its purpose; the pristine file stays for the next run.
    removeDatabase(databasePath);
  }
}

// ---------------------------------------------------------------------------------------
// First chart in Chromium

interface FirstChart {
  runsMs: number[];
  medianMs: number;
  /** JS the dashboard actually loaded (cold run), gzip sizes of the built files. */
  jsLoaded: { files: string[]; gzipBytes: number };
  /** The API answers the dashboard asked for (first cold run): what the page has to digest. */
  apiResponses: { path: string; status: number; bytes: number; atMs: number }[];
}

const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

/**
 * From `page.goto("/")` to the first chart drawn and visible, signed in, on loopback, from
 * a fresh browser context each run: empty HTTP cache, the session cookie restored. (Going
 * to "/" again on the same page is no "warm" measure: it waits for the previous dashboard,
 * still busy rendering, to let go of the main thread.)
 */
async function measureFirstChart(baseUrl: string): Promise<FirstChart> {
  const browser = await launchBrowser();
  try {
    const signIn = await browser.newContext();
    const page = await signIn.newPage();
    await signInThroughForm(page, baseUrl, ADMIN.email, ADMIN.password);
    const storageState = await signIn.storageState();
    await signIn.close();

    const firstChart = "figure svg.recharts-surface";
    const runsMs: number[] = [];
    const loaded = new Set<string>();
    const apiResponses: FirstChart["apiResponses"] = [];
    for (let run = 0; run < CHART_RUNS; run += 1) {
      const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 900 } });
      const cold = await context.newPage();
      let started = performance.now();
      const bodies: Promise<void>[] = [];
      cold.on("response", (response) => {
        const url = new URL(response.url());
        if (url.pathname.startsWith("/assets/") && url.pathname.endsWith(".js")) loaded.add(url.pathname.slice(1));
        if (run === 0 && url.pathname.startsWith("/api/")) {
          const atMs = round(performance.now() - started, 0);
          bodies.push(
            response
              .body()
              .then((body) => void apiResponses.push({ path: url.pathname + url.search, status: response.status(), bytes: body.length, atMs }))
              .catch(() => undefined),
          );
        }
      });
      started = performance.now();
      await cold.goto(`${baseUrl}/`, { waitUntil: "commit" });
      // Charts are drawn when they come near the screen (docs/decisions/0009): the first one is
      // brought into view as soon as its figure exists, as a reader scrolling at once would.
      // Generous: a page that takes long must be measured, not dropped.
      await cold.locator("figure.chart-figure").first().scrollIntoViewIfNeeded({ timeout: 120_000 });
      await cold.locator(firstChart).first().waitFor({ state: "visible", timeout: 120_000 });
      runsMs.push(round(performance.now() - started, 0));
      await Promise.all(bodies);
      await context.close();
    }

    const files = [...loaded].sort();
    const distDir = path.join(projectRoot, "client", "dist");
    const gzipBytes = files.reduce((sum, file) => {
      const local = path.join(distDir, file);
      return sum + (fs.existsSync(local) ? gzipSize(fs.readFileSync(local)) : 0);
    }, 0);
    return {
      runsMs,
      medianMs: median(runsMs),
      jsLoaded: { files, gzipBytes },
      apiResponses: apiResponses.sort((a, b) => a.atMs - b.atMs),
    };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------
// Main

const benchStarted = performance.now();
// The machine may be shared: the load around the run says how much to trust the figures.
const loadBefore = os.loadavg();
if (!flags["skip-build"] || !fs.existsSync(path.join(projectRoot, "client/dist/index.html"))) {
  log("construction du client (npm run build)…");
  const build = spawnSync("npm", ["run", "build"], { cwd: projectRoot, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`npm run build en échec :\n${build.stdout}\n${build.stderr}`);
}
const bundle: BundleReport = bundleReport(path.join(projectRoot, "client", "dist"));

const browserWanted = !flags["skip-browser"];
if (browserWanted && !hasChromium) log("Chromium absent : temps du premier graphique non mesuré (apt-get install -y chromium).");
let firstChart: FirstChart | undefined;
let firstChartError: string | undefined;
const results = {} as Record<DatasetName, DatasetResult>;
for (const dataset of DATASETS) {
  results[dataset.name] = await benchDataset(
    dataset,
    dataset.name === "1M" && browserWanted && hasChromium
      ? async (server) => {
          log("premier graphique dans Chromium…");
          try {
            firstChart = await measureFirstChart(server.baseUrl);
          } catch (error) {
            firstChartError = (error as Error).message.split("\n")[0];
            log(`premier graphique non mesuré : ${firstChartError}`);
          }
        }
      : undefined,
  );
}

// ---------------------------------------------------------------------------------------
// Report

interface Check {
  what: string;
  budget: string;
  measured: string;
  holds: boolean;
}
const checks: Check[] = [];
const small = results["100k"];
const large = results["1M"];
const readKeys = Object.keys(READ_LABELS).filter((key) => key !== "writes") as ReadKey[];
const ratioOf = (key: ReadKey) => large.reads[key].latency.p975 / small.reads[key].latency.p975;

const generated = large.generation;
if (!generated.reused) {
  checks.push({
    what: "génération 10k × 1M",
    budget: `< ${BUDGET.generationS} s`,
    measured: `${generated.seconds} s`,
    holds: generated.seconds < BUDGET.generationS,
  });
}
for (const key of BUDGETED_READS) {
  const p975 = large.reads[key].latency.p975;
  checks.push({ what: `${READ_LABELS[key]} p97.5 à 1M`, budget: `≤ ${BUDGET.readP975Ms} ms`, measured: `${ms(p975)} ms`, holds: p975 <= BUDGET.readP975Ms });
}
checks.push({
  what: `${READ_LABELS.writes} p97.5 à 1M`,
  budget: `≤ ${BUDGET.writeP975Ms} ms`,
  measured: `${ms(large.writes.latency.p975)} ms`,
  holds: large.writes.latency.p975 <= BUDGET.writeP975Ms,
});
for (const key of readKeys) {
  const ratio = ratioOf(key);
  checks.push({ what: `${READ_LABELS[key]} p97.5 1M / 100k`, budget: `≤ ${BUDGET.growthRatio}`, measured: ratio.toFixed(2), holds: ratio <= BUDGET.growthRatio });
}
checks.push({
  what: "JavaScript initial (gzip)",
  budget: `≤ ${kB(BUDGET.initialJsGzipBytes)}`,
  measured: kB(bundle.initial.gzipBytes),
  holds: bundle.initial.gzipBytes <= BUDGET.initialJsGzipBytes,
});
if (firstChartError) {
  checks.push({ what: "premier graphique visible (médiane, à froid, 1M)", budget: `≤ ${BUDGET.firstChartMs} ms`, measured: `échec : ${firstChartError}`, holds: false });
}
if (firstChart) {
  checks.push({
    what: "premier graphique visible (médiane, à froid, 1M)",
    budget: `≤ ${BUDGET.firstChartMs} ms`,
    measured: `${firstChart.medianMs} ms`,
    holds: firstChart.medianMs <= BUDGET.firstChartMs,
  });
}

const pad = (text: string, width: number) => text.padEnd(width);
const padLeft = (text: string, width: number) => text.padStart(width);
const header =
  `${pad("point d'accès", 34)}│${padLeft("100k p50", 10)}${padLeft("p97.5", 9)}${padLeft("req/s", 8)} │` +
  `${padLeft("1M p50", 9)}${padLeft("p97.5", 9)}${padLeft("req/s", 8)} │${padLeft("1M/100k", 9)} │ budget`;
const rows = [header, "─".repeat(header.length + 10)];
for (const key of [...readKeys, "writes" as const]) {
  const a = key === "writes" ? small.writes : small.reads[key];
  const b = key === "writes" ? large.writes : large.reads[key];
  const ratio = b.latency.p975 / a.latency.p975;
  const budgets: string[] = [];
  if (key === "writes") budgets.push(`p97.5 ≤ ${BUDGET.writeP975Ms} ms ${b.latency.p975 <= BUDGET.writeP975Ms ? "✓" : "✗"}`);
  else {
    if (BUDGETED_READS.includes(key)) budgets.push(`p97.5 ≤ ${BUDGET.readP975Ms} ms ${b.latency.p975 <= BUDGET.readP975Ms ? "✓" : "✗"}`);
    budgets.push(`× ≤ ${BUDGET.growthRatio} ${ratio <= BUDGET.growthRatio ? "✓" : "✗"}`);
  }
  const failures = a.non2xx + a.errors + b.non2xx + b.errors;
  rows.push(
    `${pad(READ_LABELS[key], 34)}│${padLeft(ms(a.latency.p50), 10)}${padLeft(ms(a.latency.p975), 9)}${padLeft(String(a.requestsPerSecond), 8)} │` +
      `${padLeft(ms(b.latency.p50), 9)}${padLeft(ms(b.latency.p975), 9)}${padLeft(String(b.requestsPerSecond), 8)} │` +
      `${padLeft(ratio.toFixed(2), 9)} │ ${budgets.join(", ")}${failures > 0 ? `  (${failures} réponses en erreur)` : ""}`,
  );
}

console.log("");
console.log(
  `Banc d'essai — ${os.cpus().length} cœurs (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}; ` +
    `latences en ms, ${CONNECTIONS} connexions × ${DURATION_S} s par lecture, pendant ${TRICKLE_PER_S} écritures/s; ` +
    `écritures seules à ${WRITE_RATE_PER_S}/s. Charge de la machine avant : ${loadBefore.map((x) => x.toFixed(2)).join(" ")}, ` +
    `après : ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}.`,
);
for (const result of [small, large]) {
  console.log(
    `  ${result.name} : ${result.generation.reused ? "jeu réutilisé" : `généré en ${result.generation.seconds} s`}, ` +
      `serveur prêt en ${result.serverStartSeconds} s; liste de la promotion ${result.targets.promotion} ` +
      `(${result.targets.listSize} défis), défi ${result.targets.slug} (${result.targets.historyLength} mises à jour).`,
  );
}
console.log("");
console.log(rows.join("\n"));
console.log("");
console.log(
  `Client : JavaScript initial ${kB(bundle.initial.bytes)} brut, ${kB(bundle.initial.gzipBytes)} gzip ` +
    `(${bundle.initialFiles.map((file) => path.basename(file)).join(", ")}); plus gros morceaux gzip : ` +
    bundle.chunks
      .slice(0, 4)
      .map((chunk) => `${path.basename(chunk.file)} ${kB(chunk.gzipBytes)}`)
      .join(", ") +
    ".",
);
if (firstChart) {
  console.log(
    `Premier graphique (1M) : médiane ${firstChart.medianMs} ms à froid (${firstChart.runsMs.join(", ")}); ` +
      `JS chargé pour le tableau de bord : ${kB(firstChart.jsLoaded.gzipBytes)} gzip en ${firstChart.jsLoaded.files.length} fichiers.`,
  );
  console.log(
    `  Réponses de l'API lues par le tableau de bord (1er passage) : ` +
      firstChart.apiResponses.map((answer) => `${answer.path} ${kB(answer.bytes)} à ${answer.atMs} ms`).join(", ") +
      ".",
  );
}
console.log("");
console.log("Budgets :");
for (const check of checks) console.log(`  ${check.holds ? "✓" : "✗"} ${pad(check.what, 52)} ${pad(check.budget, 12)} mesuré ${check.measured}`);

fs.mkdirSync(resultsDir, { recursive: true });
const stamp = new Date().toISOString().replace(/:/g, "-").replace(/\..*/, "");
const output = path.join(resultsDir, `bench-${stamp}.json`);
fs.writeFileSync(
  output,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      machine: { loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg(), cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryBytes: os.totalmem(), node: process.version, platform: os.platform() },
      settings: { durationSeconds: DURATION_S, warmupSeconds: WARMUP_S, connections: CONNECTIONS, tricklePerSecond: TRICKLE_PER_S, writeRatePerSecond: WRITE_RATE_PER_S, challenges: CHALLENGES, promotions: PROMOTIONS, seed: SEED },
      budgets: BUDGET,
      datasets: results,
      ratios: Object.fromEntries(readKeys.map((key) => [key, round(ratioOf(key), 3)])),
      bundle,
      firstChart: firstChart ?? (firstChartError ? { error: firstChartError } : null),
      checks,
      totalSeconds: round((performance.now() - benchStarted) / 1000, 1),
    },
    null,
    2,
  ),
);
console.log(`\nRésultats : ${path.relative(projectRoot, output)} (banc complet en ${Math.round((performance.now() - benchStarted) / 1000)} s).`);
