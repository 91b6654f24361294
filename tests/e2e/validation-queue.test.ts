import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { appendStatusUpdate } from "../../server/src/domain/status-updates";
import { challengeId } from "../support/factories";
import { runBrowserTests } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { createAccount } from "../support/session-client";

const inViewport = (locator: Locator) =>
  locator.evaluate((element) => {
    const { top, bottom } = element.getBoundingClientRect();
    return top >= 0 && bottom <= window.innerHeight;
  });

describe.runIf(runBrowserTests)("the reviewer's queue in a browser", () => {
  const suite = browserSuite();
  let page: Page;

  beforeAll(async () => {
    const mentor = await createAccount(suite.db, "mentor");
    const declare = (slug: string, axis: "production" | "transmission", level: 0 | 1 | 2 | 3, extra: { evidenceUrl?: string; note?: string } = {}) =>
      appendStatusUpdate(suite.db, {
        challengeId: challengeId(suite.db, slug),
        axis,
        level,
        asOf: "2024-03-01",
        authorId: mentor.id,
        authorName: "Claire Mentor",
        ...extra,
      });
    // Declarations recorded earlier, listed first: the challenge reviewed below sits lower in the page.
    for (const slug of ["bnf-catalogage", "ars-occitanie-parcours-de-soin", "cc-api-rapports", "mi-cartav-securite-routiere"]) {
      declare(slug, "production", 1);
      declare(slug, "transmission", 1);
    }
    declare("afd-geodata", "production", 1, { note: "Bêta" });
    declare("afd-geodata", "production", 2, { note: "Lancé officiellement", evidenceUrl: "https://example.fr/lancement" });
    declare("afd-geodata", "transmission", 1);
    page = await suite.signedInPage("admin");
  });

  it("shows each entry's evidence and validated level, validates a challenge in one step and dismisses its superseded entry, confirming next to it", async () => {
    await page.goto(`${suite.baseUrl}/admin/a-valider`);
    await page.getByText("11 déclarations à traiter.").waitFor();
    const group = page.getByRole("region", { name: /AFD - Geodata/ });
    const latest = group.getByRole("article", { name: "AFD - Geodata — Mise en production : 2 · Atteint" });
    await latest.getByRole("link", { name: /Voir le justificatif/ }).waitFor();
    await latest.getByText("Niveau validé jusqu'ici : aucun niveau validé").waitFor();
    await latest.getByText("Lancé officiellement").waitFor();
    await group.getByRole("article", { name: /Mise en production : 1/ }).getByText("Remplacée par une déclaration plus récente").waitFor();

    await group.getByRole("button", { name: "Valider les 2 déclarations de ce défi" }).click();
    const validated = group.getByText("Validé : les 2 déclarations de AFD - Geodata (EIG 1).");
    await validated.waitFor();
    expect(await inViewport(validated)).toBe(true);
    await page.getByText("9 déclarations à traiter.").waitFor();
    // Focus stays with the group, not thrown to the top of the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest("section")?.querySelector("h2")?.textContent ?? "")).toContain("AFD - Geodata");

    await group.getByRole("button", { name: "Écarter la déclaration remplacée" }).click();
    const dismissed = group.getByText("Écartée : la déclaration remplacée de AFD - Geodata (EIG 1).");
    await dismissed.waitFor();
    expect(await inViewport(dismissed)).toBe(true);
    await page.getByText("8 déclarations à traiter.").waitFor();
    expect(await group.getByRole("article").count()).toBe(0);
  });
});
