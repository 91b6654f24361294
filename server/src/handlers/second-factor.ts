import { closeAccountAccess } from "../auth/sessions";
import { ValidationError } from "../http/errors";
import {
  checkSecondFactor,
  currentPendingLogin,
  openSession,
  recordSecondFactorSuccess,
  refuseSecondFactor,
  secondFactorSignIn,
  throttleSecondFactor,
  WrongCodeError,
} from "../identity/second-factor";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpStep, totpUri } from "../identity/totp";
import { recordAudit } from "../repositories/audit";
import {
  deletePendingLogin,
  disableTotp,
  enableTotp,
  recoveryCodesLeft,
  replaceRecoveryCodes,
  setPendingEnrolSecret,
  setPendingTotpSecret,
  totpState,
  userHasPassword,
} from "../repositories/identity";
import { findUser } from "../repositories/users";
import type { Db } from "../db/database";
import type { AuthUser, SessionResponse } from "@shared/auth";
import type { Account, accountEnrolmentRequestSchema, codeRequestSchema, EnrolledSession, TotpEnrolment } from "@shared/identity";
import type { Ctx, Deps, Input } from "./context";

type CodeInput = Input<{ body: typeof codeRequestSchema }>;
import { t } from "../i18n/messages";

function authUser(db: Db, id: number): AuthUser {
  const { email, name, role } = findUser(db, id)!;
  return { id, email, name, role };
}

/** Stores a key confirmed by a first good code, with new recovery codes, returned once in clear. */
function storeKey(db: Db, user: AuthUser, secret: string, step: number): string[] {
  const codes = newRecoveryCodes();
  enableTotp(db, user.id, secret, step, new Date().toISOString());
  replaceRecoveryCodes(db, user.id, codes.map(hashRecoveryCode));
  return codes;
}

/** Turns TOTP on after a first good code. */
function enableWithCodes(db: Db, user: AuthUser, secret: string, step: number, ip: string | undefined): string[] {
  const codes = storeKey(db, user, secret, step);
  recordAudit(db, { actor: user, action: "totp.enrolled", targetType: "user", targetId: user.id, ip });
  return codes;
}

const ENROLMENT_REFUSED = () => t("secondFactor.enrolmentRefused");

// ----- During login (no session yet: a pending-login cookie)

export const loginWithCode =
  (deps: Deps) =>
  ({ body: { code } }: CodeInput, { req, res }: Ctx) => {
    const { db, config } = deps;
    const pending = currentPendingLogin(db, req, "totp");
    const user = authUser(db, pending.userId);
    const used = checkSecondFactor(deps, user, code, req.ip ?? "unknown", pending);
    const csrfToken = db.transaction(() => {
      deletePendingLogin(db, pending.id);
      const details = used === "recovery_code" ? { recoveryCodesLeft: recoveryCodesLeft(db, user.id) } : undefined;
      return openSession(db, config, req, res, user, secondFactorSignIn(pending, used, details)).csrfToken;
    });
    return { user, csrfToken } satisfies SessionResponse;
  };

export const startLoginEnrolment =
  ({ db }: Deps) =>
  (_input: Input, { req }: Ctx) => {
    const pending = currentPendingLogin(db, req, "enrolment");
    const secret = pending.enrolSecret ?? newTotpSecret();
    if (!pending.enrolSecret) setPendingEnrolSecret(db, pending.id, secret);
    return { secret, uri: totpUri(secret, authUser(db, pending.userId).email) } satisfies TotpEnrolment;
  };

export const confirmLoginEnrolment =
  (deps: Deps) =>
  ({ body: { code } }: CodeInput, { req, res }: Ctx) => {
    const { db, config } = deps;
    const pending = currentPendingLogin(db, req, "enrolment");
    if (!pending.enrolSecret) throw new ValidationError([{ path: "body.code", message: t("secondFactor.showKeyFirst") }]);
    const user = authUser(db, pending.userId);
    const ip = req.ip ?? "unknown";
    // A wrong first code during sign-in is a failed second factor like any other.
    throttleSecondFactor(db, config, user, ip);
    const step = totpStep(pending.enrolSecret, code);
    if (step === null) refuseSecondFactor(deps, user, ip, { pending, step: "enrolment", attempted: /^\d{6}$/.test(code) ? "totp" : "recovery_code", detail: ENROLMENT_REFUSED() });
    const result = db.transaction(() => {
      const recoveryCodes = enableWithCodes(db, user, pending.enrolSecret!, step, req.ip);
      recordSecondFactorSuccess(db, user, ip);
      deletePendingLogin(db, pending.id);
      const { csrfToken } = openSession(db, config, req, res, user, secondFactorSignIn(pending, "totp", { totpEnrolled: true }));
      return { recoveryCodes, csrfToken };
    });
    return { user, ...result } satisfies EnrolledSession;
  };

