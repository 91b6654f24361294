import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { runBrowserTests, seriousAxeViolations } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { assignMentor } from "../support/factories";
import { createAccount, SessionClient } from "../support/session-client";

describe.runIf(runBrowserTests)("a mentor keeps their challenges up to date", () => {
  const suite = browserSuite();

  const history = (page: Page) =>
    page.getByRole("list", { name: "Mises à jour, de la plus récente à la plus ancienne" }).getByRole("listitem");
  /** DSFR draws its own radios and checkboxes over the inputs: a person clicks the label. */
  async function choose(scope: Locator, label: string) {
    await scope.locator("label", { hasText: label }).click();
    expect(await scope.getByLabel(label).isChecked()).toBe(true);
  }

  it("records a level, retracts it, marks an action done, and finds no edit control on another mentor's challenge", async () => {
    const mentor = await createAccount(suite.db, "mentor", { name: "Claire Mentor" });
    const otherMentor = await createAccount(suite.db, "mentor", { name: "Marc Mentor" });
    assignMentor(suite.db, mentor.id, "explocode");
    assignMentor(suite.db, otherMentor.id, "archifiltre");
    const page = await suite.signedInPage(mentor);
    const problems = suite.problems(page);

    // "Mes défis": the assigned challenge, never reported, with what is missing.
    await page.getByRole("link", { name: "Mes défis" }).click();
    await page.getByRole("heading", { level: 1, name: "Mes défis" }).waitFor();
    const card = page.getByRole("article", { name: "ExploCode" });
    await card.getByText("À actualiser").waitFor();
    await card.getByText("jamais renseigné", { exact: true }).waitFor();
    await card.getByText("Niveau « Transmission » jamais renseigné").waitFor();
    await card.getByText("Liste de passation vide").waitFor();
    expect(await page.getByRole("article").count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The edit mode opens with the focus on its first field (tests/e2e/mentor-flows.test.ts).
    await card.getByRole("link", { name: "ExploCode", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "ExploCode" }).waitFor();
    await page.getByRole("button", { name: "Mettre à jour", exact: true }).click();
    await page.getByRole("heading", { level: 2, name: "Mise à jour du défi" }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("form")?.getAttribute("aria-labelledby") !== null)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A field refused inline, then a level recorded with a note.
    const transmission = page.getByRole("form", { name: "Transmission", exact: true });
    await choose(transmission, "2 · Atteint");
    await transmission.getByLabel("Note (facultative)").fill("Documentation remise à la DSI, deux agents formés.");
    await transmission.getByLabel("Lien vers un justificatif (facultatif)").fill("ftp://exemple.gouv.fr/doc");
    await transmission.getByRole("button", { name: /^Enregistrer le niveau/ }).click();
    await transmission.getByText("L'adresse doit commencer par https://", { exact: true }).last().waitFor();
    await transmission.getByLabel("Lien vers un justificatif (facultatif)").fill("https://exemple.gouv.fr/passation");
    await transmission.getByRole("button", { name: /^Enregistrer le niveau/ }).click();
    await transmission.getByText(/^Transmission : niveau 2 · Atteint enregistré au /).waitFor();

    // It tops the history and is the current status.
    const latest = history(page).first();
    await expect.poll(() => latest.textContent()).toContain("Documentation remise à la DSI, deux agents formés.");
    const latestText = await latest.textContent();
    expect(latestText).toContain("Transmission : niveau 2 · Atteint");
    expect(latestText).toContain("Claire Mentor");
    expect(await latest.getByRole("link", { name: /Justificatif/ }).getAttribute("href")).toBe("https://exemple.gouv.fr/passation");
    const currentTransmission = page.getByRole("region", { name: "Transmission", exact: true });
    await expect.poll(() => currentTransmission.textContent()).toContain("2 · Atteint");

    // Retracted, it stays in history, struck through with its reason, and stops counting.
    await latest.getByRole("button", { name: /^Retirer/ }).click();
    await latest.getByLabel("Motif du retrait").fill("Saisi sur le mauvais axe.");
    await latest.getByRole("button", { name: "Confirmer le retrait" }).click();
    await latest.locator("s", { hasText: "Transmission : niveau 2 · Atteint" }).waitFor();
    await latest.getByText(/Saisi sur le mauvais axe\./).waitFor();
    await expect.poll(() => currentTransmission.textContent()).toContain("Non renseigné");
    expect(await latest.getByRole("button", { name: /^Retirer/ }).count()).toBe(0);

    // The seeded action marked done: shown at once, kept after a reload.
    const actionStatus = () => page.getByRole("combobox", { name: /^Statut de l'action « Lancement du Code du travail numérique/ });
    await actionStatus().selectOption({ label: "Faite" });
    await page.getByText(/^Statut de l'action « Lancement du Code du travail numérique.* : Faite\.$/).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 2, name: "Mise à jour du défi" }).waitFor();
    expect(await actionStatus().inputValue()).toBe("done");

    // Another mentor's challenge: readable, with no edit control, even asked for in the address.
    await page.goto(`${suite.baseUrl}/defis/archifiltre?edition=1`);
    await page.getByRole("heading", { level: 1, name: "Archifiltre" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Historique des statuts" }).waitFor();
    expect(await page.getByRole("button", { name: "Mettre à jour" }).count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Mise à jour du défi" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Retirer/ }).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it("shows a conflicting outcome and re-applies the mentor's choice on the new version", async () => {
    const mentor = await createAccount(suite.db, "mentor", { name: "Nora Mentor" });
    assignMentor(suite.db, mentor.id, "cartobio");
    const page = await suite.signedInPage(mentor);
    await page.goto(`${suite.baseUrl}/defis/cartobio`);
    await page.getByRole("button", { name: "Mettre à jour", exact: true }).click();
    const outcome = page.getByRole("form", { name: "Résultat", exact: true });
    await choose(outcome, "Livrables maintenus");
    await choose(outcome, "Équipe interne");

    // Meanwhile, someone else records another outcome.
    const admin = await createAccount(suite.db, "admin", { name: "Équipe Programme" });
    const other = new SessionClient(suite.baseUrl);
    await other.login(admin.email, admin.password);
    const { version } = (await other.get("/api/challenges/cartobio")).body;
    const concurrent = await other.request("PUT", "/api/challenges/cartobio/outcome", { categories: ["discontinued"] }, {
      "If-Match": String(version),
    });
    expect(concurrent.status).toBe(200);

    await outcome.getByRole("button", { name: "Enregistrer le résultat" }).click();
    const conflict = page.getByRole("group", { name: "Différences entre la version enregistrée et votre saisie" });
    await conflict.waitFor();
    const conflictText = await conflict.textContent();
    expect(conflictText).toContain("Version enregistréeCatégoriesArrêté");
    expect(conflictText).toContain("Votre saisieCatégories (diffère)Livrables maintenus");
    await page.getByText(/Équipe Programme a enregistré un autre résultat/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Appliquer mon choix sur la nouvelle version" }).click();
    await outcome.getByText(/^Résultat enregistré au /).waitFor();
    const stored = (await other.get("/api/challenges/cartobio")).body.outcomeDetail;
    expect(stored).toMatchObject({ categories: ["maintained"], path: "internal_team", authorName: "Nora Mentor" });
  });

  it("shows a plan item someone else changed meanwhile, overwrites nothing, and starts again from the recorded version", async () => {
    const mentor = await createAccount(suite.db, "mentor", { name: "Inès Mentor" });
    assignMentor(suite.db, mentor.id, "balisenav");
    const admin = await createAccount(suite.db, "admin", { name: "Équipe Programme" });
    const other = new SessionClient(suite.baseUrl);
    await other.login(admin.email, admin.password);
    const created = await other.post("/api/challenges/balisenav/actions", { kind: "coordination", title: "Former l'équipe support" });
    expect(created.status).toBe(201);

    const page = await suite.signedInPage(mentor);
    const problems = suite.problems(page);
    await page.goto(`${suite.baseUrl}/defis/balisenav`);
    await page.getByRole("button", { name: "Mettre à jour", exact: true }).click();
    await page.getByRole("button", { name: "Modifier l'action « Former l'équipe support »" }).click();
    // The form is named after the action, whose title changes under it.
    const form = page.getByRole("form", { name: /^Modifier l'action « Former l'équipe support/ });
    await form.getByLabel("Intitulé").fill("Former l'équipe support en mai");

    // Meanwhile, the programme team renames the same action.
    const concurrent = await other.request("PATCH", `/api/actions/${created.body.id}`, { title: "Former l'équipe support et la DSI" }, { "If-Match": "1" });
    expect(concurrent.status).toBe(200);

    await form.getByRole("button", { name: /^Enregistrer/ }).click();
    await form.getByText(/^Quelqu'un d'autre a modifié l'action « Former l'équipe support » pendant votre saisie ; rien n'a été écrasé/).waitFor();
    expect(await form.locator(".plan-conflict__current").textContent()).toContain("Former l'équipe support et la DSI");
    expect(await form.getByLabel("Intitulé").inputValue()).toBe("Former l'équipe support en mai");
    expect((await other.get("/api/challenges/balisenav")).body.actions.find((a: { id: number }) => a.id === created.body.id).title).toBe(
      "Former l'équipe support et la DSI",
    );
    expect(await seriousAxeViolations(page)).toEqual([]);

    await form.getByRole("button", { name: "Reprendre la version enregistrée" }).click();
    expect(await form.getByLabel("Intitulé").inputValue()).toBe("Former l'équipe support et la DSI");
    await form.getByLabel("Intitulé").fill("Former l'équipe support et la DSI en mai");
    await form.getByRole("button", { name: /^Enregistrer/ }).click();
    await page.getByText("L'action « Former l'équipe support et la DSI en mai » est modifiée.").waitFor();
    expect(problems).toEqual([]);
  }, 60_000);
});
