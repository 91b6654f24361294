import http from "node:http";
import { generateKeyPairSync } from "node:crypto";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration } from "oidc-provider";
import { DEFAULT_MFA_ACR_VALUES, type OidcConfig } from "../../server/src/config";
import { startTestServer, type TestServer } from "./test-server";

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Env for the application: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI. */
  env: (appBaseUrl: string) => Record<string, string>;
  /** The application's OpenID Connect configuration for this provider. */
  config: (appBaseUrl: string) => OidcConfig;
  /**
   * Who the next sign-ins at the provider are (its interaction signs them in without a form):
   * an email (then also the `sub`, verified, acr "eidas1", amr ["pwd"]), or each detail.
   */
  signInAs: (who: string | ProviderIdentity) => void;
  /** Where the provider sent browsers to end their session, with the query it received. */
  endSessionRequests: URL[];
  close: () => Promise<void>;
}

/** What the provider says about the next agent it signs in. */
export interface ProviderIdentity {
  /** The stable identifier (`sub`); the email if not given. */
  sub?: string;
  /** null: no email claim at all. */
  email: string | null;
  /** `email_verified` in userinfo (true if not given; null: the claim is absent). */
  emailVerified?: boolean | null;
  /** `acr` of the ID token ("eidas1" if not given). */
  acr?: string;
  /** `amr` of the ID token (["pwd"] if not given). */
  amr?: string[];
}

/**
 * A real OpenID Connect provider (oidc-provider) on a loopback port: one confidential client,
 * PKCE required, ID tokens signed RS256. Its login interaction is a tiny one that signs in
 * whoever `signInAs` named and grants `openid email` at once, as ProConnect would after
 * the agent authenticates at their ministry.
 */
async function startOidcProvider(appBaseUrl: string): Promise<TestOidcProvider> {
  const clientId = "tableau-eig";
  const clientSecret = "un-secret-de-client-de-test-assez-long";
  let next: Required<Omit<ProviderIdentity, "emailVerified">> & { emailVerified: boolean | null } = {
    sub: "agent@test.gouv.fr",
    email: "agent@test.gouv.fr",
    emailVerified: true,
    acr: "eidas1",
    amr: ["pwd"],
  };
  // What each `sub` says when the provider builds its ID token and userinfo answers.
  const accounts = new Map<string, { email: string | null; emailVerified: boolean | null }>();
  const endSessionRequests: URL[] = [];
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${appBaseUrl}/api/auth/oidc/callback`],
        post_logout_redirect_uris: [`${appBaseUrl}/connexion`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [jwk as never] },
    pkce: { required: () => true },
    acrValues: ["eidas1", ...DEFAULT_MFA_ACR_VALUES],
    claims: { acr: null, amr: null, auth_time: null, sid: null, openid: ["sub"], email: ["email", "email_verified"], given_name: ["given_name"], usual_name: ["usual_name"] },
    scopes: ["openid", "email", "given_name", "usual_name"],
    features: { claimsParameter: { enabled: true }, devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true, logoutSource: async (ctx, form) => {
      // No confirmation page: the logout form posts itself (the provider's page, not ours).
      ctx.body = `<!doctype html><html><body>${form}<script>document.forms[0].submit()</script></body></html>`;
    } } },
    async findAccount(_ctx, id) {
      const { email, emailVerified } = accounts.get(id) ?? { email: id, emailVerified: true };
      return {
        accountId: id,
        claims: async () => ({
          sub: id,
          ...(email === null ? {} : { email }),
          ...(emailVerified === null ? {} : { email_verified: emailVerified }),
          given_name: "Agent",
          usual_name: "Test",
        }),
      };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["cle-de-cookies-de-test"] },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  };
  const provider = new Provider(issuer, configuration);
  provider.on("end_session.success", (ctx) => endSessionRequests.push(new URL(ctx.href)));
  const callback = provider.callback();

  server.on("request", async (req, res) => {
    if (req.url?.startsWith("/session/end") && req.method === "GET") endSessionRequests.push(new URL(req.url, issuer));
    if (req.url?.startsWith("/interaction/")) {
      try {
        const details = await provider.interactionDetails(req, res);
        const { sub, acr, amr } = next;
        const grant = new provider.Grant({ accountId: sub, clientId });
        grant.addOIDCScope("openid email given_name usual_name");
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { login: { accountId: sub, acr, amr }, consent: { grantId } }, { mergeWithLastSubmission: false });
        void details;
      } catch (error) {
        res.statusCode = 500;
        res.end(String(error));
      }
      return;
    }
    callback(req, res);
  });

  return {
    issuer,
    clientId,
    clientSecret,
    env: (baseUrl) => ({
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
      OIDC_REDIRECT_URI: `${baseUrl}/api/auth/oidc/callback`,
      OIDC_POST_LOGOUT_REDIRECT_URI: `${baseUrl}/connexion`,
    }),
    config: (baseUrl) => ({
      issuer,
      clientId,
      clientSecret,
      redirectUri: `${baseUrl}/api/auth/oidc/callback`,
      postLogoutRedirectUri: `${baseUrl}/connexion`,
      scopes: "openid email given_name usual_name",
      trustUnassertedEmails: false,
      mfaAcrValues: DEFAULT_MFA_ACR_VALUES,
    }),
    signInAs: (who) => {
      const identity = typeof who === "string" ? { email: who } : who;
      next = {
        sub: identity.sub ?? identity.email ?? "agent-sans-adresse",
        email: identity.email,
        emailVerified: identity.emailVerified === undefined ? true : identity.emailVerified,
        acr: identity.acr ?? "eidas1",
        amr: identity.amr ?? ["pwd"],
      };
      accounts.set(next.sub, { email: next.email, emailVerified: next.emailVerified });
    },
    endSessionRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The application and a provider that know each other: the provider must list the app's
 * callback (its port is known once it listens), and the app the provider's issuer. The app's
 * OpenID Connect configuration is filled in once both listen; discovery happens on first use.
 */
export async function startServerWithProvider(
  options: Parameters<typeof startTestServer>[0] = {},
  /** Settings of the application's OpenID Connect configuration beyond the provider's addresses. */
  oidcSettings: Partial<OidcConfig> = {},
): Promise<{
  server: TestServer;
  provider: TestOidcProvider;
}> {
  const oidc = {} as OidcConfig;
  const server = await startTestServer({ ...options, config: { ...options.config, oidc } });
  const provider = await startOidcProvider(server.baseUrl);
  Object.assign(oidc, provider.config(server.baseUrl), oidcSettings);
  return { server, provider };
}

/**
 * A browser at the provider: follows its redirects (its own cookies kept) from the
 * authorization URL until it sends the browser back to the application; answers that URL.
 */
export async function followProvider(provider: TestOidcProvider, authorizeUrl: string): Promise<URL> {
  const cookies = new Map<string, string>();
  let url = new URL(authorizeUrl);
  for (let hops = 0; hops < 10; hops += 1) {
    const response = await fetch(url, {
      redirect: "manual",
      headers: { Cookie: [...cookies.entries()].map(([name, value]) => `${name}=${value}`).join("; ") },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair.indexOf("=");
      cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    const location = response.headers.get("location");
    if (!location) throw new Error(`The provider answered ${response.status} at ${url}: ${await response.text()}`);
    url = new URL(location, url);
    if (url.origin !== provider.issuer) return url;
  }
  throw new Error("Too many redirects at the provider.");
}
