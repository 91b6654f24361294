// Update campaigns (issue 9): opening, validation, the mentor's to-do, completion, and the
// emails as a real SMTP server on loopback receives them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../server/src/config";
import type { Deps } from "../../server/src/handlers/context";
import { sendDueReminders } from "../../server/src/mail/campaign-emails";
import { createMailer } from "../../server/src/mail/mailer";
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
const mentors = {} as Record<"claire" | "marc" | "idle" | "gone", { id: number; email: string; name: string; client: SessionClient }>;

/** What a refused request must not have touched. */
const counts = () =>
  server.db.get<Record<string, number>>(
    `SELECT (SELECT count(*) FROM campaigns) AS campaigns, (SELECT count(*) FROM campaign_challenges) AS links,
            (SELECT count(*) FROM campaign_emails) AS emails, (SELECT count(*) FROM audit_log) AS audit`,
  );

/** Noon in Paris on that day: the tests pin the clock the reminders read. */
const parisNoon = (day: string) => new Date(`${day}T10:00:00Z`);

/** Lets any email still in flight arrive before counting. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

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
    await settle();
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
    expect(answer.body.emails).toEqual({ enabled: true, sent: 2, failed: 0, alreadyToday: 0 });

    const received = await sink.waitForMessages(2);
    await settle();
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
    expect(await sendDueReminders(deps, parisNoon(addDays(deadline, -5)))).toEqual({ enabled: true, sent: 0, failed: 0, alreadyToday: 0 });

    // Two days before: Claire (DataJust left) and Marc (both left), one email each. Two runs at
    // once, as two server processes would, still send one each.
    const day = addDays(deadline, -2);
    const runs = await Promise.all([sendDueReminders(deps, parisNoon(day)), sendDueReminders(deps, parisNoon(day))]);
    expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(2);
    expect(runs.reduce((sum, run) => sum + run.alreadyToday, 0)).toBe(2);
    const received = (await sink.waitForMessages(already + 2)).slice(already);
    await settle();
    expect(sink.messages).toHaveLength(already + 2);
    const claire = received.find((mail) => mail.to.includes(mentors.claire.email))!;
    expect(claire.subject).toBe(`Rappel : 1 défi à mettre à jour avant le ${frenchDate(deadline)} (campagne « Bilan à +6 mois, EIG 3 »)`);
    expect(claire.text).toContain(`${PUBLIC_URL}/defis/datajust?edition=1`);
    expect(claire.text).not.toContain("cartobio");
    expect(claire.text).toContain(`${PUBLIC_URL}/mes-defis`);
    expect(received.find((mail) => mail.to.includes(mentors.marc.email))!.subject).toMatch(/^Rappel : 2 défis/);

    // Later the same Paris day (23:30 in Paris is 22:30 UTC): nothing new.
    expect(await sendDueReminders(deps, new Date(`${day}T22:30:00Z`))).toMatchObject({ sent: 0, alreadyToday: 2 });
    await settle();
    expect(sink.messages).toHaveLength(already + 2);

    // The next day, again; the database holds one row per recipient and day.
    expect(await sendDueReminders(deps, parisNoon(addDays(day, 1)))).toMatchObject({ sent: 2, alreadyToday: 0 });
    await sink.waitForMessages(already + 4);
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
    expect(button.body).toEqual({ enabled: true, sent: 0, failed: 0, alreadyToday: 2 });
    const detail = (await admin.get(`/api/campaigns/${campaignId}`)).body;
    expect(detail.emails).toMatchObject({ enabled: true, sent: 6, failed: 0 });
  });

  it("stops reminders once the campaign is closed, and keeps it", async () => {
    const closed = await admin.post(`/api/campaigns/${campaignId}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).toEqual(expect.any(String));
    expect((await admin.post(`/api/campaigns/${campaignId}/close`)).status).toBe(409);
    expect((await admin.post(`/api/campaigns/${campaignId}/reminders`)).status).toBe(409);
    const already = sink.messages.length;
    expect(await sendDueReminders(deps, parisNoon(addDays(deadline, -1)))).toMatchObject({ sent: 0 });
    await settle();
    expect(sink.messages).toHaveLength(already);
    expect((await mentors.claire.client.get("/api/me/campaigns")).body).toEqual([]);
    const kept = (await admin.get(`/api/campaigns/${campaignId}`)).body;
    expect(kept).toMatchObject({ answeredCount: 1, challengeCount: 16 });
    expect(kept.closedByName).toEqual(expect.any(String));
    const audit = await admin.get("/api/audit?action=campaign.closed");
    expect(audit.body.items[0]).toMatchObject({ targetId: String(campaignId), after: { closedAt: closed.body.closedAt } });
  });

  it("records a refused email as failed, and lets a later run retry it the same day", async () => {
    const broken: Deps = { ...deps, mailer: createMailer({ smtpUrl: "smtp://127.0.0.1:9", from: "x@example.gouv.fr" }) };
    const created = await admin.post("/api/campaigns", { name: "Relance test", deadline: addDays(parisDate(), 2), challenges: ["adler"] });
    expect(created.body.emails.sent).toBe(1);
    await sink.waitForMessages(sink.messages.length);
    const id = created.body.campaign.id;
    const day = addDays(parisDate(), 1);
    expect(await sendDueReminders(broken, parisNoon(day))).toMatchObject({ sent: 0, failed: 1 });
    expect(await sendDueReminders(deps, parisNoon(day))).toMatchObject({ sent: 1, failed: 0 });
    expect((await admin.get(`/api/campaigns/${id}`)).body.emails).toMatchObject({ sent: 2, failed: 1 });
    await admin.post(`/api/campaigns/${id}/close`);
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
      expect(created.body.emails).toEqual({ enabled: false, sent: 0, failed: 0, alreadyToday: 0 });
      const reminders = await client.post(`/api/campaigns/${created.body.campaign.id}/reminders`);
      expect(reminders.status).toBe(200);
      expect(reminders.body.enabled).toBe(false);
      const bareDeps = { db: bare.db, config: readConfig({}), mailer: createMailer({ smtpUrl: undefined, from: "x@example.gouv.fr" }) };
      expect(await sendDueReminders(bareDeps, new Date())).toMatchObject({ enabled: false, sent: 0 });
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
