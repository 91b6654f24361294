// The ProConnect callback carries a one-time authorization `code` and the `state` in its query:
// whoever reads the logs must not find them there (docs/decisions/0008-sign-in-hardening.md).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../server/src/lib/logger";
import { createAccount, SessionClient } from "../support/session-client";
import { followProvider, startServerWithProvider, type TestOidcProvider } from "../support/oidc-provider";
import type { TestServer } from "../support/test-server";

const lines: string[] = [];
let server: TestServer;
let provider: TestOidcProvider;

beforeAll(async () => {
  ({ server, provider } = await startServerWithProvider({ logger: createLogger("trace", { write: (line: string) => void lines.push(line) }) }));
});
afterAll(async () => {
  await server.close();
  await provider.close();
});

async function callbackFromProvider(client: SessionClient): Promise<URL> {
  const leave = await client.get("/api/auth/oidc/login");
  expect(leave.status).toBe(302);
  const callback = await followProvider(provider, leave.headers.get("location")!);
  expect(callback.pathname).toBe("/api/auth/oidc/callback");
  expect(callback.searchParams.get("code")).toMatch(/.{20,}/);
  return callback;
}

describe("the ProConnect callback in the logs", () => {
  it("logs the path of a successful callback, never its code nor its state", async () => {
    const account = await createAccount(server.db, "mentor");
    provider.signInAs(account.email);
    const client = new SessionClient(server.baseUrl);
    const callback = await callbackFromProvider(client);
    const logsBefore = lines.length;
    const back = await client.get(`${callback.pathname}${callback.search}`);
    expect(back.status).toBe(302);
    expect(back.headers.get("location")).not.toContain("proconnect=");

    const logged = lines.slice(logsBefore).join("");
    expect(logged).toContain("/api/auth/oidc/callback");
    expect(logged).not.toContain(callback.searchParams.get("code")!);
    expect(logged).not.toContain(callback.searchParams.get("state")!);
  });

  it("logs a refused callback (tampered state) without the code nor either state", async () => {
    const account = await createAccount(server.db, "mentor");
    provider.signInAs(account.email);
    const client = new SessionClient(server.baseUrl);
    const callback = await callbackFromProvider(client);
    const realState = callback.searchParams.get("state")!;
    callback.searchParams.set("state", "etat-falsifie-par-un-attaquant-0123456789");
    const logsBefore = lines.length;
    const back = await client.get(`${callback.pathname}${callback.search}`);
    expect(back.headers.get("location")).toBe("/connexion?proconnect=refus");

    const logged = lines.slice(logsBefore).join("");
    // The refusal itself is logged (with the error), only the secrets are not.
    expect(logged).toContain("ProConnect : retour refusé");
    for (const secret of [callback.searchParams.get("code")!, realState, "etat-falsifie-par-un-attaquant-0123456789"]) {
      expect(logged).not.toContain(secret);
    }
  });
});
