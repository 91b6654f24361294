import type { RequestHandler } from "express";
import { authenticate } from "../auth/login";
import { clearSessionCookie, createSession, endSession, setSessionCookie } from "../auth/sessions";
import { currentSession } from "../http/access";
import { recordAudit } from "../repositories/audit";
import type { SessionRecord } from "../repositories/sessions";
import type { LoginRequest, SessionResponse } from "@shared/auth";
import { auditContext, type Deps } from "./context";

export const login =
  ({ db, config }: Deps): RequestHandler =>
  async (req, res) => {
    const { email, password } = res.locals.body as LoginRequest;
    const user = await authenticate(db, config, { email, password, ip: req.ip ?? "unknown" });
    // A new session id at each login: a session fixed before login is worth nothing after.
    const previous = res.locals.session as SessionRecord | undefined;
    if (previous) endSession(db, previous);
    const { token, csrfToken } = createSession(db, config, user.id);
    setSessionCookie(res, config, req, token);
    res.json({ user, csrfToken } satisfies SessionResponse);
  };

export const me: RequestHandler = (_req, res) => {
  const { user, csrfToken } = currentSession(res.locals);
  res.json({ user, csrfToken } satisfies SessionResponse);
};

export const logout =
  ({ db, config }: Deps): RequestHandler =>
  (req, res) => {
    const session = currentSession(res.locals);
    db.transaction(() => {
      endSession(db, session);
      recordAudit(db, { ...auditContext(req, res), action: "logout", targetType: "user", targetId: session.user.id });
    });
    clearSessionCookie(res, config, req);
    res.status(204).end();
  };
