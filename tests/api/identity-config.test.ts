// ProConnect configuration: all four OIDC_* variables or none; without them the button is not
// offered and password sign-in works as before; an unreachable provider is explained, not a 500.
import { describe, expect, it } from "vitest";
import { readConfig } from "../../server/src/config";
import { freePort } from "../support/real-server";
import { createAccount, SessionClient, TEST_PASSWORD } from "../support/session-client";
import { startTestServer } from "../support/test-server";

const OIDC = {
  OIDC_ISSUER: "https://identite.proconnect.gouv.fr/api/v2",
  OIDC_CLIENT_ID: "client",
  OIDC_CLIENT_SECRET: "secret",
  OIDC_REDIRECT_URI: "https://suivi.example.gouv.fr/api/auth/oidc/callback",
};

describe("OIDC configuration", () => {
  it("needs the four variables together", () => {
    expect(readConfig({}).oidc).toBeUndefined();
    expect(readConfig(OIDC).oidc).toMatchObject({ issuer: OIDC.OIDC_ISSUER, postLogoutRedirectUri: "http://localhost:3000/connexion" });
    expect(() => readConfig({ ...OIDC, OIDC_CLIENT_SECRET: "" })).toThrow(/OIDC_CLIENT_SECRET/);
    expect(() => readConfig({ ...OIDC, OIDC_ISSUER: "pas une adresse" })).toThrow(/OIDC_ISSUER must be a URL/);
  });

  it("without it: no ProConnect button, the route explains, password sign-in unchanged", async () => {
    const server = await startTestServer();
    try {
      const client = new SessionClient(server.baseUrl);
      expect((await client.get("/api/auth/providers")).body).toEqual({ proConnect: false, emailEnabled: false });
      expect((await client.get("/api/auth/oidc/login")).headers.get("location")).toBe("/connexion?proconnect=indisponible");
      const mentor = await createAccount(server.db, "mentor");
      expect((await client.login(mentor.email, TEST_PASSWORD)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("an unreachable provider sends the browser back with an explanation", async () => {
    const port = await freePort();
    const server = await startTestServer({
      env: { ...OIDC, OIDC_ISSUER: `http://127.0.0.1:${port}`, OIDC_REDIRECT_URI: "http://127.0.0.1/api/auth/oidc/callback" },
    });
    try {
      const answer = await new SessionClient(server.baseUrl).get("/api/auth/oidc/login");
      expect(answer.status).toBe(302);
      expect(answer.headers.get("location")).toBe("/connexion?proconnect=injoignable");
    } finally {
      await server.close();
    }
  });
});
