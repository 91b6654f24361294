import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDays, parisDate } from "@shared/dates";
import { replaceChallengeMentors } from "../../server/src/repositories/users";
import { runBrowserTests, seriousAxeViolations } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { challengeId, recordStatus } from "../support/factories";
import { createAccount } from "../support/session-client";

describe.runIf(runBrowserTests)("an update campaign, from its opening to its completion", () => {
  const suite = browserSuite({ smtp: true });

  /** Text as read, with the narrow no-break spaces of French numbers as plain spaces. */
  const textOf = async (locator: Locator) => (await locator.textContent())?.replace(/\s+/g, " ") ?? "";

  it("the team opens it, the mentor answers « Toujours exact » from Mes défis, the campaign page counts it", async () => {
    const admin = await createAccount(suite.db, "admin", { name: "Alice Programme" });
    const claire = await createAccount(suite.db, "mentor", { name: "Claire Mentor" });
    const marc = await createAccount(suite.db, "mentor", { name: "Marc Mentor" });
    replaceChallengeMentors(suite.db, challengeId(suite.db, "cartobio"), [claire.id]);
    replaceChallengeMentors(suite.db, challengeId(suite.db, "archifiltre"), [marc.id]);
    // CartoBio's three axes were reported before: Claire can confirm them.
    for (const axis of ["production", "transmission", "reliability"] as const) recordStatus(suite.db, "cartobio", axis, 2, "2024-01-01");
    const deadline = addDays(parisDate(), 20);
    const deadlineText = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${deadline}T00:00:00Z`));

    // The team opens the campaign over EIG 2 and CartoBio, picked by hand.
    const page = await suite.signedInPage(admin);
    const problems = suite.problems(page);
    await page.getByRole("link", { name: "Administration" }).click();
    await page.getByRole("link", { name: "Campagnes" }).click();
    await page.getByRole("heading", { level: 1, name: "Campagnes de mise à jour" }).waitFor();
    await page.getByText("Aucune campagne pour l'instant.").waitFor();
    const form = page.getByRole("form", { name: "Ouvrir une campagne" });
    // Refused first: no challenge chosen; the form says so next to the field.
    await form.getByLabel("Nom de la campagne").fill("Bilan à +6 mois, EIG 2");
    await form.getByLabel("Échéance").fill(deadline);
    await form.getByRole("button", { name: "Ouvrir la campagne" }).click();
    await form.getByText("Choisissez au moins une promotion ou un défi.").waitFor();
    await form.locator("label", { hasText: "EIG 2 (13 défis)" }).click();
    await form.getByLabel("Défi à ajouter").selectOption({ label: "CartoBio (EIG 3)" });
    await form.getByRole("button", { name: "Ajouter" }).click();
    await form.getByRole("button", { name: "Retirer CartoBio" }).waitFor();
    await form.getByRole("button", { name: "Ouvrir la campagne" }).click();
    await page.getByText("Campagne « Bilan à +6 mois, EIG 2 » ouverte sur 14 défis.").waitFor();
    await page.getByText("Courriel d'ouverture en file d'envoi pour 2 mentors : suivez l'envoi sur la page de la campagne.").waitFor();
    const row = page.getByRole("row", { name: /Bilan à \+6 mois, EIG 2/ });
    await expect.poll(() => textOf(row)).toContain("0 sur 14 (0 %)");
    expect(await textOf(row)).toContain(deadlineText);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Each mentor got one email with the link to "Mes défis".
    const mails = await suite.sink.waitForMessages(2);
    const toClaire = mails.find((mail) => mail.to.includes(claire.email))!;
    expect(toClaire.subject).toBe(`Campagne « Bilan à +6 mois, EIG 2 » : 1 défi à mettre à jour avant le ${deadlineText}`);
    expect(toClaire.text).toContain("/mes-defis");

    // Claire finds the to-do at the top of "Mes défis" and answers "Toujours exact".
    const mentorPage = await suite.signedInPage(claire);
    const mentorProblems = suite.problems(mentorPage);
    await mentorPage.getByRole("link", { name: "Mes défis" }).click();
    const todo = mentorPage.getByRole("region", { name: "Campagne « Bilan à +6 mois, EIG 2 »" });
    await todo.getByText(`À faire avant le ${deadlineText}`).waitFor();
    await todo.getByText("0 sur 1 à jour").waitFor();
    const items = todo.getByRole("list", { name: "Défis de la campagne « Bilan à +6 mois, EIG 2 »" }).getByRole("listitem").filter({ hasText: "CartoBio" });
    await items.getByText("Transmission : à faire").waitFor();
    expect(await seriousAxeViolations(mentorPage)).toEqual([]);
    await items.getByRole("button", { name: "Toujours exact : CartoBio" }).click();
    await todo.getByText("CartoBio : niveaux actuels confirmés.").waitFor();
    await todo.getByText("1 sur 1 à jour").waitFor();
    await items.getByText("Transmission : fait").waitFor();
    await todo.getByText("Merci : tous vos défis de cette campagne ont répondu.").waitFor();
    // The challenge itself is no longer "à actualiser".
    await expect.poll(() => mentorPage.getByRole("article", { name: "CartoBio" }).textContent()).toContain("À jour");
    expect(mentorProblems).toEqual([]);

    // The campaign page counts it, per promotion and per challenge; Marc remains to chase.
    await row.getByRole("link", { name: "Bilan à +6 mois, EIG 2" }).click();
    await page.getByRole("heading", { level: 1, name: /Bilan à \+6 mois, EIG 2/ }).waitFor();
    await page.getByText(/^1 sur 14 défis ont répondu \(7\s%\)\.$/).waitFor();
    const byPromotion = page.getByRole("table", { name: "Défis ayant répondu, par promotion" });
    expect(await textOf(byPromotion.getByRole("row", { name: /EIG 3/ }))).toContain("1 sur 1 (100 %)");
    expect(await textOf(byPromotion.getByRole("row", { name: /EIG 2/ }))).toContain("0 sur 13 (0 %)");
    const cartobio = page.getByRole("table", { name: /^Défis de la campagne/ }).getByRole("row", { name: /CartoBio/ });
    expect(await cartobio.textContent()).toContain("Répondu");
    const toChase = page.getByRole("table", { name: "Mentors dont au moins un défi n'a pas répondu" });
    expect(await toChase.getByRole("row").count()).toBe(2);
    const marcMail = toChase.getByRole("link", { name: marc.email });
    expect(await marcMail.getAttribute("href")).toMatch(new RegExp(`^mailto:${marc.email}\\?subject=`));
    expect(await toChase.textContent()).not.toContain("Claire Mentor");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Reminders now: Marc was already written to today (the opening email), so nothing more.
    await page.getByRole("button", { name: "Envoyer les relances maintenant" }).click();
    await page.getByText("Aucune relance à envoyer. 1 mentor déjà écrit aujourd'hui.").waitFor();
    await suite.server.emailsSent();
    expect(suite.sink.messages).toHaveLength(2);

    // The team edits the open campaign: a past deadline is refused next to the field; then a
    // new name, a later deadline and ADLER added: Inès, its mentor, gets the opening email.
    const ines = await createAccount(suite.db, "mentor", { name: "Inès Mentor" });
    replaceChallengeMentors(suite.db, challengeId(suite.db, "adler"), [ines.id]);
    const later = addDays(parisDate(), 30);
    await page.getByRole("button", { name: "Modifier", exact: true }).click();
    const editForm = page.getByRole("form", { name: "Modifier la campagne" });
    await editForm.getByLabel("Échéance").fill(addDays(parisDate(), -1));
    await editForm.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await editForm.getByText("L'échéance ne peut pas être dans le passé.").waitFor();
    await editForm.getByLabel("Nom de la campagne").fill("Bilan à +6 mois, EIG 2 et ADLER");
    await editForm.getByLabel("Échéance").fill(later);
    await editForm.getByLabel("Défi à ajouter").selectOption({ label: "ADLER (EIG 3)" });
    await editForm.getByRole("button", { name: "Ajouter" }).click();
    await editForm.getByRole("button", { name: "Retirer ADLER" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await editForm.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await page.getByText("Campagne modifiée.").waitFor();
    await page.getByText("Défis ajoutés : 1 défi. Courriel d'ouverture en file d'envoi pour 1 mentor.").waitFor();
    await page.getByRole("heading", { level: 1, name: /Bilan à \+6 mois, EIG 2 et ADLER/ }).waitFor();
    await page.getByText(/^1 sur 15 défis ont répondu/).waitFor();
    const [toInes] = (await suite.sink.waitForMessages(3)).slice(2);
    expect(toInes.to).toEqual([ines.email]);
    expect(toInes.subject).toMatch(/^Campagne « Bilan à \+6 mois, EIG 2 et ADLER » : 1 défi à mettre à jour avant le /);
    // The email log follows the sending (read again while an email waits).
    const log = page.getByRole("table", { name: "Derniers courriels de la campagne" });
    await log.getByRole("row", { name: /Inès Mentor.*Ouverture.*Envoyé/ }).waitFor();
    await page.getByText(/^0 en attente d.envoi, 3 envoyés, 0 en échec\./).waitFor();

    // Closed, it stays readable and leaves Claire's to-do.
    await page.getByRole("button", { name: "Clore la campagne" }).click();
    await page.getByRole("button", { name: "Confirmer la clôture" }).click();
    await page.getByRole("heading", { level: 1, name: /Bilan à \+6 mois, EIG 2 et ADLER\s*Close/ }).waitFor();
    expect(await page.getByRole("button", { name: "Envoyer les relances maintenant" }).count()).toBe(0);
    await mentorPage.reload();
    await mentorPage.getByRole("heading", { level: 1, name: "Mes défis" }).waitFor();
    await mentorPage.getByRole("article", { name: "CartoBio" }).waitFor();
    expect(await mentorPage.getByRole("region", { name: /^Campagne/ }).count()).toBe(0);
    expect(problems).toEqual([]);
    // Two browsers and four axe passes: well past the default on a loaded 2-core machine.
  }, 120_000);

  it("a double click on « Ouvrir la campagne » opens one campaign, which the team can then delete while nobody has answered", async () => {
    const admin = await createAccount(suite.db, "admin", { name: "Alice Double-Clic" });
    const deadline = addDays(parisDate(), 10);
    const page = await suite.signedInPage(admin);
    const problems = suite.problems(page);
    await page.goto(`${suite.baseUrl}/admin/campagnes`);
    const form = page.getByRole("form", { name: "Ouvrir une campagne" });
    await form.getByLabel("Nom de la campagne").fill("Campagne du double clic");
    await form.getByLabel("Échéance").fill(deadline);
    await form.locator("label", { hasText: "EIG 1 (" }).click();
    // Both clicks in the same task, before the page can re-render: what a quick double click does.
    await form.getByRole("button", { name: "Ouvrir la campagne" }).evaluate((button: HTMLButtonElement) => {
      button.click();
      button.click();
    });
    await page.getByText(/Campagne « Campagne du double clic » ouverte sur/).waitFor();
    const row = page.getByRole("row", { name: /Campagne du double clic/ });
    await row.waitFor();
    expect(await row.count()).toBe(1);
    expect(suite.db.get<{ n: number }>("SELECT count(*) AS n FROM campaigns WHERE name = 'Campagne du double clic'")!.n).toBe(1);

    // Opened by mistake: deleted from its page, after a confirm step.
    await row.getByRole("link", { name: /Campagne du double clic/ }).click();
    await page.getByRole("heading", { level: 2, name: "Supprimer la campagne" }).waitFor();
    await page.getByRole("button", { name: "Supprimer la campagne" }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Confirmer la suppression de « Campagne du double clic »" }).click();
    await page.getByRole("heading", { level: 1, name: "Campagnes de mise à jour" }).waitFor();
    await page.getByText("La campagne « Campagne du double clic » est supprimée.").waitFor();
    expect(await page.getByRole("row", { name: /Campagne du double clic/ }).count()).toBe(0);
    expect(suite.db.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'campaign.deleted'")!.n).toBe(1);
    expect(problems).toEqual([]);
  }, 60_000);
});
