// A write shows at once on every page that depends on it, without a reload: each mutation says
// what it makes stale (client/src/api/invalidation.ts). The pages read here are cached for
// 30 s (client/src/app/query-client.ts), so a page that is not told shows the old answer and
// these checks, which allow 2 s, fail.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDays, parisDate } from "@shared/dates";
import { runBrowserTests } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { appendStatusUpdate } from "../../server/src/domain/status-updates";
import { assignMentor, challengeId, recordStatus } from "../support/factories";
import { createAccount, SessionClient, signedInClient } from "../support/session-client";

/** Well below the 30 s a cached answer stays fresh: what the page shows must change within it. */
const AT_ONCE = { timeout: 2_000 };

describe.runIf(runBrowserTests)("what a write makes stale is read again at once", () => {
  const suite = browserSuite({ timeoutMs: 8_000 });

  /** A mark on the page's window: still there at the end means no navigation reloaded the page. */
  const markWindow = (page: Page) => page.evaluate(() => Object.assign(window, { notReloaded: true }));
  const stillSamePage = (page: Page) => page.evaluate(() => "notReloaded" in window);

  async function recordLevel(page: Page, axis: string, level: string) {
    await page.getByRole("button", { name: "Mettre à jour", exact: true }).click();
    const form = page.getByRole("form", { name: axis, exact: true });
    await form.locator("label", { hasText: level }).click();
    await form.getByRole("button", { name: /^Enregistrer le niveau/ }).click();
    await form.getByText(new RegExp(`^${axis} : niveau ${level} enregistré au `)).waitFor();
  }

  it("a level recorded from the challenge page shows answered on « Mes défis » and its campaign to-do", async () => {
    const { client: admin } = await signedInClient(suite.baseUrl, suite.db, "admin");
    const mentor = await createAccount(suite.db, "mentor", { name: "Claire Mentor" });
    assignMentor(suite.db, mentor.id, "cartobio");
    for (const axis of ["production", "transmission", "reliability"] as const) recordStatus(suite.db, "cartobio", axis, 2, "2024-01-01");
    const opened = await admin.post("/api/campaigns", { name: "Bilan de printemps", deadline: addDays(parisDate(), 20), challenges: ["cartobio"] });
    expect(opened.status).toBe(201);
    // Two axes answered since the campaign opened; transmission is left to the mentor.
    const mentorClient = new SessionClient(suite.baseUrl);
    expect((await mentorClient.login(mentor.email, mentor.password)).status).toBe(200);
    expect((await mentorClient.post("/api/challenges/cartobio/confirmations", { axes: ["production", "reliability"] })).status).toBe(201);

    const page = await suite.signedInPage(mentor);
    await page.getByRole("heading", { level: 1, name: "Mes défis" }).waitFor();
    await markWindow(page);
    const todo = page.getByRole("region", { name: "Campagne « Bilan de printemps »" });
    await todo.getByText("0 sur 1 à jour").waitFor();
    await todo.getByText("Transmission : à faire").waitFor();

    // The mentor goes to the challenge, records the transmission level, and comes back by the menu.
    await todo.getByRole("link", { name: "CartoBio", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "CartoBio" }).waitFor();
    await recordLevel(page, "Transmission", "3 · Pérennisé");
    await page.getByRole("link", { name: "Mes défis", exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Mes défis" }).waitFor();

    await todo.getByText("Transmission : fait").waitFor(AT_ONCE);
    await todo.getByText("1 sur 1 à jour").waitFor(AT_ONCE);
    await todo.getByText("Merci : tous vos défis de cette campagne ont répondu.").waitFor(AT_ONCE);
    const card = page.getByRole("article", { name: "CartoBio" });
    await expect.poll(() => card.textContent(), AT_ONCE).toContain("3 · Pérennisé");
    expect(await stillSamePage(page)).toBe(true);
    expect(suite.problems(page)).toEqual([]);
  });

  it("a level the programme team records over a pending declaration shows it superseded in the review queue at once", async () => {
    const admin = await createAccount(suite.db, "admin", { name: "Alice Programme" });
    const mentor = await createAccount(suite.db, "mentor", { name: "Marc Mentor" });
    appendStatusUpdate(suite.db, {
      challengeId: challengeId(suite.db, "archifiltre"),
      axis: "production",
      level: 1,
      asOf: "2024-02-01",
      authorId: mentor.id,
      authorName: "Marc Mentor",
    });
    const page = await suite.signedInPage(admin);
    await page.goto(`${suite.baseUrl}/admin/a-valider`);
    await markWindow(page);
    const group = page.getByRole("region", { name: /Archifiltre/ });
    const declaration = group.getByRole("article", { name: "Archifiltre — Mise en production : 1 · En cours" });
    await declaration.waitFor();
    expect(await declaration.textContent()).not.toContain("Remplacée par une déclaration plus récente");

    // The team's own level is validated as recorded, and puts the mentor's declaration out of force.
    await group.getByRole("link", { name: "Archifiltre" }).click();
    await page.getByRole("heading", { level: 1, name: "Archifiltre" }).waitFor();
    await recordLevel(page, "Mise en production", "2 · Atteint");
    await page.getByRole("link", { name: "Administration", exact: true }).first().click();
    await page.getByRole("link", { name: "À valider" }).click();

    await declaration.getByText("Remplacée par une déclaration plus récente").waitFor(AT_ONCE);
    await group.getByRole("button", { name: "Écarter la déclaration remplacée" }).waitFor(AT_ONCE);
    expect(await stillSamePage(page)).toBe(true);
    expect(suite.problems(page)).toEqual([]);
  });
});
