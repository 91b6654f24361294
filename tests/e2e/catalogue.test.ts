// The programme team extends and corrects the catalogue in a browser: a new promotion, a
// challenge added to it and found in the challenge list, a record corrected from its page.
import fs from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { runBrowserTests, seriousAxeViolations } from "../support/browser";
import { browserSuite } from "../support/browser-suite";

const SHOTS = process.env.SHOTS_DIR;

describe.runIf(runBrowserTests)("« Promotions et défis » in a browser", () => {
  const suite = browserSuite();
  let page: Page;

  beforeAll(async () => {
    page = await suite.signedInPage("admin");
  });

  /** With SHOTS_DIR set, the page at 1280 and 390 px wide, for a person to look at; and nothing wider than the screen at 390. */
  async function shoot(name: string) {
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} overflows at 390 px`).toBeLessThanOrEqual(0);
    if (SHOTS) {
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  it("an admin adds EIG 5 and a challenge to it, then finds the challenge in the list", async () => {
    await page.goto(`${suite.baseUrl}/admin`);
    await page.getByRole("link", { name: "Promotions et défis" }).click();
    await page.getByRole("heading", { level: 1, name: "Promotions et défis" }).waitFor();
    await page.getByRole("heading", { name: "EIG 4" }).waitFor();

    const add = page.getByRole("region", { name: "Ajouter une promotion" });
    await add.getByRole("button", { name: "Ajouter une promotion" }).click();
    await add.getByLabel("Numéro ou code").fill("5");
    await add.getByLabel("Nom").fill("EIG 5");
    await add.getByLabel("Début").fill("2021-09-01");
    // An end before the start is refused, said under the field.
    await add.getByLabel("Fin").fill("2021-01-31");
    await add.getByRole("button", { name: "Ajouter la promotion" }).click();
    await add.getByText("La date de fin doit être postérieure ou égale à la date de début.").waitFor();
    await shoot("catalogue-add-promotion-refused");
    await add.getByLabel("Fin").fill("2022-06-30");
    await add.getByRole("button", { name: "Ajouter la promotion" }).click();
    await page.getByText("Promotion EIG 5 ajoutée.").waitFor();

    const eig5 = page.getByRole("region", { name: "EIG 5", exact: true });
    await eig5.getByText("aucun défi").waitFor();
    await eig5.getByRole("button", { name: "Ajouter un défi à EIG 5" }).click();
    await eig5.getByLabel("Titre").fill("Signaux faibles 2");
    await eig5.getByLabel("Administration", { exact: true }).fill("Direction générale des entreprises");
    await eig5.getByLabel("Site du produit").fill("http://signaux-faibles.example.fr");
    expect(await eig5.getByText("Adresse complète commençant par http:// ou https://, ou vide.").count()).toBe(3);
    await shoot("catalogue-add-challenge");
    await eig5.getByRole("button", { name: "Ajouter le défi" }).click();
    await page.getByText("Défi « Signaux faibles 2 » ajouté.").waitFor();
    await eig5.getByText("1 défi").waitFor();
    await eig5.getByRole("link", { name: "Modifier le défi Signaux faibles 2" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shoot("catalogue-page");

    await page.goto(`${suite.baseUrl}/defis`);
    await page.getByLabel("Rechercher un défi").fill("signaux faibles 2");
    await page.getByRole("link", { name: "Signaux faibles 2" }).click();
    await page.getByRole("heading", { level: 1, name: "Signaux faibles 2" }).waitFor();
    await page.getByText("EIG 5", { exact: true }).first().waitFor();
    expect(suite.problems(page)).toEqual([]);
  });

  it("an admin corrects a challenge's dates from its page and clears « approximate »", async () => {
    await page.goto(`${suite.baseUrl}/defis/archifiltre`);
    await page.getByText("Dates approximatives").waitFor();
    await shoot("challenge-page-admin");
    await page.getByRole("link", { name: "Corriger la fiche et les dates" }).click();
    await page.getByRole("heading", { level: 1, name: "Corriger la fiche : Archifiltre" }).waitFor();
    await page.getByLabel("Fin").fill("2019-11-15");
    // DSFR draws its box over the input: a person clicks the label.
    await page.locator("label", { hasText: "Dates approximatives" }).click();
    expect(await page.getByRole("checkbox", { name: "Dates approximatives" }).isChecked()).toBe(false);
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Fiche du défi enregistrée.").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shoot("challenge-edit-page");

    await page.getByRole("link", { name: "Retour à la page du défi" }).click();
    await page.getByRole("heading", { level: 1, name: "Archifiltre" }).waitFor();
    expect(await page.getByText("Dates approximatives").count()).toBe(0);
    expect(suite.db.get("SELECT ends_on AS endsOn, dates_approximate AS approximate FROM challenges WHERE slug = 'archifiltre'")).toEqual({
      endsOn: "2019-11-15",
      approximate: 0,
    });
    expect(suite.problems(page)).toEqual([]);
  });
});
