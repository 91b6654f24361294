// What people read and keep: the audit log in words (no raw action keys) with links to what
// each entry is about; one-time texts (an invitation link, recovery codes) copied in one click,
// with a fallback when the clipboard is refused; the invitation page names ProConnect only
// when the server offers it.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { runBrowserTests, seriousAxeViolations } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { createAccount, signedInClient, totpCodeNow } from "../support/session-client";

describe.runIf(runBrowserTests)("audit log, copy buttons, invitation page", () => {
  // No SMTP: an invitation's link is handed to the admin, once.
  const suite = browserSuite({ timeoutMs: 10_000 });
  const shots = process.env.SHOTS_DIR;

  const shoot = async (page: Page, name: string) => {
    if (!shots) return;
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  it("the audit log labels every action in words and links each target", async () => {
    const { client: admin } = await signedInClient(suite.baseUrl, suite.db, "admin");
    expect((await admin.post("/api/challenges/cartobio/status-updates", { axis: "production", level: 2 })).status).toBe(201);
    expect((await admin.post("/api/snapshots", { name: "Bilan du journal" })).status).toBe(201);
    const account = await createAccount(suite.db, "admin", { name: "Ada Auditrice" });
    const page = await suite.signedInPage(account, { clipboard: true });
    const problems = suite.problems(page);
    await page.goto(`${suite.baseUrl}/admin/journal`);
    const table = page.getByRole("table", { name: "Journal d'audit" });
    await table.waitFor();
    const actions = (await table.locator("tbody tr td:nth-child(3)").allInnerTexts()).join("\n");
    expect(actions).toContain("Statut déclaré");
    expect(actions).toContain("Instantané figé");
    // No action shown as its key (status_update.created, snapshot.created, login.succeeded…).
    expect(actions).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/);
    const challengeLink = table.getByRole("link", { name: "Défi cartobio" }).first();
    expect(await challengeLink.getAttribute("href")).toBe("/defis/cartobio");
    const snapshotLink = table.getByRole("link", { name: /^Instantané n°\d+$/ }).first();
    expect(await snapshotLink.getAttribute("href")).toBe("/admin/instantanes");
    expect(await table.getByRole("link", { name: /^Compte n°\d+$/ }).first().getAttribute("href")).toBe("/admin/comptes");
    // The English interface has its own labels.
    await page.goto(`${suite.baseUrl}/admin/journal?lang=en`);
    const englishTable = page.getByRole("table", { name: "Audit log" });
    await englishTable.waitFor();
    const english = (await englishTable.locator("tbody tr td:nth-child(3)").allInnerTexts()).join("\n");
    expect(english).toContain("Status declared");
    expect(english).not.toMatch(/\b[a-z_]+\.[a-z_]+\b/);
    await page.goto(`${suite.baseUrl}/admin/journal?lang=fr`);
    await table.waitFor();
    await shoot(page, "audit-admin");
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it("an admin copies a one-time invitation link; when the clipboard is refused, the link is selected", async () => {
    const account = await createAccount(suite.db, "admin");
    const page = await suite.signedInPage(account, { clipboard: true });
    const problems = suite.problems(page);
    await page.goto(`${suite.baseUrl}/admin/comptes`);
    // ProConnect is not configured: the invitations section does not offer it either.
    await page.getByText(/La personne reçoit par courriel un lien personnel/).waitFor();
    expect(await page.getByText(/La personne reçoit par courriel un lien personnel/).innerText()).not.toMatch(/ProConnect/);
    const invite = async (email: string) => {
      await page.getByLabel("Adresse électronique").fill(email);
      await page.getByLabel("Nom", { exact: true }).fill("Camille Copie");
      await page.getByRole("button", { name: "Envoyer l'invitation" }).click();
      await page.getByText(`Lien d'invitation pour ${email}`).waitFor();
      const link = page.locator(".copyable-text__value");
      return (await link.innerText()).trim();
    };
    const link = await invite("copie@example.fr");
    expect(link).toMatch(/\/invitation#[A-Za-z0-9_-]{43}$/);
    await page.getByRole("button", { name: "Copier le lien" }).click();
    await page.getByText("Copié", { exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await shoot(page, "invitation-link-admin");

    // A browser that refuses: the link is selected for Ctrl+C, and the message says so.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException("refused", "NotAllowedError"));
    });
    const second = await invite("copie-refusee@example.fr");
    await page.getByRole("button", { name: "Copier le lien" }).click();
    await page.getByText(/Copie impossible ici : le texte est sélectionné/).waitFor();
    expect(await page.evaluate(() => window.getSelection()?.toString().trim())).toBe(second);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it("recovery codes after enrolment: copy them all, print them alone", async () => {
    const account = await createAccount(suite.db, "mentor");
    const page = await suite.signedInPage(account, { clipboard: true });
    const problems = suite.problems(page);
    await page.goto(`${suite.baseUrl}/mon-compte`);
    await page.getByRole("button", { name: "Activer la double authentification" }).click();
    await page.getByRole("button", { name: "Afficher la clé à enregistrer" }).click();
    const secret = await page.getByLabel("Clé à saisir dans l'application (base32)").inputValue();
    await page.getByLabel("Code de vérification").fill(totpCodeNow(secret));
    await page.getByRole("button", { name: "Activer", exact: true }).click();
    const list = page.getByRole("list", { name: "Vos codes de secours" });
    await list.waitFor();
    const codes = (await list.getByRole("listitem").allInnerTexts()).map((code) => code.trim());
    expect(codes).toHaveLength(10);
    await page.getByRole("button", { name: "Copier les codes" }).click();
    await page.getByText("Copié", { exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(codes.join("\n"));
    await shoot(page, "recovery-codes-mentor");

    // Printing: only the codes are visible on paper.
    await page.evaluate(() => {
      window.print = () => {
        window.dispatchEvent(new Event("beforeprint"));
      };
    });
    await page.getByRole("button", { name: "Imprimer les codes" }).click();
    await page.emulateMedia({ media: "print" });
    const visibility = await page.evaluate(() => ({
      heading: getComputedStyle(document.querySelector("h1")!).visibility,
      codes: getComputedStyle(document.querySelector(".recovery-codes li")!).visibility,
      button: getComputedStyle([...document.querySelectorAll("button")].find((b) => b.textContent?.includes("Imprimer"))!).visibility,
    }));
    expect(visibility).toEqual({ heading: "hidden", codes: "visible", button: "hidden" });
    if (shots) await page.screenshot({ path: `${shots}/recovery-codes-print.png` });
    await page.emulateMedia({ media: "screen" });
    expect(problems).toEqual([]);
  }, 60_000);

  it("the invitation page does not mention ProConnect when it is not configured", async () => {
    const { client: admin } = await signedInClient(suite.baseUrl, suite.db, "admin");
    const created = await admin.post("/api/invitations", { email: "sans-proconnect@example.fr", name: "Sacha", role: "mentor" });
    const page = await suite.page({ clipboard: true });
    const problems = suite.problems(page);
    await page.goto(`${created.body.link}`.replace(/^https?:\/\/[^/]+/, suite.baseUrl));
    await page.getByText(/Bienvenue Sacha/).waitFor();
    expect(await page.locator("main").innerText()).not.toMatch(/ProConnect/);
    await shoot(page, "invitation-page-anonymous");
    expect(problems).toEqual([]);
  }, 60_000);
});
