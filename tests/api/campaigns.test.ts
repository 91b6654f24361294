// Update campaigns (docs/domain.md): opening, review, the mentor's to-do, completion, and the
// emails as a real SMTP server on loopback receives them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../server/src/config";
import type { Deps } from "../../server/src/handlers/context";
import { queueDueReminders } from "../../server/src/mail/campaign-emails";
import { startEmailOutbox, type EmailOutbox } from "../../server/src/mail/email-outbox";
import { createMailer, type Mailer } from "../../server/src/mail/mailer";
import { openDatabase } from "../../server/src/db/database";
import { replaceChallengeMentors } from "../../server/src/repositories/users";
import { addDays, parisDate } from "@shared/dates";
import { challengeId, recordStatus } from "../support/factories";
import { createAccount, signedInClient, SessionClient } from "../support/session-client";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { startTestServer, type TestServer } from "../support/test-server";

const PUBLIC_URL = "https://suivi-eig.example.gouv.fr";

let sink: SmtpSink;
let server: TestServer;
let admin: SessionClient;
let deps: Deps;
/** Two email workers on two connections to the server's file, as two server processes would run. */
let workers: EmailOutbox[] = [];
const drainBoth = async () => {
  const runs = await Promise.all(workers.map((worker) => worker.drain()));
  return runs.reduce((total, run) => ({ sent: total.sent + run.sent, failed: total.failed + run.failed, retried: total.retried + run.retried }));
};
const mentors = {} as Record<"claire" | "marc" | "idle" | "gone", { id: number; email: string; name: string; client: SessionClient }>;

/** What a refused request must not have touched. */
const counts = () =>
  server.db.get<Record<string, number>>(
    `SELECT (SELECT count(*) FROM campaigns) AS campaigns, (SELECT count(*) FROM campaign_challenges) AS links,
            (SELECT count(*) FROM campaign_emails) AS emails, (SELECT count(*) FROM audit_log) AS audit`,
  );

/** Noon in Paris on that day: the tests pin the clock the reminders read. */
const parisNoon = (day: string) => new Date(`${day}T10:00:00Z`);

/**
 * Resolves once the server's outbox and both workers have sent everything due: the sink then
 * holds every email sent, and a count of its messages is final.
 */
const emailsSettled = () => Promise.all([server.emailsSent(), ...workers.map((worker) => worker.idle())]);

beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startTestServer({ env: { SMTP_URL: sink.url, PUBLIC_URL, MAIL_FROM: "Programme EIG <eig@example.gouv.fr>" } });
  admin = (await signedInClient(server.baseUrl, server.db, "admin")).client;
  for (const [key, name] of [
    ["claire", "Claire Mentor"],
    ["marc", "Marc Mentor"],
    ["idle", "Inès Sans-Défi"],
    ["gone", "Gaston Parti"],
  ] as const) {
    const account = await createAccount(server.db, "mentor", { name });
    const client = new SessionClient(server.baseUrl);
    await client.login(account.email, account.password);
    mentors[key] = { id: account.id, email: account.email, name, client };
  }
  // Claire follows two EIG 3 challenges, Marc one EIG 3 challenge and one EIG 2 challenge;
  // Gaston's account is deactivated: he gets nothing.
  replaceChallengeMentors(server.db, challengeId(server.db, "cartobio"), [mentors.claire.id]);
  replaceChallengeMentors(server.db, challengeId(server.db, "datajust"), [mentors.claire.id, mentors.gone.id]);
  replaceChallengeMentors(server.db, challengeId(server.db, "adler"), [mentors.marc.id]);
  replaceChallengeMentors(server.db, challengeId(server.db, "archifiltre"), [mentors.marc.id]);
  server.db.run("UPDATE users SET is_active = 0 WHERE id = ?", [mentors.gone.id]);
  // Levels reported long before the campaign: they do not answer it, but they can be confirmed.
  for (const axis of ["production", "transmission", "reliability"] as const) recordStatus(server.db, "cartobio", axis, 2, "2024-01-01");
  deps = { db: server.db, config: readConfig({ PUBLIC_URL }), mailer: createMailer({ smtpUrl: sink.url, from: "Programme EIG <eig@example.gouv.fr>" }) };
  const second = openDatabase(server.file);
  workers = [startEmailOutbox({ db: server.db, mailer: deps.mailer }), startEmailOutbox({ db: second, mailer: deps.mailer })];
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    second.close();
  });
});
afterAll(async () => {
  await server?.close();
  await sink?.close();
});

