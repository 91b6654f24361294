// Nothing acknowledged is lost: the real server, killed with SIGKILL while mentors write,
// restarts on the same file with every write that got a 201 and an intact database. Then a
// SIGTERM during a burst: requests already received are served, and the server exits clean.
import Database from "better-sqlite3";
import fs from "node:fs";
import http from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { AXES } from "@shared/domain";
import { startRealServer, temporaryFolder, type RealServer } from "../support/real-server";
import { SessionClient } from "../support/session-client";

const ADMIN_EMAIL = "admin@crash.test.gouv.fr";
const ADMIN_PASSWORD = "mot-de-passe-admin-crash-9f3c";
const MENTOR_PASSWORD = "mot-de-passe-mentor-crash-71ab";
const MENTORS = 6;
const WRITERS_PER_MENTOR = 2;
/** Kill once this many writes are acknowledged (or after KILL_AFTER_MS, whichever first). */
const KILL_AT_ACKNOWLEDGED = 300;
const KILL_AFTER_MS = 4_000;

const folder = temporaryFolder("eig-crash-");
const databasePath = folder.file("crash.sqlite");
const servers: RealServer[] = [];

async function start(env: NodeJS.ProcessEnv = {}): Promise<RealServer> {
  const server = await startRealServer({ databasePath, env: { ADMIN_EMAIL, ADMIN_PASSWORD, ...env } });
  servers.push(server);
  return server;
}

async function signIn(baseUrl: string, email: string, password: string): Promise<SessionClient> {
  const client = new SessionClient(baseUrl);
  const answer = await client.login(email, password);
  if (answer.status !== 200) throw new Error(`Login of ${email}: ${answer.status}`);
  return client;
}

interface Acknowledged {
  kind: "status" | "action";
  id: number;
  slug: string;
  marker: string;
}

/** Each mentor's own challenges, and a client signed in as that mentor. */
async function setUpMentors(baseUrl: string, admin: SessionClient, prefix: string) {
  const slugs: string[] = (await admin.get("/api/challenges")).body.map((challenge: { slug: string }) => challenge.slug);
  const mentors: Array<{ client: SessionClient; slugs: string[] }> = [];
  for (let m = 0; m < MENTORS; m++) {
    const email = `${prefix}-mentor-${m}@crash.test.gouv.fr`;
    const created = await admin.post("/api/users", { email, name: `Mentor ${prefix} ${m}`, role: "mentor", password: MENTOR_PASSWORD });
    expect(created.status).toBe(201);
    const own = [slugs[2 * m], slugs[2 * m + 1]];
    for (const slug of own) {
      expect((await admin.put(`/api/challenges/${slug}/mentors`, { userIds: [created.body.id] })).status).toBe(200);
    }
    mentors.push({ client: await signIn(baseUrl, email, MENTOR_PASSWORD), slugs: own });
  }
  return mentors;
}

/** Writes until told to stop or until the server stops answering; returns what got a 201. */
function runWriters(mentors: Array<{ client: SessionClient; slugs: string[] }>, prefix: string) {
  const acknowledged: Acknowledged[] = [];
  const refused: number[] = [];
  let networkErrors = 0;
  let stop = false;
  const writer = async (client: SessionClient, slugs: string[], w: number) => {
    for (let n = 0; !stop; n++) {
      const slug = slugs[n % slugs.length];
      const marker = `${prefix}-${w}-${n}`;
      const kind = n % 3 === 2 ? "action" : "status";
      try {
        const answer =
          kind === "status"
            ? await client.post(`/api/challenges/${slug}/status-updates`, {
                axis: AXES[n % AXES.length],
                level: n % 4,
                note: marker,
                // Some back-dated: the derived current status must still come out right.
                ...(n % 4 === 1 ? { asOf: `2020-0${1 + (n % 9)}-15` } : {}),
              })
            : await client.post(`/api/challenges/${slug}/actions`, { kind: "communication", title: marker });
        if (answer.status === 201) acknowledged.push({ kind, id: answer.body.id, slug, marker });
        else refused.push(answer.status);
      } catch {
        networkErrors += 1;
        return;
      }
    }
  };
  const done = Promise.all(
    mentors.flatMap((mentor, m) => Array.from({ length: WRITERS_PER_MENTOR }, (_, k) => writer(mentor.client, mentor.slugs, m * WRITERS_PER_MENTOR + k))),
  );
  return {
    acknowledged,
    refused,
    networkErrors: () => networkErrors,
    stop: () => (stop = true),
    done,
  };
}

