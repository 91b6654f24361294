import { hashPassword } from "../../server/src/auth/passwords";
import type { Db } from "../../server/src/db/database";
import { insertUser } from "../../server/src/repositories/users";
import { enableTotp, replaceRecoveryCodes } from "../../server/src/repositories/identity";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, TOTP_PERIOD_SECONDS } from "../../server/src/identity/totp";
import { Secret, TOTP } from "otpauth";
import type { Role } from "@shared/domain";

/**
 * The TOTP secrets and recovery codes of the test accounts that have them, by email: the
 * helpers compute real codes, as an authenticator app would (admins must give one). A code
 * is accepted once, for a step newer than the last: the helper remembers the last step it
 * used and takes the current or the next step (the server accepts ±1), then a recovery code, then waits.
 */
const secondFactors = new Map<string, { secret: string; lastStep: number; recoveryCodes: string[] }>();

const stepNow = () => Math.floor(Date.now() / 1000 / TOTP_PERIOD_SECONDS);

export function rememberTotp(email: string, secret: string, recoveryCodes: string[] = [], lastStep = 0): void {
  secondFactors.set(email.toLowerCase(), { secret, lastStep, recoveryCodes: [...recoveryCodes] });
}

export function hasTotp(email: string): boolean {
  return secondFactors.has(email.toLowerCase());
}

/** A code the server has not seen yet for this account: TOTP of a fresh step, else a recovery code. */
export async function nextSecondFactorCode(email: string): Promise<string> {
  const factor = secondFactors.get(email.toLowerCase());
  if (!factor) throw new Error(`No TOTP secret known for ${email}.`);
  for (;;) {
    // The current step first (the previous one may expire while the code travels), then the next.
    const step = Math.max(stepNow(), factor.lastStep + 1);
    if (step <= stepNow() + 1) {
      factor.lastStep = step;
      return TOTP.generate({ secret: Secret.fromBase32(factor.secret), timestamp: step * TOTP_PERIOD_SECONDS * 1000 + 1 });
    }
    const recovery = factor.recoveryCodes.shift();
    if (recovery) return recovery;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** A TOTP code for `secret` now (for a secret the test just enrolled). */
export const totpCodeNow = (secret: string, offsetSteps = 0) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: (stepNow() + offsetSteps) * TOTP_PERIOD_SECONDS * 1000 + 1 });

export const TEST_PASSWORD = "correct horse battery staple";

let sequence = 0;
let testHash: Promise<string> | undefined;

/** An account created through the server's own repository; all share one hashed test password. */
export async function createAccount(
  db: Db,
  role: Role,
  /** `totp`: enrolled (default for admins, who cannot sign in with a password without it). */
  overrides: { email?: string; name?: string; password?: string; totp?: boolean } = {},
): Promise<{ id: number; email: string; name: string; role: Role; password: string }> {
  sequence += 1;
  const email = overrides.email ?? `${role}-${sequence}@test.gouv.fr`;
  const name = overrides.name ?? `${role[0].toUpperCase()}${role.slice(1)} ${sequence}`;
  const password = overrides.password ?? TEST_PASSWORD;
  testHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = password === TEST_PASSWORD ? await testHash : await hashPassword(password);
  const id = insertUser(db, { email, name, role, passwordHash });
  if (overrides.totp ?? role === "admin") {
    const secret = newTotpSecret();
    const recoveryCodes = newRecoveryCodes();
    enableTotp(db, id, secret, 0, new Date().toISOString());
    replaceRecoveryCodes(db, id, recoveryCodes.map(hashRecoveryCode));
    rememberTotp(email, secret, recoveryCodes);
  }
  return { id, email, name, role, password };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** A browser-like client of the real server: keeps the session cookie and sends the CSRF token. */
export class SessionClient {
  /** The cookies the server set (session, pending login), as a Cookie header. */
  cookie: string | undefined;
  csrfToken: string | undefined;
  private jar = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== "GET" ? { "X-CSRF-Token": this.csrfToken } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      redirect: "manual",
    });
    const setCookies = response.headers.getSetCookie();
    if (setCookies.length > 0) {
      // Start from what the caller may have set by hand on `cookie`.
      this.jar = new Map((this.cookie ?? "").split("; ").filter(Boolean).map((pair) => [pair.split("=")[0], pair] as [string, string]));
      for (const line of setCookies) {
        const pair = line.split(";")[0];
        const name = pair.split("=")[0];
        if (pair.endsWith("=") || /expires=Thu, 01 Jan 1970/i.test(line)) this.jar.delete(name);
        else this.jar.set(name, pair);
      }
      this.cookie = this.jar.size > 0 ? [...this.jar.values()].join("; ") : undefined;
    }
    const text = await response.text();
    const isJson = (response.headers.get("content-type") ?? "").includes("json");
    return { status: response.status, headers: response.headers, body: isJson && text ? JSON.parse(text) : text };
  }

  get = (path: string) => this.request("GET", path);
  post = (path: string, body?: unknown) => this.request("POST", path, body ?? {});
  put = (path: string, body?: unknown) => this.request("PUT", path, body ?? {});
  patch = (path: string, body?: unknown) => this.request("PATCH", path, body ?? {});
  delete = (path: string) => this.request("DELETE", path);

  /**
   * Signs in as a person would: password, then (202) the second factor with a real code, or
   * for an admin without TOTP (the bootstrap admin) enrolment with a real code. Answers the
   * last step. `passwordOnly` stops after the password step.
   */
  async login(email: string, password: string, { passwordOnly = false } = {}): Promise<Answer> {
    let answer = await this.request("POST", "/api/auth/login", { email, password });
    if (answer.status === 202 && !passwordOnly) {
      if (answer.body.next === "totp") {
        answer = await this.request("POST", "/api/auth/login/totp", { code: await nextSecondFactorCode(email) });
      } else {
        const enrolment = await this.request("POST", "/api/auth/login/totp-enrolment", {});
        if (enrolment.status !== 200) return enrolment;
        const step = stepNow();
        const code = totpCodeNow(enrolment.body.secret);
        answer = await this.request("POST", "/api/auth/login/totp-enrolment/confirm", { code });
        if (answer.status === 200) rememberTotp(email, enrolment.body.secret, answer.body.recoveryCodes, step);
      }
    }
    if (answer.status === 200) this.csrfToken = answer.body.csrfToken;
    return answer;
  }
}

/** A client signed in as a new account of that role. */
export async function signedInClient(baseUrl: string, db: Db, role: Role) {
  const account = await createAccount(db, role);
  const client = new SessionClient(baseUrl);
  const answer = await client.login(account.email, account.password);
  if (answer.status !== 200) throw new Error(`Login failed for the test ${role}: ${answer.status}`);
  return { client, account };
}
