// Where a mentor lands and looks, and what the mentor's forms say: the home after signing in,
// the focus when the edit mode opens, the notes' character counter, the unchanged outcome,
// and the declared / validated / sent-back state on « Mes défis ».
import { beforeAll, describe, expect, it } from "vitest";
import { runBrowserTests, seriousAxeViolations } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { assignMentor } from "../support/factories";
import { createAccount, SessionClient, signedInClient } from "../support/session-client";

describe.runIf(runBrowserTests)("the mentor's daily flows", () => {
  const suite = browserSuite();
  let admin: SessionClient;

  beforeAll(async () => {
    admin = (await signedInClient(suite.baseUrl, suite.db, "admin")).client;
  });

  async function mentorOf(slug: string, name: string) {
    const account = await createAccount(suite.db, "mentor", { name });
    assignMentor(suite.db, account.id, slug);
    const client = new SessionClient(suite.baseUrl);
    await client.login(account.email, account.password);
    return { account, client };
  }

  it("a mentor lands on « Mes défis », an admin on the dashboard, and a page asked for wins", async () => {
    const { account } = await mentorOf("archifiltre", "Léa Atterrit");
    const page = await suite.signedInPage(account);
    expect(new URL(page.url()).pathname).toBe("/mes-defis");
    await page.getByRole("heading", { level: 1, name: "Mes défis" }).waitFor();

    const asked = await suite.page();
    await asked.goto(`${suite.baseUrl}/connexion?retour=${encodeURIComponent("/defis/cartobio")}`);
    await asked.getByLabel("Adresse électronique").fill(account.email);
    await asked.getByLabel("Mot de passe", { exact: true }).fill(account.password);
    await asked.getByRole("button", { name: "Se connecter" }).click();
    await asked.waitForURL((url) => url.pathname !== "/connexion");
    expect(new URL(asked.url()).pathname).toBe("/defis/cartobio");

    const adminAccount = await createAccount(suite.db, "admin");
    const adminPage = await suite.signedInPage(adminAccount);
    expect(new URL(adminPage.url()).pathname).toBe("/");
  });

  it("« Mettre à jour » puts the focus on the first field of the form that opens", async () => {
    const { account } = await mentorOf("explocode", "Paul Compte");
    const page = await suite.signedInPage(account);
    const problems = suite.problems(page);
    await page.goto(`${suite.baseUrl}/defis/explocode`);
    await page.getByRole("button", { name: "Mettre à jour", exact: true }).click();
    await page.getByRole("heading", { level: 2, name: "Mise à jour du défi" }).waitFor();
    const production = page.getByRole("form", { name: "Mise en production", exact: true });
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type))
      .toBe("radio");
    expect(await production.getByRole("radio").first().evaluate((radio) => radio === document.activeElement)).toBe(true);
    expect(problems).toEqual([]);
  });

  it("a note over 2,000 characters is counted and refused, not cut", async () => {
    const { account } = await mentorOf("explocode", "Paula Compte");
    const page = await suite.signedInPage(account);
    const problems = suite.problems(page);
    await page.goto(`${suite.baseUrl}/defis/explocode?edition=1`);
    const production = page.getByRole("form", { name: "Mise en production", exact: true });
    await production.locator("label", { hasText: "1 · En cours" }).click();
    const note = production.getByLabel("Note (facultative)");
    const counter = production.locator("[data-counter]");
    expect(await counter.textContent()).toMatch(/^0 \/ 2\s000 caractères$/);
    await note.fill("x".repeat(2001));
    // Nothing cut: the field holds every character, and the counter says how many.
    expect((await note.inputValue()).length).toBe(2001);
    await expect.poll(() => counter.textContent()).toMatch(/^2\s001 \/ 2\s000 caractères$/);
    await production.getByText("2 000 caractères au plus : raccourcissez le texte.").waitFor();

    let posted = 0;
    page.on("request", (request) => {
      if (request.method() === "POST" && request.url().includes("/status-updates")) posted += 1;
    });
    await production.getByRole("button", { name: /^Enregistrer le niveau/ }).click();
    await production.getByText("Note : 2000 caractères au plus.").waitFor();
    expect(posted).toBe(0);
    expect(await note.evaluate((field) => field === document.activeElement)).toBe(true);

    await note.fill("x".repeat(2000));
    await expect.poll(() => counter.textContent()).toMatch(/^2\s000 \/ 2\s000 caractères$/);
    await production.getByRole("button", { name: /^Enregistrer le niveau/ }).click();
    await production.getByText(/^Mise en production : niveau 1 · En cours enregistré au /).waitFor();
    expect(posted).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("saving the pre-filled outcome unchanged says « Rien n'a changé » and records nothing", async () => {
    const { account, client } = await mentorOf("datajust", "Inès Résultat");
    const { version } = (await client.get("/api/challenges/datajust")).body;
    const saved = await client.request("PUT", "/api/challenges/datajust/outcome", { categories: ["discontinued"], note: "Arrêté en 2021." }, { "If-Match": String(version) });
    expect(saved.status).toBe(200);
    const before = (await client.get("/api/challenges/datajust")).body.outcomeHistory.length;

    const page = await suite.signedInPage(account);
    await page.goto(`${suite.baseUrl}/defis/datajust?edition=1`);
    const outcome = page.getByRole("form", { name: "Résultat", exact: true });
    await outcome.getByRole("button", { name: "Enregistrer le résultat" }).click();
    await outcome.getByText("Rien n'a changé : le résultat enregistré est déjà celui-ci.").waitFor();
    expect((await client.get("/api/challenges/datajust")).body.outcomeHistory).toHaveLength(before);
  });

  it("« Mes défis » says per axis whether the level is declared, validated or sent back, with the reason", async () => {
    const { account, client } = await mentorOf("cartobio", "Rémi Renvoyé");
    const ids: Record<string, number> = {};
    for (const axis of ["production", "transmission", "reliability"]) {
      ids[axis] = (await client.post("/api/challenges/cartobio/status-updates", { axis, level: 2 })).body.id;
    }
    await admin.post(`/api/status-updates/${ids.production}/validation`, { decision: "validated" });
    await admin.post(`/api/status-updates/${ids.transmission}/validation`, { decision: "sent_back", comment: "Aucune trace de la passation." });

    for (const width of [1280, 390]) {
      const page = await suite.signedInPage(account, { width });
      const card = page.getByRole("article", { name: "CartoBio" });
      await card.waitFor();
      const level = (axis: string) => card.locator("dt", { hasText: axis }).locator("xpath=following-sibling::dd[1]");
      await expect.poll(() => level("Mise en production").textContent()).toContain("Validé");
      expect(await level("Transmission").textContent()).toContain("Renvoyé");
      expect(await level("Transmission").textContent()).toContain("Motif du renvoi : Aucune trace de la passation.");
      expect(await level("Fiabilisation").textContent()).toContain("Déclaré");
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      if (width === 1280) expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: `/tmp/shots-h2/mes-defis-mentor-${width}.png`, fullPage: true });
      await page.context().close();
    }
  });
});