describe("update campaigns", () => {
  const deadline = addDays(parisDate(), 10);
  let campaignId: number;

  it("refuses a campaign without a name, with a past deadline, over nothing or over unknown challenges, and writes nothing", async () => {
    const before = counts();
    const cases: Array<[unknown, string]> = [
      [{ name: "  ", deadline, promotions: ["3"] }, "body.name"],
      [{ name: "Bilan", deadline: addDays(parisDate(), -1), promotions: ["3"] }, "body.deadline"],
      [{ name: "Bilan", deadline: "2026-02-30", promotions: ["3"] }, "body.deadline"],
      [{ name: "Bilan", deadline }, "body.challenges"],
      [{ name: "Bilan", deadline, promotions: [], challenges: [] }, "body.challenges"],
      [{ name: "Bilan", deadline, promotions: ["3", "eig-9"] }, "body.promotions.1"],
      [{ name: "Bilan", deadline, challenges: ["cartobio", "nexiste-pas"] }, "body.challenges.1"],
      [{ name: "Bilan", deadline, promotions: ["3"], sendTo: "everyone" }, "body"],
    ];
    for (const [body, path] of cases) {
      const answer = await admin.post("/api/campaigns", body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.headers.get("content-type")).toContain("application/problem+json");
      expect(answer.body.errors.map((error: { path: string }) => error.path), JSON.stringify(answer.body)).toContain(path);
    }
    const unknown = await admin.post("/api/campaigns", { name: "Bilan", deadline, challenges: ["nexiste-pas"] });
    expect(unknown.body.errors).toEqual([{ path: "body.challenges.0", message: "Défi inconnu : « nexiste-pas »." }]);
    expect(counts()).toEqual(before);
    await emailsSettled();
    expect(sink.messages).toHaveLength(0);
  });

  it("lets only the programme team open and follow campaigns", async () => {
    const body = { name: "Bilan", deadline, promotions: ["3"] };
    expect((await mentors.claire.client.post("/api/campaigns", body)).status).toBe(403);
    expect((await mentors.claire.client.get("/api/campaigns")).status).toBe(403);
    expect((await new SessionClient(server.baseUrl).get("/api/campaigns")).status).toBe(401);
    expect((await admin.get("/api/campaigns/99999")).status).toBe(404);
    expect((await admin.get("/api/campaigns/abc")).status).toBe(400);
  });

  it("opens a campaign over a promotion and a hand-picked challenge, and writes once to each mentor", async () => {
    const answer = await admin.post("/api/campaigns", {
      name: "Bilan à +6 mois, EIG 3",
      deadline,
      promotions: ["3"],
      challenges: ["archifiltre", "cartobio"],
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    campaignId = answer.body.campaign.id;
    // EIG 3's 15 challenges, plus Archifiltre (EIG 2); CartoBio only once.
    expect(answer.body.campaign).toMatchObject({ name: "Bilan à +6 mois, EIG 3", deadline, closedAt: null, challengeCount: 16, answeredCount: 0 });
    // The request only records the emails; the outbox sends them right after the answer.
    expect(answer.body.emails).toEqual({ enabled: true, queued: 2, alreadyToday: 0 });

    const received = await sink.waitForMessages(2);
    await emailsSettled();
    expect(sink.messages).toHaveLength(2);
    const byRecipient = new Map(received.map((mail) => [mail.to.join(), mail]));
    expect([...byRecipient.keys()].sort()).toEqual([mentors.claire.email, mentors.marc.email].sort());
    const claire = byRecipient.get(mentors.claire.email)!;
    expect(claire.from).toBe("eig@example.gouv.fr");
    expect(claire.subject).toBe(`Campagne « Bilan à +6 mois, EIG 3 » : 2 défis à mettre à jour avant le ${frenchDate(deadline)}`);
    expect(claire.text).toContain("Bonjour Claire Mentor,");
    expect(claire.text).toContain(`${PUBLIC_URL}/mes-defis`);
    expect(claire.text).toContain(`${PUBLIC_URL}/defis/cartobio?edition=1`);
    expect(claire.text).toContain(`${PUBLIC_URL}/defis/datajust?edition=1`);
    expect(claire.text).not.toContain("archifiltre");
    const marc = byRecipient.get(mentors.marc.email)!;
    expect(marc.text).toContain(`${PUBLIC_URL}/defis/archifiltre?edition=1`);
    expect(marc.text).toContain(`${PUBLIC_URL}/defis/adler?edition=1`);
    expect(marc.text).not.toContain("cartobio");

    const audit = await admin.get("/api/audit?action=campaign.created");
    expect(audit.body.items[0]).toMatchObject({ targetType: "campaign", targetId: String(campaignId), after: { challengeCount: 16 } });
    const list = await admin.get("/api/campaigns");
    expect(list.body.map((campaign: { id: number }) => campaign.id)).toContain(campaignId);
  });

  it("puts the campaign in each mentor's to-do, with only their challenges", async () => {
    const claire = await mentors.claire.client.get("/api/me/campaigns");
    expect(claire.status).toBe(200);
    expect(claire.body).toHaveLength(1);
    expect(claire.body[0]).toMatchObject({ id: campaignId, name: "Bilan à +6 mois, EIG 3", deadline });
    expect(claire.body[0].challenges.map((c: { slug: string }) => c.slug).sort()).toEqual(["cartobio", "datajust"]);
    expect(claire.body[0].challenges[0]).toMatchObject({
      axes: { production: false, transmission: false, reliability: false },
      answered: false,
    });
    expect((await mentors.idle.client.get("/api/me/campaigns")).body).toEqual([]);
  });

  it("counts a challenge as answered once its three axes are updated or confirmed since the opening", async () => {
    const detail = async () => (await admin.get(`/api/campaigns/${campaignId}`)).body;
    const before = await detail();
    expect(before).toMatchObject({ challengeCount: 16, answeredCount: 0 });
    expect(before.promotions).toEqual([
      { key: "2", label: "EIG 2", challengeCount: 1, answeredCount: 0 },
      { key: "3", label: "EIG 3", challengeCount: 15, answeredCount: 0 },
    ]);
    expect(before.toChase.map((m: { email: string }) => m.email).sort()).toEqual([mentors.claire.email, mentors.marc.email].sort());

    // "Toujours exact" on CartoBio: its three axes, reported in 2024, are confirmed today.
    expect((await mentors.claire.client.post("/api/challenges/cartobio/confirmations", {})).status).toBe(201);
    // DataJust: one axis only, so not answered yet.
    const update = await mentors.claire.client.post("/api/challenges/datajust/status-updates", { axis: "production", level: 1 });
    expect(update.status).toBe(201);

    const after = await detail();
    expect(after.answeredCount).toBe(1);
    expect(after.promotions.find((p: { key: string }) => p.key === "3")).toEqual({ key: "3", label: "EIG 3", challengeCount: 15, answeredCount: 1 });
    const bySlug = new Map(after.challenges.map((c: { slug: string }) => [c.slug, c]));
    expect(bySlug.get("cartobio")).toMatchObject({ answered: true, axes: { production: true, transmission: true, reliability: true } });
    expect(bySlug.get("datajust")).toMatchObject({
      answered: false,
      axes: { production: true, transmission: false, reliability: false },
      mentors: [{ id: mentors.claire.id, name: "Claire Mentor" }],
    });
    const claire = after.toChase.find((m: { email: string }) => m.email === mentors.claire.email);
    expect(claire.challenges).toEqual([{ slug: "datajust", title: expect.any(String) }]);
    expect((await mentors.claire.client.get("/api/me/campaigns")).body[0].challenges.find((c: { slug: string }) => c.slug === "cartobio").answered).toBe(true);

    // A retracted update stops answering.
    const retraction = await mentors.claire.client.post(`/api/status-updates/${update.body.id}/retraction`, { reason: "Mauvais axe" });
    expect(retraction.status).toBe(201);
    expect((await detail()).challenges.find((c: { slug: string }) => c.slug === "datajust").axes.production).toBe(false);
  });

  it("sends reminders a few days before the deadline to those who have not answered, never twice the same day", async () => {
    const already = sink.messages.length;
    // Five days before: too early.
    expect(queueDueReminders(deps, parisNoon(addDays(deadline, -5)))).toEqual({ enabled: true, queued: 0, alreadyToday: 0 });

    // Two days before: Claire (DataJust left) and Marc (both left), one email each. Two runs,
    // as two server processes would, still queue one each; two workers on two connections to
    // the file, draining at once, still send one each.
    const day = addDays(deadline, -2);
    const runs = [queueDueReminders(deps, parisNoon(day)), queueDueReminders(deps, parisNoon(day))];
    expect(runs.map((run) => run.queued)).toEqual([2, 0]);
    expect(runs.map((run) => run.alreadyToday)).toEqual([0, 2]);
    expect((await admin.get(`/api/campaigns/${campaignId}`)).body.emails).toMatchObject({ pending: 2, sent: 2 });
    expect(await drainBoth()).toEqual({ sent: 2, failed: 0, retried: 0 });
    await emailsSettled();
    expect(sink.messages).toHaveLength(already + 2);
    const received = sink.messages.slice(already);
    const claire = received.find((mail) => mail.to.includes(mentors.claire.email))!;
    expect(claire.subject).toBe(`Rappel : 1 défi à mettre à jour avant le ${frenchDate(deadline)} (campagne « Bilan à +6 mois, EIG 3 »)`);
    expect(claire.text).toContain(`${PUBLIC_URL}/defis/datajust?edition=1`);
    expect(claire.text).not.toContain("cartobio");
    expect(claire.text).toContain(`${PUBLIC_URL}/mes-defis`);
    expect(received.find((mail) => mail.to.includes(mentors.marc.email))!.subject).toMatch(/^Rappel : 2 défis/);

    // Later the same Paris day (23:30 in Paris is 22:30 UTC): nothing new.
    expect(queueDueReminders(deps, new Date(`${day}T22:30:00Z`))).toMatchObject({ queued: 0, alreadyToday: 2 });
    expect(await drainBoth()).toMatchObject({ sent: 0 });
    await emailsSettled();
    expect(sink.messages).toHaveLength(already + 2);

    // The next day, again; the database holds one row per recipient and day.
    expect(queueDueReminders(deps, parisNoon(addDays(day, 1)))).toMatchObject({ queued: 2, alreadyToday: 0 });
    expect(await drainBoth()).toMatchObject({ sent: 2 });
    expect(sink.messages).toHaveLength(already + 4);
    const perDay = server.db.all<{ n: number }>(
      "SELECT count(*) AS n FROM campaign_emails WHERE campaign_id = ? GROUP BY user_id, paris_day",
      [campaignId],
    );
    expect(perDay.every((row) => row.n === 1)).toBe(true);
    // Even a direct second row for the same day is refused by the database.
    expect(() =>
      server.db.run(
        "INSERT INTO campaign_emails (campaign_id, user_id, recipient, kind, paris_day, challenge_count, status) VALUES (?, ?, ?, 'reminder', ?, 1, 'sent')",
        [campaignId, mentors.claire.id, mentors.claire.email, day],
      ),
    ).toThrow(/UNIQUE/);

    // The button, today: the opening emails already went out today, so nothing more.
    const button = await admin.post(`/api/campaigns/${campaignId}/reminders`);
    expect(button.status).toBe(200);
    expect(button.body).toEqual({ enabled: true, queued: 0, alreadyToday: 2 });
    const detail = (await admin.get(`/api/campaigns/${campaignId}`)).body;
    expect(detail.emails).toMatchObject({ enabled: true, pending: 0, sent: 6, failed: 0 });
    expect(detail.emails.recent[0]).toMatchObject({ status: "sent", attempts: 1, error: null });
  });

  it("stops reminders once the campaign is closed, and keeps it", async () => {
    const closed = await admin.post(`/api/campaigns/${campaignId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).toEqual(expect.any(String));
    expect((await admin.post(`/api/campaigns/${campaignId}/close`)).status).toBe(409);
    expect((await admin.post(`/api/campaigns/${campaignId}/reminders`)).status).toBe(409);
    const already = sink.messages.length;
    expect(queueDueReminders(deps, parisNoon(addDays(deadline, -1)))).toMatchObject({ queued: 0 });
    expect(await drainBoth()).toMatchObject({ sent: 0 });
    await emailsSettled();
    expect(sink.messages).toHaveLength(already);
    expect((await mentors.claire.client.get("/api/me/campaigns")).body).toEqual([]);
    const kept = (await admin.get(`/api/campaigns/${campaignId}`)).body;
    expect(kept).toMatchObject({ answeredCount: 1, challengeCount: 16 });
    expect(kept.closedByName).toEqual(expect.any(String));
    const audit = await admin.get("/api/audit?action=campaign.closed");
    expect(audit.body.items[0]).toMatchObject({ targetId: String(campaignId), after: { closedAt: closed.body.closedAt } });
  });

  it("retries a refused email a bounded number of times, records it as failed, and lets a later run queue it again the same day", async () => {
    const already = sink.messages.length;
    const created = await admin.post("/api/campaigns", { name: "Relance test", deadline: addDays(parisDate(), 2), challenges: ["adler"] });
    expect(created.body.emails.queued).toBe(1);
    await sink.waitForMessages(already + 1);
    const id = created.body.campaign.id;
    const day = addDays(parisDate(), 1);

    // An SMTP server that refuses everything: three attempts, then failed.
    const refusing = startEmailOutbox({
      db: server.db,
      mailer: createMailer({ smtpUrl: "smtp://127.0.0.1:9", from: "x@example.gouv.fr" }),
      retryDelaysMs: [0, 0],
    });
    expect(queueDueReminders(deps, parisNoon(day))).toMatchObject({ queued: 1 });
    expect(await refusing.drain()).toEqual({ sent: 0, failed: 1, retried: 2 });
    await refusing.stop();
    const failed = (await admin.get(`/api/campaigns/${id}`)).body.emails;
    expect(failed).toMatchObject({ pending: 0, sent: 1, failed: 1 });
    expect(failed.recent[0]).toMatchObject({ kind: "reminder", status: "failed", attempts: 3, error: expect.any(String) });

    // The day is free again: the next run queues it, and a working server delivers it.
    expect(queueDueReminders(deps, parisNoon(day))).toMatchObject({ queued: 1 });
    expect(await drainBoth()).toMatchObject({ sent: 1 });
    expect((await admin.get(`/api/campaigns/${id}`)).body.emails).toMatchObject({ pending: 0, sent: 2, failed: 1 });

    // A refusal that passes (a busy server): retried, then sent, counted once.
    let calls = 0;
    const busyOnce: Mailer = {
      enabled: true,
      send: (mail) => (calls++ === 0 ? Promise.reject(new Error("421 Service temporairement indisponible")) : deps.mailer.send(mail)),
    };
    const busy = startEmailOutbox({ db: server.db, mailer: busyOnce, retryDelaysMs: [0] });
    expect(queueDueReminders(deps, parisNoon(addDays(day, 1)))).toMatchObject({ queued: 1 });
    expect(await busy.drain()).toEqual({ sent: 1, failed: 0, retried: 1 });
    await busy.stop();
    expect((await admin.get(`/api/campaigns/${id}`)).body.emails.recent[0]).toMatchObject({ status: "sent", attempts: 2, error: null });
    expect(sink.messages).toHaveLength(already + 3);
    await admin.post(`/api/campaigns/${id}/close`);
  });
});

describe("editing an open campaign", () => {
  let id: number;
  const deadline = addDays(parisDate(), 10);
  const edit = (body: unknown, client = admin) => client.patch(`/api/campaigns/${id}`, body);
  const campaignRow = () => server.db.get("SELECT name, deadline, closed_at AS closedAt FROM campaigns WHERE id = ?", [id]);

  beforeAll(async () => {
    const already = sink.messages.length;
    const created = await admin.post("/api/campaigns", { name: "Point d'étape", deadline, challenges: ["cartobio"] });
    expect(created.status).toBe(201);
    id = created.body.campaign.id;
    // Claire gets the opening email today.
    await sink.waitForMessages(already + 1);
  });

  it("renames the campaign and moves its deadline, audited before and after", async () => {
    const later = addDays(parisDate(), 20);
    const answer = await edit({ name: "Point d'étape de juin", deadline: later });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.campaign).toMatchObject({ id, name: "Point d'étape de juin", deadline: later, challengeCount: 1 });
    expect(answer.body.emails).toEqual({ enabled: true, queued: 0, alreadyToday: 0 });
    const audit = await admin.get("/api/audit?action=campaign.updated");
    expect(audit.body.items[0]).toMatchObject({
      targetType: "campaign",
      targetId: String(id),
      before: { name: "Point d'étape", deadline, challengeCount: 1 },
      after: { name: "Point d'étape de juin", deadline: later, challengeCount: 1, addedChallenges: [] },
    });
    expect((await mentors.claire.client.get("/api/me/campaigns")).body.find((c: { id: number }) => c.id === id)).toMatchObject({
      name: "Point d'étape de juin",
      deadline: later,
    });
  });

  it("refuses a past deadline, an empty edit, unknown challenges and unknown fields, and changes nothing", async () => {
    const before = counts();
    const row = campaignRow();
    const cases: Array<[unknown, string]> = [
      [{ deadline: addDays(parisDate(), -1) }, "body.deadline"],
      [{ name: "Renommée", deadline: addDays(parisDate(), -1) }, "body.deadline"],
      [{ name: "  " }, "body.name"],
      [{}, "body"],
      [{ addChallenges: ["adler", "nexiste-pas"] }, "body.addChallenges.1"],
      [{ name: "Renommée", addPromotions: ["eig-9"] }, "body.addPromotions.0"],
      [{ removeChallenges: ["cartobio"] }, "body"],
    ];
    for (const [body, path] of cases) {
      const answer = await edit(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.headers.get("content-type")).toContain("application/problem+json");
      expect(answer.body.errors.map((error: { path: string }) => error.path), JSON.stringify(answer.body)).toContain(path);
    }
    expect((await edit({ deadline: addDays(parisDate(), -1) })).body.errors).toContainEqual({
      path: "body.deadline",
      message: "L'échéance ne peut pas être dans le passé.",
    });
    expect(counts()).toEqual(before);
    expect(campaignRow()).toEqual(row);
  });

  it("lets only the programme team edit", async () => {
    const before = campaignRow();
    const refused = await edit({ name: "Par un mentor" }, mentors.claire.client);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect((await new SessionClient(server.baseUrl).patch(`/api/campaigns/${id}`, { name: "Anonyme" })).status).toBe(401);
    expect((await admin.patch("/api/campaigns/99999", { name: "Inconnue" })).status).toBe(404);
    expect(campaignRow()).toEqual(before);
  });

  it("adds challenges: they enter the mentors' to-do, and their mentors get one opening email, never a second the same day", async () => {
    const already = sink.messages.length;
    // Adler (Marc) and DataJust (Claire, already written to today for this campaign), and the
    // whole of EIG 2 (Archifiltre: Marc); CartoBio is already in.
    const answer = await edit({ addChallenges: ["adler", "datajust", "cartobio"], addPromotions: ["2"] });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const eig2 = server.db.get<{ n: number }>("SELECT count(*) AS n FROM challenges WHERE promotion_key = '2'")!.n;
    expect(answer.body.campaign.challengeCount).toBe(3 + eig2);
    expect(answer.body.emails).toEqual({ enabled: true, queued: 1, alreadyToday: 1 });

    const marcTodo = (await mentors.marc.client.get("/api/me/campaigns")).body.find((c: { id: number }) => c.id === id);
    expect(marcTodo.challenges.map((c: { slug: string }) => c.slug).sort()).toEqual(["adler", "archifiltre"]);
    const claireTodo = (await mentors.claire.client.get("/api/me/campaigns")).body.find((c: { id: number }) => c.id === id);
    expect(claireTodo.challenges.map((c: { slug: string }) => c.slug).sort()).toEqual(["cartobio", "datajust"]);

    const [mail] = (await sink.waitForMessages(already + 1)).slice(already);
    await emailsSettled();
    expect(sink.messages).toHaveLength(already + 1);
    expect(mail.to).toEqual([mentors.marc.email]);
    expect(mail.subject).toBe(`Campagne « Point d'étape de juin » : 2 défis à mettre à jour avant le ${frenchDate(answer.body.campaign.deadline)}`);
    expect(mail.text).toContain("Bonjour Marc Mentor,");
    expect(mail.text).toContain(`${PUBLIC_URL}/defis/adler?edition=1`);
    expect(mail.text).toContain(`${PUBLIC_URL}/defis/archifiltre?edition=1`);

    const audit = await admin.get("/api/audit?action=campaign.updated");
    expect(audit.body.items[0]).toMatchObject({ before: { challengeCount: 1 }, after: { challengeCount: 3 + eig2, openingEmails: 1 } });
    expect(audit.body.items[0].after.addedChallenges).toEqual(expect.arrayContaining(["adler", "datajust", "archifiltre"]));
    expect(audit.body.items[0].after.addedChallenges).not.toContain("cartobio");
    const detail = (await admin.get(`/api/campaigns/${id}`)).body;
    expect(detail.emails).toMatchObject({ pending: 0, sent: 2, failed: 0 });

    // Adding again what is already there changes nothing and writes to no one.
    const again = await edit({ addChallenges: ["adler"] });
    expect(again.body.emails).toEqual({ enabled: true, queued: 0, alreadyToday: 0 });
    await emailsSettled();
    expect(sink.messages).toHaveLength(already + 1);
  });

  it("refuses to edit a closed campaign with a 409, and changes nothing", async () => {
    expect((await admin.post(`/api/campaigns/${id}/close`)).status).toBe(200);
    const before = counts();
    const row = campaignRow();
    const answer = await edit({ name: "Trop tard", addChallenges: ["hopkins"] });
    expect(answer.status).toBe(409);
    expect(answer.headers.get("content-type")).toContain("application/problem+json");
    expect(answer.body.detail).toBe("Cette campagne est close : elle ne peut plus être modifiée. Ouvrez-en une nouvelle si besoin.");
    expect(counts()).toEqual(before);
    expect(campaignRow()).toEqual(row);
  });
});

describe("opening a campaign while the SMTP server is down", () => {
  it("answers at once, keeps the emails pending and shows the failed attempt", async () => {
    const down = await startTestServer({ env: { SMTP_URL: "smtp://127.0.0.1:9", PUBLIC_URL } });
    try {
      const { client } = await signedInClient(down.baseUrl, down.db, "admin");
      const mentor = await createAccount(down.db, "mentor");
      replaceChallengeMentors(down.db, challengeId(down.db, "cartobio"), [mentor.id]);
      const started = performance.now();
      const created = await client.post("/api/campaigns", { name: "Panne SMTP", deadline: addDays(parisDate(), 5), promotions: ["3"] });
      expect(created.status).toBe(201);
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(created.body.emails).toEqual({ enabled: true, queued: 1, alreadyToday: 0 });
      // The first attempt fails (nothing listens on port 9): the email waits for its retry,
      // which is not due yet, so the outbox is idle once that attempt is over.
      await down.emailsSent();
      const { emails } = (await client.get(`/api/campaigns/${created.body.campaign.id}`)).body;
      expect(emails).toMatchObject({ pending: 1, sent: 0, failed: 0 });
      expect(emails.recent[0]).toMatchObject({ status: "pending", attempts: 1, recipient: mentor.email, error: expect.any(String) });
    } finally {
      await down.close();
    }
  });
});

describe("update campaigns without an SMTP server", () => {
  it("opens campaigns and sends nothing, without an error", async () => {
    const bare = await startTestServer();
    try {
      const { client } = await signedInClient(bare.baseUrl, bare.db, "admin");
      const mentor = await createAccount(bare.db, "mentor");
      replaceChallengeMentors(bare.db, challengeId(bare.db, "cartobio"), [mentor.id]);
      const created = await client.post("/api/campaigns", { name: "Sans courriel", deadline: addDays(parisDate(), 1), promotions: ["3"] });
      expect(created.status).toBe(201);
      expect(created.body.emails).toEqual({ enabled: false, queued: 0, alreadyToday: 0 });
      const reminders = await client.post(`/api/campaigns/${created.body.campaign.id}/reminders`);
      expect(reminders.status).toBe(200);
      expect(reminders.body.enabled).toBe(false);
      const bareDeps = { db: bare.db, config: readConfig({}), mailer: createMailer({ smtpUrl: undefined, from: "x@example.gouv.fr" }) };
      expect(queueDueReminders(bareDeps, new Date())).toMatchObject({ enabled: false, queued: 0 });
      const detail = (await client.get(`/api/campaigns/${created.body.campaign.id}`)).body;
      expect(detail.emails).toMatchObject({ enabled: false, sent: 0, failed: 0 });
      // The mailto list is still there for the team to write by hand.
      expect(detail.toChase).toEqual([{ id: mentor.id, name: mentor.name, email: mentor.email, challenges: [{ slug: "cartobio", title: "CartoBio" }] }]);
      expect(bare.db.get<{ n: number }>("SELECT count(*) AS n FROM campaign_emails")!.n).toBe(0);
    } finally {
      await bare.close();
    }
  });
});

function frenchDate(isoDate: string): string {
  return new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}