/** Current status rows that do not match what their history says (latest as_of, then id, not retracted). */
const DERIVED_MISMATCHES = `
  SELECT count(*) AS n FROM (
    SELECT k.challenge_id, k.axis,
      (SELECT u.id FROM status_updates u
        WHERE u.challenge_id = k.challenge_id AND u.axis = k.axis
          AND NOT EXISTS (SELECT 1 FROM status_update_retractions r WHERE r.status_update_id = u.id)
        ORDER BY u.as_of DESC, u.id DESC LIMIT 1) AS expected
    FROM (SELECT DISTINCT challenge_id, axis FROM status_updates) k
  ) e
  LEFT JOIN current_status c ON c.challenge_id = e.challenge_id AND c.axis = e.axis
  WHERE e.expected IS NOT c.status_update_id`;

function inspect(file: string) {
  const db = new Database(file, { fileMustExist: true });
  try {
    return {
      integrity: db.pragma("integrity_check", { simple: true }),
      foreignKeyProblems: (db.pragma("foreign_key_check") as unknown[]).length,
      derivedMismatches: (db.prepare(DERIVED_MISMATCHES).get() as { n: number }).n,
      statusNotes: new Map(
        (db.prepare("SELECT id, note FROM status_updates WHERE note LIKE 'crash-%' OR note LIKE 'term-%'").all() as { id: number; note: string }[]).map(
          (row) => [row.id, row.note],
        ),
      ),
      actionTitles: new Map((db.prepare("SELECT id, title FROM actions").all() as { id: number; title: string }[]).map((row) => [row.id, row.title])),
    };
  } finally {
    db.close();
  }
}

afterAll(async () => {
  for (const server of servers) if (server.child.exitCode === null && server.child.signalCode === null) server.kill("SIGKILL");
  await Promise.all(servers.map((server) => server.exited));
  folder.remove();
});