// ----- "Mon compte" (signed in)

export const getAccount =
  ({ db }: Deps) =>
  (_input: Input, { session }: Ctx) => {
    const totp = totpState(db, session.user.id);
    return {
      user: session.user,
      totpEnabled: totp.enabledAt !== null,
      // Every admin: with a password, and with ProConnect unless the provider proves two factors.
      totpRequired: session.user.role === "admin",
      recoveryCodesLeft: recoveryCodesLeft(db, session.user.id),
      authMethod: session.authMethod,
      signInMethod: session.signInMethod ?? (session.authMethod === "oidc" ? "proconnect" : "password"),
      hasPassword: userHasPassword(db, session.user.id),
    } satisfies Account;
  };

/**
 * A new key to enrol. With TOTP already on, this starts replacing the authenticator: a
 * current code (or an unused recovery code) is required, as for turning it off, so that an
 * open session alone cannot swap it for the attacker's. The pending key is only ever set
 * after that check, which is what lets the confirmation treat it as a replacement.
 */
export const startAccountEnrolment =
  (deps: Deps) =>
  ({ body: { code } }: Input<{ body: typeof accountEnrolmentRequestSchema }>, { user, req }: Ctx) => {
    const { db } = deps;
    if (totpState(db, user.id).enabledAt) {
      if (code === undefined) throw new ValidationError([{ path: "body.code", message: CURRENT_CODE_NEEDED() }], CURRENT_CODE_NEEDED());
      checkSecondFactor(deps, user, code, req.ip ?? "unknown", undefined, 400);
    }
    const secret = newTotpSecret();
    setPendingTotpSecret(db, user.id, secret);
    return { secret, uri: totpUri(secret, user.email) } satisfies TotpEnrolment;
  };

const CURRENT_CODE_NEEDED = () => t("secondFactor.currentCodeNeeded");

export const confirmAccountEnrolment =
  ({ db }: Deps) =>
  ({ body: { code } }: CodeInput, ctx: Ctx) => {
    const { session, req } = ctx;
    const { user } = session;
    const recoveryCodes = db.transaction(() => {
      const { pendingSecret, enabledAt } = totpState(db, user.id);
      if (!pendingSecret) throw new ValidationError([{ path: "body.code", message: t("secondFactor.showKeyFirst") }]);
      // A session exists: a typo while setting up is not a failed sign-in (nothing recorded).
      const step = totpStep(pendingSecret, code);
      if (step === null) throw new WrongCodeError(ENROLMENT_REFUSED(), 400);
      if (!enabledAt) return enableWithCodes(db, user, pendingSecret, step, req.ip);
      // A replacement (the current code was checked when the key was given): whoever else
      // holds a session or a password step of this account goes through the new key.
      const codes = storeKey(db, user, pendingSecret, step);
      const closed = closeAccountAccess(db, user.id, session);
      recordAudit(db, { ...ctx.audit, action: "totp.replaced", targetType: "user", targetId: user.id, after: { ...closed } });
      return codes;
    });
    return { recoveryCodes };
  };

/** Needs a current code (or a recovery code): a session left open is not enough to remove it. */
export const disableAccountTotp =
  (deps: Deps) =>
  ({ body: { code } }: CodeInput, ctx: Ctx) => {
    const { db } = deps;
    const { user, req } = ctx;
    if (totpState(db, user.id).enabledAt) {
      const used = checkSecondFactor(deps, user, code, req.ip ?? "unknown", undefined, 400);
      db.transaction(() => {
        disableTotp(db, user.id);
        recordAudit(db, { ...ctx.audit, action: "totp.disabled", targetType: "user", targetId: user.id, after: { code: used } });
      });
    }
  };
