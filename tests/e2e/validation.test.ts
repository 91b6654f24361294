// Review of mentors' declarations (docs/decisions/0004-validation-of-declarations.md), in the browser: a mentor declares, the
// programme team sends back with a comment or validates, the mentor reads why, and the
// dashboard counts validated data only when asked, and says so.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { drawAllCharts, openDataTable, runBrowserTests, seriousAxeViolations } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { assignMentor } from "../support/factories";
import { createAccount, SessionClient } from "../support/session-client";

describe.runIf(runBrowserTests)("the programme team validates mentors' declarations", () => {
  const suite = browserSuite();

  /** The EIG 1 row of the "Niveaux : Mise en production" data table: challenges, levels 0 to 3, not reported. */
  async function eig1Production(page: Page): Promise<string[]> {
    const figure = page.getByRole("figure", { name: "Niveaux : Mise en production" });
    const row = (await openDataTable(figure)).locator("tbody tr", { hasText: "EIG 1" });
    return (await row.locator("td, th").allTextContents()).slice(1, 7);
  }

  // The three steps share the two people's pages, in order.
  let mentorPage: Page;
  let adminPage: Page;
  let problems: string[];
  const comment = "Quels services l'utilisent ? Ajoutez un lien vers l'outil en production.";
  const history = (page: Page) =>
    page.getByRole("list", { name: "Mises à jour, de la plus récente à la plus ancienne" }).getByRole("listitem");

  it("a mentor declares; in « À valider » the admin sends one back with a comment and validates the other", async () => {
    const mentor = await createAccount(suite.db, "mentor", { name: "Claire Mentor" });
    const admin = await createAccount(suite.db, "admin", { name: "Équipe Programme" });
    assignMentor(suite.db, mentor.id, "afd-geodata");
    assignMentor(suite.db, mentor.id, "bnf-catalogage");

    // The mentor records a level in the browser…
    mentorPage = await suite.page();
    problems = suite.problems(mentorPage);
    await suite.signIn(mentorPage, mentor);
    await mentorPage.goto(`${suite.baseUrl}/defis/afd-geodata`);
    await mentorPage.getByRole("button", { name: "Mettre à jour", exact: true }).click();
    const production = mentorPage.getByRole("form", { name: "Mise en production", exact: true });
    await production.locator("label", { hasText: "2 · Atteint" }).click();
    await production.getByLabel("Note (facultative)").fill("Lancé officiellement auprès des agents.");
    await production.getByRole("button", { name: /^Enregistrer le niveau/ }).click();
    await production.getByText(/^Mise en production : niveau 2 · Atteint enregistré au /).waitFor();
    await history(mentorPage).first().getByText("Déclaré", { exact: true }).waitFor();
    // …and another one through the API.
    const api = new SessionClient(suite.baseUrl);
    await api.login(mentor.email, mentor.password);
    expect((await api.post("/api/challenges/bnf-catalogage/status-updates", { axis: "production", level: 3, note: "Repris par la DSI." })).status).toBe(201);

    // The admin finds both in "À valider".
    adminPage = await suite.page();
    await suite.signIn(adminPage, admin);
    await adminPage.getByRole("link", { name: "Administration" }).click();
    await adminPage.getByRole("link", { name: "À valider" }).click();
    await adminPage.getByRole("heading", { level: 1, name: "À valider" }).waitFor();
    await adminPage.getByText("2 déclarations à traiter.").waitFor();
    const afd = adminPage.getByRole("article", { name: "AFD - Geodata" });
    await afd.getByText("Mise en production : 2 · Atteint", { exact: true }).waitFor();
    await afd.getByText("Lancé officiellement auprès des agents.").waitFor();
    await afd.getByText(/Déclarée par Claire Mentor/).waitFor();
    expect(await seriousAxeViolations(adminPage)).toEqual([]);

    // Sent back: a comment is required.
    await afd.getByRole("button", { name: /^Renvoyer avec un commentaire/ }).click();
    await afd.getByRole("button", { name: "Renvoyer au mentor" }).click();
    await afd.getByText("Écrivez un commentaire : le mentor doit savoir pourquoi sa déclaration est renvoyée.").waitFor();
    await afd.getByLabel("Commentaire pour le mentor").fill(comment);
    await afd.getByRole("button", { name: "Renvoyer au mentor" }).click();
    await adminPage.getByText("Renvoyé au mentor : AFD - Geodata — Mise en production : 2 · Atteint.").waitFor();

    // The other one validated.
    const bnf = adminPage.getByRole("article", { name: "BNF - catalogage" });
    await bnf.getByRole("button", { name: /^Valider/ }).click();
    await adminPage.getByText("Validé : BNF - catalogage — Mise en production : 3 · Pérennisé.").waitFor();
    await adminPage.getByText("Aucune déclaration en attente : tout est validé.").waitFor();
    await adminPage.getByRole("link", { name: "Renvoyés aux mentors" }).click();
    await adminPage.getByRole("article", { name: "AFD - Geodata" }).getByText(comment, { exact: false }).waitFor();
  }, 60_000);

  it("the mentor reads the comment in « Mes défis » and on the challenge page", async () => {
    // The mentor reads the comment: a notice in "Mes défis", and on the challenge page.
    await mentorPage.getByRole("link", { name: "Mes défis" }).click();
    const notice = mentorPage.locator(".sent-back-notice");
    await notice.getByText("Une déclaration vous a été renvoyée").waitFor();
    await notice.getByText(comment, { exact: false }).waitFor();
    expect(await seriousAxeViolations(mentorPage)).toEqual([]);
    await notice.getByRole("link", { name: /AFD - Geodata — Mise en production : 2 · Atteint/ }).click();
    await mentorPage.getByRole("heading", { level: 1, name: "AFD - Geodata" }).waitFor();
    await history(mentorPage).first().getByText("Renvoyé", { exact: true }).waitFor();
    await history(mentorPage).first().getByText(comment).waitFor();
    await mentorPage.goto(`${suite.baseUrl}/defis/bnf-catalogage`);
    await history(mentorPage).first().getByText("Validé", { exact: true }).waitFor();
  }, 60_000);

  it("the dashboard counts all data by default, validated data only when asked, and its captions say which", async () => {
    // The dashboard: all data by default, then validated only, and the captions say which.
    await adminPage.goto(`${suite.baseUrl}/?promotion=1`);
    await drawAllCharts(adminPage);
    await adminPage.getByRole("figure", { name: "Niveaux : Mise en production" }).locator("svg.recharts-surface").waitFor();
    await expect.poll(() => eig1Production(adminPage)).toEqual(["9", "0", "0", "1", "1", "7"]);
    const caption = adminPage.getByRole("figure", { name: "Niveaux : Mise en production" }).locator("figcaption");
    expect(await caption.textContent()).toContain("Données : toutes (déclarées et validées)");

    await adminPage.getByLabel("Données comptées").selectOption({ label: "Validées uniquement" });
    await expect.poll(() => eig1Production(adminPage)).toEqual(["9", "0", "0", "0", "1", "8"]);
    await expect.poll(() => caption.textContent()).toContain("Données : validées uniquement");
    expect(new URL(adminPage.url()).searchParams.get("data")).toBe("validated");
    const trajectoriesCaption = adminPage.getByRole("figure", { name: /Trajectoires des promotions/ }).first().locator("figcaption");
    expect(await trajectoriesCaption.textContent()).toContain("Données : validées uniquement");
    expect(await adminPage.getByRole("link", { name: "Défis et niveaux actuels, une ligne par défi (CSV, séparateur « , »)", exact: true }).getAttribute("href")).toContain("data=validated");

    // The address is a permalink: reloaded, the view stays on validated data.
    await adminPage.reload();
    await expect.poll(() => eig1Production(adminPage)).toEqual(["9", "0", "0", "0", "1", "8"]);
    expect(await adminPage.getByLabel("Données comptées").inputValue()).toBe("validated");
    expect(await seriousAxeViolations(adminPage)).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);
});
