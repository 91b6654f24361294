import * as oidc from "openid-client";
import type { Config, OidcConfig } from "../config";
import type { Logger } from "../lib/logger";

const discovered = new WeakMap<OidcConfig, Promise<oidc.Configuration>>();

/**
 * The provider's configuration, discovered on first use (and again after a failure, which
 * is logged: the button then leads back to /connexion with an explanation). Plain-http
 * issuers are allowed only on loopback, for tests and local development.
 */
export function providerConfiguration(config: OidcConfig, logger?: Pick<Logger, "error" | "info">): Promise<oidc.Configuration> {
  let found = discovered.get(config);
  if (!found) {
    const issuer = new URL(config.issuer);
    const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(issuer.hostname);
    found = oidc
      .discovery(
        issuer,
        config.clientId,
        {
          redirect_uris: [config.redirectUri],
          ...(config.userinfoSignedResponseAlg ? { userinfo_signed_response_alg: config.userinfoSignedResponseAlg } : {}),
          ...(config.idTokenSignedResponseAlg ? { id_token_signed_response_alg: config.idTokenSignedResponseAlg } : {}),
        },
        oidc.ClientSecretPost(config.clientSecret),
        issuer.protocol === "http:" && loopback ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .then(
        (configuration) => {
          logger?.info({ issuer: config.issuer }, "ProConnect : configuration du fournisseur d'identité chargée.");
          return configuration;
        },
        (error: unknown) => {
          discovered.delete(config);
          logger?.error({ err: error, issuer: config.issuer }, "ProConnect : découverte du fournisseur d'identité impossible (OIDC_ISSUER).");
          throw error;
        },
      );
    discovered.set(config, found);
  }
  return found;
}

/** RP-initiated logout: where to send the browser so that the provider's session ends too. */
export async function endSessionUrl(config: Config, idToken: string, logger?: Logger): Promise<string | undefined> {
  if (!config.oidc) return undefined;
  try {
    const configuration = await providerConfiguration(config.oidc, logger);
    if (!configuration.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(configuration, {
      id_token_hint: idToken,
      post_logout_redirect_uri: config.oidc.postLogoutRedirectUri,
      state: oidc.randomState(),
    }).href;
  } catch {
    return undefined;
  }
}
