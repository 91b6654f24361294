import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { runBrowserTests, seriousAxeViolations } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { assignMentor } from "../support/factories";
import { createAccount } from "../support/session-client";

describe.runIf(runBrowserTests)("signing in and what each role sees", () => {
  const suite = browserSuite();

  const navigationLinks = (page: Page) => page.locator("#en-tete-main-navigation a").allTextContents();

  it("offers skip links first in the tab order, to existing targets", async () => {
    const evaluator = await createAccount(suite.db, "evaluator");
    const page = await suite.signedInPage(evaluator);
    await page.goto(`${suite.baseUrl}/defis`);
    await page.getByRole("heading", { level: 1, name: "Défis" }).waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Contenu");
    const anchors = await page.locator(".fr-skiplinks a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(anchors).toEqual(["#contenu", "#en-tete-main-navigation", "#pied-de-page"]);
    for (const anchor of anchors) expect(await page.locator(anchor!).count()).toBe(1);
  });

  it("sends a visitor to the sign-in page, explains a refusal, then returns to the page asked for", async () => {
    const evaluator = await createAccount(suite.db, "evaluator");
    const page = await suite.page();
    await page.goto(`${suite.baseUrl}/defis?promotion=3`);
    await page.waitForURL(`${suite.baseUrl}/connexion?retour=%2Fdefis%3Fpromotion%3D3`);
    await page.getByRole("heading", { level: 1, name: "Connexion" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByText("Saisissez votre adresse électronique.").waitFor();

    await page.getByLabel("Adresse électronique").fill(evaluator.email);
    await page.getByLabel("Mot de passe", { exact: true }).fill("not the password at all");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByText("Adresse électronique ou mot de passe incorrect.").waitFor();

    await page.getByLabel("Mot de passe", { exact: true }).fill(evaluator.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(`${suite.baseUrl}/defis?promotion=3`);
    await expect.poll(() => page.locator("tbody tr").count()).toBe(15);
  });

  it("lets the programme team create a mentor, assign a challenge and read the audit log", async () => {
    const admin = await createAccount(suite.db, "admin", { name: "Dominique Programme" });
    const page = await suite.signedInPage(admin);
    const problems = suite.problems(page);
    await expect.poll(() => navigationLinks(page)).toEqual(["Tableau de bord", "Mes défis", "Défis", "Administration"]);
    await expect.poll(() => page.locator("header").textContent()).toContain("Dominique Programme · Équipe du programme");

    await page.getByRole("link", { name: "Administration" }).click();
    await page.getByRole("heading", { level: 1, name: "Comptes" }).waitFor();
    // Accounts come by invitation; without SMTP the admin is shown the link once (docs/decisions/0006-identity-links-and-second-factor.md).
    const form = page.locator("form", { has: page.getByRole("button", { name: "Envoyer l'invitation" }) });
    await form.getByLabel("Nom", { exact: true }).fill("Aline Mentor");
    await form.getByLabel("Adresse électronique").fill("pas-une-adresse");
    await form.getByLabel("Rôle").selectOption("mentor");
    await form.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await form.getByText("Adresse électronique invalide.").waitFor();

    await form.getByLabel("Adresse électronique").fill("aline.mentor@test.gouv.fr");
    await form.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await page.getByText("Lien d'invitation pour aline.mentor@test.gouv.fr").waitFor();
    const shown = (await page.locator(".fr-alert").filter({ hasText: "Lien d'invitation" }).textContent()) ?? "";
    const token = /\/invitation#([A-Za-z0-9_-]{43})/.exec(shown)![1];
    const aline = await suite.page();
    await aline.goto(`${suite.baseUrl}/invitation#${token}`);
    await aline.getByLabel("Nouveau mot de passe").fill("la phrase de passe d'Aline");
    await aline.getByLabel("Confirmez le mot de passe").fill("la phrase de passe d'Aline");
    await aline.getByRole("button", { name: "Activer mon compte" }).click();
    // A mentor who accepts an invitation lands on « Mes défis ».
    await aline.waitForURL((url) => url.pathname === "/mes-defis");
    await aline.getByRole("heading", { level: 1, name: "Mes défis" }).waitFor();
    await page.reload();
    await page.getByRole("row", { name: /Aline Mentor/ }).waitFor();
    // On a laptop screen the accounts table fits: its actions are in view, not past a sideways scroll.
    const accounts = page.getByRole("region", { name: "Comptes" });
    expect(await accounts.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);
    await expect.poll(() => page.getByRole("row", { name: /Aline Mentor/ }).getByRole("button", { name: /^Réinitialiser le mot de passe/ }).isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Mentors des défis" }).click();
    // The accounts page has a promotion select too (the invitation's challenge picker): wait for the new page.
    await page.getByRole("heading", { level: 1, name: "Mentors des défis" }).waitFor();
    await page.getByLabel("Promotion").selectOption({ label: "EIG 2" });
    await page.getByRole("button", { name: "Modifier les mentors de Archifiltre" }).click();
    await page.getByText("Aline Mentor (aline.mentor@test.gouv.fr)").click();
    expect(await page.getByLabel("Aline Mentor (aline.mentor@test.gouv.fr)").isChecked()).toBe(true);
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Mentors de Archifiltre enregistrés.").waitFor();
    await page.getByText("Mentors : Aline Mentor").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Journal d'audit" }).click();
    await page.getByRole("cell", { name: "Mentors d'un défi modifiés" }).first().waitFor();
    await page.getByRole("cell", { name: "Invitation acceptée" }).first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(`${suite.baseUrl}/defis/archifiltre`);
    await page.getByRole("link", { name: "Gérer les mentors" }).waitFor();
    expect(problems).toEqual([]);
  });

  it("shows a mentor their challenge, no administration, and signs them out", async () => {
    const mentor = await createAccount(suite.db, "mentor", { name: "Bruno Mentor" });
    assignMentor(suite.db, mentor.id, "cartobio");
    const page = await suite.signedInPage(mentor);
    await expect.poll(() => navigationLinks(page)).toEqual(["Tableau de bord", "Mes défis", "Défis"]);

    await page.goto(`${suite.baseUrl}/defis/cartobio`);
    await page.getByText("Vous suivez ce défi").waitFor();
    expect(await page.getByRole("link", { name: "Gérer les mentors" }).count()).toBe(0);
    await page.goto(`${suite.baseUrl}/defis/archifiltre`);
    await page.getByRole("heading", { level: 1, name: "Archifiltre" }).waitFor();
    expect(await page.getByText("Vous suivez ce défi").count()).toBe(0);

    await page.goto(`${suite.baseUrl}/admin/comptes`);
    await page.getByRole("heading", { level: 1, name: "Accès réservé" }).waitFor();

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL(`${suite.baseUrl}/connexion`);
    await page.goto(`${suite.baseUrl}/defis`);
    await page.waitForURL(/\/connexion\?retour=/);
  });

  it("shows an evaluator everything to read and nothing to administer", async () => {
    const evaluator = await createAccount(suite.db, "evaluator");
    const page = await suite.signedInPage(evaluator);
    await expect.poll(() => navigationLinks(page)).toEqual(["Tableau de bord", "Défis"]);
    await page.goto(`${suite.baseUrl}/defis/archifiltre`);
    await page.getByRole("heading", { level: 1, name: "Archifiltre" }).waitFor();
    expect(await page.getByRole("link", { name: "Gérer les mentors" }).count()).toBe(0);
    expect(await page.getByText("Vous suivez ce défi").count()).toBe(0);
    await page.goto(`${suite.baseUrl}/admin/journal`);
    await page.getByRole("heading", { level: 1, name: "Accès réservé" }).waitFor();
  });
});
