// What an invitation says and where its link leads: ProConnect is named only when the server
// offers it, and without PUBLIC_URL the link goes where the server actually listens.
import { describe, expect, it } from "vitest";
import { SessionClient, signedInClient } from "../support/session-client";
import { startSmtpSink } from "../support/smtp-sink";
import { startTestServer } from "../support/test-server";
import { startRealServer, temporaryFolder } from "../support/real-server";
import { listeningUrl, readConfig } from "../../server/src/config";

const OIDC = {
  OIDC_ISSUER: "https://identite.proconnect.gouv.fr/api/v2",
  OIDC_CLIENT_ID: "client",
  OIDC_CLIENT_SECRET: "secret",
  OIDC_REDIRECT_URI: "https://suivi.example.gouv.fr/api/auth/oidc/callback",
};

async function invitationMailText(env: NodeJS.ProcessEnv): Promise<string> {
  const sink = await startSmtpSink();
  const server = await startTestServer({ env: { ...env, SMTP_URL: sink.url, PUBLIC_URL: "https://suivi.example.gouv.fr" } });
  try {
    const { client } = await signedInClient(server.baseUrl, server.db, "admin");
    const answer = await client.post("/api/invitations", { email: "invitee@example.fr", name: "Invitée", role: "mentor" });
    expect(answer.status).toBe(201);
    const [mail] = await sink.waitForMessages(1);
    return mail.text;
  } finally {
    await server.close();
    await sink.close();
  }
}

describe("the invitation email and ProConnect", () => {
  it("does not mention ProConnect when it is not configured", async () => {
    const text = await invitationMailText({});
    expect(text).toContain("ouvrez ce lien puis choisissez votre mot de passe :");
    expect(text).not.toMatch(/ProConnect/i);
  });

  it("offers ProConnect when it is configured", async () => {
    const text = await invitationMailText(OIDC);
    expect(text).toContain("ou identifiez-vous avec ProConnect");
  });
});

describe("PUBLIC_URL by default", () => {
  it("is the address the server listens on; every interface is reached through localhost", () => {
    expect(readConfig({ HOST: "127.0.0.1", PORT: "4321" }).publicUrl).toBe("http://127.0.0.1:4321");
    expect(readConfig({ HOST: "0.0.0.0", PORT: "4321" }).publicUrl).toBe("http://localhost:4321");
    expect(readConfig({ HOST: "::", PORT: "4321" }).publicUrl).toBe("http://localhost:4321");
    expect(readConfig({ PORT: "4321" }).publicUrl).toBe("http://localhost:4321");
    expect(listeningUrl("::1", 8080)).toBe("http://[::1]:8080");
    expect(readConfig({ HOST: "127.0.0.1", PORT: "4321", PUBLIC_URL: "https://suivi.example.gouv.fr/" }).publicUrl).toBe("https://suivi.example.gouv.fr");
  });

  it("a real server on HOST=127.0.0.1 hands out invitation links that open on it", async () => {
    const folder = temporaryFolder("eig-public-url-");
    const adminPassword = "une longue phrase de passe pour l'admin";
    const server = await startRealServer({
      databasePath: folder.file("db.sqlite"),
      // No PUBLIC_URL and no SMTP: the link is handed to the admin.
      env: { PUBLIC_URL: "", SMTP_URL: "", ADMIN_EMAIL: "admin@example.fr", ADMIN_PASSWORD: adminPassword },
    });
    try {
      const admin = new SessionClient(server.baseUrl);
      expect((await admin.login("admin@example.fr", adminPassword)).status).toBe(200);
      const answer = await admin.post("/api/invitations", { email: "lien@example.fr", name: "Lien", role: "evaluator" });
      expect(answer.status).toBe(201);
      expect(answer.body.link).toMatch(new RegExp(`^${server.baseUrl.replace(/\./g, "\\.")}/invitation#`));
    } finally {
      server.kill("SIGTERM");
      await server.exited;
      folder.remove();
    }
  });
});