describe("SIGKILL during concurrent writes", () => {
  it("restarts on the same file with every acknowledged write, integrity ok, derived state consistent", async () => {
    const first = await start({ LOG_LEVEL: "info" });
    const admin = await signIn(first.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const mentors = await setUpMentors(first.baseUrl, admin, "crash");

    const started = Date.now();
    const writers = runWriters(mentors, "crash");
    while (writers.acknowledged.length < KILL_AT_ACKNOWLEDGED && Date.now() - started < KILL_AFTER_MS) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Mid-way: every writer has a request in flight at this moment.
    process.kill(first.pid, "SIGKILL");
    const killedAt = Date.now();
    const writingMs = killedAt - started;
    expect((await first.exited).signal).toBe("SIGKILL");
    writers.stop();
    await writers.done;
    const acknowledged = [...writers.acknowledged];
    expect(writers.refused).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(50);
    // The kill left the database mid-life: its WAL not folded back, nothing closed cleanly.
    expect(fs.existsSync(`${databasePath}-wal`)).toBe(true);

    const second = await start();
    const restartedIn = Date.now() - killedAt;
    const reader = await signIn(second.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const seenUpdates = new Map<number, string | null>();
    const seenActions = new Map<number, string>();
    for (const slug of new Set(acknowledged.map((write) => write.slug))) {
      const detail = (await reader.get(`/api/challenges/${slug}`)).body;
      for (const update of detail.history) seenUpdates.set(update.id, update.note);
      for (const action of detail.actions) seenActions.set(action.id, action.title);
    }
    const missing = acknowledged.filter((write) =>
      write.kind === "status" ? seenUpdates.get(write.id) !== write.marker : seenActions.get(write.id) !== write.marker,
    );
    expect(missing).toEqual([]);

    const after = inspect(databasePath);
    expect(after.integrity).toBe("ok");
    expect(after.foreignKeyProblems).toBe(0);
    expect(after.derivedMismatches).toBe(0);
    // At most one write per writer was in flight unanswered: committed or not, never half.
    const writersCount = MENTORS * WRITERS_PER_MENTOR;
    const storedStatus = [...after.statusNotes.values()].filter((note) => note.startsWith("crash-")).length;
    const ackedStatus = acknowledged.filter((write) => write.kind === "status").length;
    expect(storedStatus).toBeGreaterThanOrEqual(ackedStatus);
    expect(storedStatus).toBeLessThanOrEqual(ackedStatus + writersCount);

    // Logs: one JSON line per request with its id, and no secret of any kind.
    const logs = first.stdout() + first.stderr();
    expect(logs).toMatch(/"reqId":"[0-9a-f-]{36}"/);
    for (const secret of [ADMIN_PASSWORD, MENTOR_PASSWORD, admin.cookie!.split("=")[1], admin.csrfToken!, mentors[0].client.csrfToken!]) {
      expect(logs).not.toContain(secret);
    }

    second.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);
    // A clean stop folds the WAL back into the file.
    expect(fs.existsSync(`${databasePath}-wal`)).toBe(false);
    expect(inspect(databasePath).integrity).toBe("ok");

    console.info(
      `[crash] ${acknowledged.length} writes acknowledged before SIGKILL (${ackedStatus} status updates, ` +
        `${acknowledged.length - ackedStatus} actions, ${writersCount} writers, ${writingMs} ms of writing); ` +
        `${acknowledged.length - missing.length} found after restart (${storedStatus - ackedStatus} unanswered in-flight writes also committed); ` +
        `restart ${restartedIn} ms; integrity_check ok`,
    );
  });
});

/** A POST on its own connection; resolves `sent` once the whole request is handed to the socket. */
function rawPost(baseUrl: string, path: string, body: unknown, headers: Record<string, string>) {
  let markSent: () => void = () => undefined;
  const sent = new Promise<void>((resolve) => (markSent = resolve));
  const answer = new Promise<{ status: number; body: any }>((resolve) => {
    const payload = JSON.stringify(body);
    const request = http.request(
      `${baseUrl}${path}`,
      { method: "POST", agent: false, headers: { ...headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) } },
      (response) => {
        let text = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      },
    );
    request.on("finish", markSent);
    request.on("error", () => resolve({ status: 0, body: undefined }));
    request.end(payload);
  });
  return { sent, answer };
}

describe("SIGTERM with requests sent and not yet answered", () => {
  it("serves every request already sent, stores each, closes the database and exits 0", async () => {
    const server = await start();
    const admin = await signIn(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const slug = (await admin.get("/api/challenges")).body[20].slug as string;
    const headers = { Cookie: admin.cookie!, "X-CSRF-Token": admin.csrfToken! };
    // Forty requests, each on its own connection, all fully sent before the signal: most
    // are still unread in their socket when the server learns it must stop.
    const requests = Array.from({ length: 40 }, (_, n) =>
      rawPost(server.baseUrl, `/api/challenges/${slug}/status-updates`, { axis: "production", level: 1, note: `term-${n}` }, headers),
    );
    await Promise.all(requests.map((request) => request.sent));
    server.kill("SIGTERM");
    const answers = await Promise.all(requests.map((request) => request.answer));
    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(server.stdout()).toContain("SIGTERM reçu");
    expect(answers.map((answer) => answer.status)).toEqual(requests.map(() => 201));
    // Closed cleanly: the WAL is folded back into the file.
    expect(fs.existsSync(`${databasePath}-wal`)).toBe(false);
    const stored = inspect(databasePath);
    answers.forEach((answer, n) => expect(stored.statusNotes.get(answer.body.id)).toBe(`term-${n}`));
    expect(stored.integrity).toBe("ok");

    // Once stopped, nothing answers on that port any more.
    await expect(fetch(`${server.baseUrl}/api/health`)).rejects.toThrow();
    console.info(`[crash] SIGTERM with ${requests.length} requests sent: ${answers.length} answered 201 and stored; exit 0`);
  });
});
