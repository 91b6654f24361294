// Identity in the browser (docs/decisions/0006-identity-links-and-second-factor.md): invitation accepted by link, ProConnect sign-in through a real
// OpenID Connect provider on loopback, TOTP for admins, used and expired links refused.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { runBrowserTests, seriousAxeViolations } from "../support/browser";
import { browserSuite } from "../support/browser-suite";
import { createSession, SESSION_COOKIE } from "../../server/src/auth/sessions";
import { readConfig } from "../../server/src/config";
import { createAccount, nextSecondFactorCode, SessionClient, signedInClient, totpCodeNow } from "../support/session-client";

describe.runIf(runBrowserTests)("identity: invitations, ProConnect, TOTP, links", () => {
  const suite = browserSuite({ smtp: true, proconnect: true });
  let admin: SessionClient;

  beforeAll(async () => {
    admin = (await signedInClient(suite.baseUrl, suite.db, "admin")).client;
  });

  /** The token of the link to `path` in the first email to `email`, received already or to come. */
  async function linkToken(email: string, path: string): Promise<string> {
    const mail = await suite.sink.waitForMail(`to ${email}`, (message) => message.to.includes(email));
    const token = new RegExp(`${path}#([A-Za-z0-9_-]{43})`).exec(mail.text)?.[1];
    if (!token) throw new Error(`No ${path} link in the email to ${email}: ${mail.text}`);
    return token;
  }

  it("an invited mentor accepts by link, sets a password, lands signed in with their challenge; the link then is refused", async () => {
    const email = "mentore.invitee@test.gouv.fr";
    expect((await admin.post("/api/invitations", { email, name: "Inès Invitée", role: "mentor", challenges: ["cartobio"] })).status).toBe(201);
    const token = await linkToken(email, "/invitation");
    const page = await suite.page();
    const problems = suite.problems(page);
    await page.goto(`${suite.baseUrl}/invitation#${token}`);
    await page.getByRole("heading", { level: 1, name: "Activer votre compte" }).waitFor();
    await page.getByText("Bienvenue Inès Invitée").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // A password the server refuses (here, the email's local part): its reason under the field.
    await page.getByLabel("Nouveau mot de passe").fill("mentore.invitee");
    await page.getByLabel("Confirmez le mot de passe").fill("mentore.invitee");
    await page.getByRole("button", { name: "Activer mon compte" }).click();
    await page.getByText("Le mot de passe ne peut pas être votre adresse électronique").waitFor();
    expect(await page.getByText("Lien inutilisable").count()).toBe(0);
    await page.getByLabel("Nouveau mot de passe").fill("ma phrase de passe de mentore");
    await page.getByLabel("Confirmez le mot de passe").fill("ma phrase de passe de mentore");
    await page.getByRole("button", { name: "Activer mon compte" }).click();
    // A mentor lands on « Mes défis », their challenge in view.
    await page.waitForURL((url) => url.pathname === "/mes-defis");
    await page.getByText("CartoBio").first().waitFor();

    // The same link again, in another browser: a clear refusal.
    const again = await suite.page();
    await again.goto(`${suite.baseUrl}/invitation#${token}`);
    await again.getByText("Ce lien a déjà été utilisé").waitFor();
    expect(await again.getByRole("button", { name: "Activer mon compte" }).count()).toBe(0);
    expect(problems).toEqual([]);
  }, 60_000);

  it("an expired reset link is refused with a clear message", async () => {
    const account = await createAccount(suite.db, "evaluator");
    await new SessionClient(suite.baseUrl).post("/api/auth/password-reset/request", { email: account.email });
    const token = await linkToken(account.email, "/mot-de-passe/nouveau");
    suite.db.run("UPDATE password_resets SET expires_at = '2000-01-01T00:00:00.000Z' WHERE user_id = ?", [account.id]);
    const page = await suite.page();
    await page.goto(`${suite.baseUrl}/mot-de-passe/nouveau#${token}`);
    await page.getByText("Ce lien a expiré").waitFor();
    expect(await page.getByLabel("Nouveau mot de passe").count()).toBe(0);
  }, 30_000);

  it("an agent signs in with ProConnect through the loopback provider, and logs out there too", async () => {
    const agent = await createAccount(suite.db, "evaluator", { email: "agent.proconnect@test.gouv.fr", name: "Agent ProConnect" });
    suite.provider.signInAs(agent.email);
    const page = await suite.page();
    const problems = suite.problems(page);
    await page.goto(`${suite.baseUrl}/connexion`);
    await page.getByRole("button", { name: /S.identifier avec ProConnect/ }).or(page.getByRole("link", { name: /S.identifier avec ProConnect/ })).first().click();
    await page.waitForURL((url) => url.origin === suite.baseUrl && url.pathname === "/");
    await page.getByText("Agent ProConnect").first().waitFor();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.waitForURL((url) => url.origin === suite.baseUrl && url.pathname === "/connexion", { timeout: 15_000 });
    // The client clears its session as it leaves for the provider, so /connexion may show first.
    await expect.poll(() => suite.provider.endSessionRequests.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 60_000);

  it("an unknown ProConnect account is refused with a clear message", async () => {
    suite.provider.signInAs("personne.inconnue@test.gouv.fr");
    const page = await suite.page();
    await page.goto(`${suite.baseUrl}/connexion`);
    await page.getByRole("button", { name: /S.identifier avec ProConnect/ }).or(page.getByRole("link", { name: /S.identifier avec ProConnect/ })).first().click();
    await page.getByText("Aucun compte de ce service ne correspond").waitFor();
  }, 30_000);

  it("an admin back from ProConnect lands on the code step; an unverified email is explained in English", async () => {
    const account = await createAccount(suite.db, "admin", { name: "Admin ProConnect" });
    suite.provider.signInAs({ sub: "sub-admin-e2e", email: account.email, acr: "eidas1" });
    const page = await suite.page();
    const problems = suite.problems(page);
    await page.goto(`${suite.baseUrl}/connexion`);
    await page.getByRole("button", { name: /S.identifier avec ProConnect/ }).or(page.getByRole("link", { name: /S.identifier avec ProConnect/ })).first().click();
    await page.waitForURL((url) => url.origin === suite.baseUrl && url.pathname === "/connexion" && url.searchParams.get("etape") === "code");
    await page.getByText("Vous êtes identifié avec ProConnect").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel("Code de vérification").fill(await nextSecondFactorCode(account.email));
    await page.getByRole("button", { name: "Vérifier" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByText("Admin ProConnect").first().waitFor();
    expect(problems).toEqual([]);

    const mentor = await createAccount(suite.db, "mentor");
    suite.provider.signInAs({ sub: "sub-unverified-e2e", email: mentor.email, emailVerified: false });
    const english = await suite.page();
    await english.goto(`${suite.baseUrl}/connexion?lang=en`);
    await english.getByRole("button", { name: /ProConnect/ }).or(english.getByRole("link", { name: /ProConnect/ })).first().click();
    await english.getByText("does not attest that your ProConnect email address is verified").waitFor();
  }, 60_000);

  it("a guessed password is slowed down, and the page says so in the reader's language with the wait", async () => {
    const mentor = await createAccount(suite.db, "mentor");
    const page = await suite.page();
    await page.goto(`${suite.baseUrl}/connexion?lang=en`);
    const alert = page.getByRole("alert");
    // The first failures are typos: refused as such; past them the account waits between tries.
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await page.getByLabel("Email address").fill(mentor.email);
      await page.getByLabel("Password", { exact: true }).fill(`a wrong guess ${attempt}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect.poll(async () => (await alert.textContent()) ?? "").toMatch(attempt < 5 ? /Wrong email address or password/ : /Too many sign-in attempts\. Try again in \d+ seconds?\./);
    }
    expect(await alert.textContent()).not.toMatch(/Réessayez/);
    await page.context().close();
  });

  it("an admin with TOTP enrolled cannot sign in without the code; with it, they can", async () => {
    const account = await createAccount(suite.db, "admin");
    const page = await suite.page();
    await page.goto(`${suite.baseUrl}/connexion`);
    await page.getByLabel("Adresse électronique").fill(account.email);
    await page.getByLabel("Mot de passe", { exact: true }).fill(account.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByLabel("Code de vérification").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    // No session yet: another tab of the same browser is sent to sign in.
    const other = await page.context().newPage();
    await other.goto(`${suite.baseUrl}/admin/comptes`);
    await other.waitForURL((url) => url.pathname === "/connexion");
    await page.getByLabel("Code de vérification").fill("000000");
    await page.getByRole("button", { name: "Vérifier" }).click();
    await page.getByText("Code incorrect").waitFor();
    await page.getByLabel("Code de vérification").fill(await nextSecondFactorCode(account.email));
    await page.getByRole("button", { name: "Vérifier" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto(`${suite.baseUrl}/admin/comptes`);
    await page.getByRole("heading", { name: "Invitations en attente" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`${suite.baseUrl}/mon-compte`);
    await page.getByText("Activée. Codes de secours restants : 10.").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`${suite.baseUrl}/mot-de-passe-oublie`);
    await page.getByRole("heading", { level: 1, name: "Mot de passe oublié" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 60_000);

  it("the helper still signs test admins in through the form (TOTP step included)", async () => {
    const account = await createAccount(suite.db, "admin");
    const page = await suite.signedInPage(account);
    expect(new URL(page.url()).pathname).toBe("/");
  }, 30_000);

  /** Shows the enrolment key: the QR code (an SVG image with its label) and the key in text, which enrols. */
  async function enrolWithTheTextKey(page: Page): Promise<void> {
    await page.getByRole("button", { name: "Afficher la clé à enregistrer" }).click();
    const qr = page.getByRole("img", { name: /QR code de la clé de double authentification/ });
    await qr.waitFor();
    expect(await qr.evaluate((element) => element.tagName.toLowerCase())).toBe("svg");
    expect(await qr.locator("path").getAttribute("d")).toMatch(/^M\d+ \d+h1v1h-1z/);
    const box = (await qr.boundingBox())!;
    expect(box.width).toBeGreaterThan(150);
    // The link the QR code holds is there as text too, with the key it names.
    const secret = await page.getByLabel("Clé à saisir dans l'application (base32)").inputValue();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.getByRole("link", { name: /^otpauth:\/\/totp\// }).getAttribute("href")).toContain(`secret=${secret}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel("Code de vérification").fill(totpCodeNow(secret));
    await page.getByRole("button", { name: "Activer", exact: true }).click();
    await page.getByRole("heading", { name: "Vos codes de secours" }).waitFor();
  }

  it("an admin without TOTP enrols at first sign-in (QR code, key in text); the audit log says how the session opened", async () => {
    const account = await createAccount(suite.db, "admin", { totp: false, name: "Aude Enrôlée" });
    const page = await suite.page();
    const problems = suite.problems(page);
    await page.goto(`${suite.baseUrl}/connexion`);
    await page.getByLabel("Adresse électronique").fill(account.email);
    await page.getByLabel("Mot de passe", { exact: true }).fill(account.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByRole("heading", { name: "Activez la double authentification" }).waitFor();
    await enrolWithTheTextKey(page);
    await page.getByRole("button", { name: /J'ai conservé mes codes/ }).click();
    await page.waitForURL((url) => url.pathname === "/");

    await page.goto(`${suite.baseUrl}/admin/journal?actor=${encodeURIComponent(account.email)}`);
    const rows = page.getByRole("table", { name: "Journal d'audit" }).locator("tbody tr");
    await rows.first().waitFor();
    const actions = await rows.locator("td:nth-child(3)").allTextContents();
    expect(actions).toEqual([
      "Connexion (mot de passe et code de l'application)",
      "Double authentification activée",
      "Mot de passe accepté, second facteur demandé",
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it("a mentor turns TOTP on from « Mon compte » with the QR code page", async () => {
    const account = await createAccount(suite.db, "mentor");
    const page = await suite.signedInPage(account);
    await page.goto(`${suite.baseUrl}/mon-compte`);
    await page.getByRole("button", { name: "Activer la double authentification" }).click();
    await enrolWithTheTextKey(page);
    await page.getByRole("button", { name: /J'ai conservé mes codes/ }).click();
    await page.getByText("Activée. Codes de secours restants : 10.").waitFor();
  }, 60_000);

  it("an admin page reached with a password-only session says why, in French and in English, and offers to sign in again", async () => {
    const account = await createAccount(suite.db, "admin");
    const page = await suite.page();
    const problems = suite.problems(page);
    const { token } = createSession(suite.db, readConfig({ LOG_LEVEL: "silent" }), account.id, new Date(), undefined, "password");
    await page.context().addCookies([{ name: SESSION_COOKIE, value: token, url: suite.baseUrl }]);
    await page.goto(`${suite.baseUrl}/admin/comptes?lang=en`);
    await page.getByText("Two-factor authentication required").waitFor();
    await page.getByText("Administration needs a session opened with two-factor authentication").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`${suite.baseUrl}/admin/journal?lang=fr`);
    await page.getByText("Double authentification requise").waitFor();
    await page.getByText("Les fonctions d'administration demandent une session ouverte avec la double authentification").waitFor();
    await page.getByRole("button", { name: "Me reconnecter" }).click();
    await page.waitForURL((url) => url.pathname === "/connexion");
    expect(new URL(page.url()).searchParams.get("retour")).toMatch(/^\/admin\/journal/);
    expect(suite.db.get("SELECT count(*) AS n FROM sessions WHERE user_id = ?", [account.id])).toEqual({ n: 0 });
    expect(problems).toEqual([]);
  }, 60_000);

  it("an admin replaces their authenticator from « Mon compte »: the current code first, then the new key", async () => {
    const account = await createAccount(suite.db, "admin");
    const page = await suite.signedInPage(account);
    await page.goto(`${suite.baseUrl}/mon-compte`);
    await page.getByRole("button", { name: "Changer d'application" }).click();
    await page.getByLabel("Code actuel ou code de secours").fill("000000");
    await page.getByRole("button", { name: "Afficher la clé à enregistrer" }).click();
    await page.getByText("Code incorrect").waitFor();
    expect(await page.getByLabel("Clé à saisir dans l'application (base32)").count()).toBe(0);
    await page.getByLabel("Code actuel ou code de secours").fill(await nextSecondFactorCode(account.email));
    await page.getByRole("button", { name: "Afficher la clé à enregistrer" }).click();
    const secret = await page.getByLabel("Clé à saisir dans l'application (base32)").inputValue();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel("Code de vérification").fill(totpCodeNow(secret));
    await page.getByRole("button", { name: "Remplacer la clé" }).click();
    await page.getByRole("heading", { name: "Vos codes de secours" }).waitFor();
    await page.getByText("vos autres sessions ont été fermées").waitFor();
    await page.getByRole("button", { name: /J'ai conservé mes codes/ }).click();
    await page.getByText("Activée. Codes de secours restants : 10.").waitFor();
  }, 60_000);

  it("an admin invites a mentor by picking two challenges by name; the pending invitation lists them", async () => {
    const account = await createAccount(suite.db, "admin");
    const page = await suite.signedInPage(account);
    const problems = suite.problems(page);
    await page.goto(`${suite.baseUrl}/admin/comptes`);
    const form = page.getByRole("form", { name: "Inviter une personne" });
    await form.getByLabel("Nom", { exact: true }).fill("Paul Picker");
    await form.getByLabel("Adresse électronique").fill("paul.picker@test.gouv.fr");
    expect(await form.getByLabel("Rôle").inputValue()).toBe("mentor");
    // Three promotions have an "EIG Link": the promotion says which.
    await form.getByLabel("Promotion", { exact: true }).selectOption({ label: "EIG 3" });
    await form.getByLabel("Défi à ajouter").selectOption({ label: "EIG Link (EIG 3)" });
    await form.getByRole("button", { name: "Ajouter" }).click();
    await form.getByLabel("Promotion", { exact: true }).selectOption({ label: "Toutes les promotions" });
    await form.getByLabel("Défi à ajouter").selectOption({ label: "Archifiltre (EIG 2)" });
    await form.getByRole("button", { name: "Ajouter" }).click();
    await form.getByRole("button", { name: "Retirer EIG Link (EIG 3)" }).waitFor();
    await form.getByRole("button", { name: "Retirer Archifiltre" }).waitFor();
    // A picked challenge leaves the list; removing it brings it back.
    expect(await form.getByLabel("Défi à ajouter").locator("option", { hasText: /^Archifiltre$/ }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Envoyer l'invitation" }).click();
    await page.getByText("Invitation envoyée à paul.picker@test.gouv.fr.").waitFor();

    const row = page.getByRole("table", { name: "Invitations en attente" }).locator("tr", { hasText: "paul.picker@test.gouv.fr" });
    await row.waitFor();
    expect(await row.locator("li").allTextContents()).toEqual(["EIG Link (EIG 3)", "Archifiltre"]);
    const stored = (await admin.get("/api/invitations")).body.find((item: { email: string }) => item.email === "paul.picker@test.gouv.fr");
    expect(stored.challenges).toEqual(["eig-link-2019", "archifiltre"]);
    expect(problems).toEqual([]);
  }, 60_000);
});
