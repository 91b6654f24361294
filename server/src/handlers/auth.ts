import { authenticate } from "../auth/login";
import { clearSessionCookie, endSession } from "../auth/sessions";
import { openSession, startPendingLogin } from "../identity/second-factor";
import { endSessionUrl } from "../identity/oidc";
import { totpState } from "../repositories/identity";
import { recordAudit } from "../repositories/audit";
import type { loginRequestSchema, SessionResponse } from "@shared/auth";
import type { LoginNextStep } from "@shared/identity";
import { SIGN_IN_AUDIT } from "@shared/sign-in-audit";
import type { Ctx, Deps, Input } from "./context";

export const login =
  (deps: Deps) =>
  async ({ body: { email, password } }: Input<{ body: typeof loginRequestSchema }>, { req, res }: Ctx) => {
    const { db, config } = deps;
    const user = await authenticate(deps, { email, password, ip: req.ip ?? "unknown" });
    // A second factor is due when the account has TOTP; an admin without it must enrol
    // first. Until then there is no session at all (202 and a pending-login cookie).
    const totp = totpState(db, user.id);
    if (totp.enabledAt || user.role === "admin") {
      const next: LoginNextStep["next"] = totp.enabledAt ? "totp" : "totp-enrolment";
      db.transaction(() => {
        startPendingLogin(db, config, req, res, user.id, next === "totp" ? "totp" : "enrolment");
        // Not a sign-in yet: `login.succeeded` waits for the session.
        recordAudit(db, { actor: user, action: SIGN_IN_AUDIT.passwordAccepted, targetType: "user", targetId: user.id, after: { next }, ip: req.ip });
      });
      res.status(202).json({ next } satisfies LoginNextStep);
      return;
    }
    // A new session id at each login: a session fixed before login is worth nothing after.
    const { csrfToken } = openSession(db, config, req, res, user, { method: "password" });
    return { user, csrfToken } satisfies SessionResponse;
  };

export const me = (_input: Input, { session: { user, csrfToken } }: Ctx) => ({ user, csrfToken }) satisfies SessionResponse;

export const logout =
  ({ db, config }: Deps) =>
  async (_input: Input, ctx: Ctx) => {
    const { session, req, res } = ctx;
    db.transaction(() => {
      endSession(db, session);
      recordAudit(db, { ...ctx.audit, action: "logout", targetType: "user", targetId: session.user.id });
    });
    clearSessionCookie(res, config, req);
    // A ProConnect session ends at the provider too (RP-initiated logout): the client goes there.
    const providerLogout = session.authMethod === "oidc" && session.idToken ? await endSessionUrl(config, session.idToken) : undefined;
    if (providerLogout) res.status(200).json({ endSessionUrl: providerLogout });
  };
