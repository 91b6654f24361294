import { hashPassword } from "../../server/src/auth/passwords";
import type { Db } from "../../server/src/db/database";
import { insertUser } from "../../server/src/repositories/users";
import type { Role } from "@shared/domain";

export const TEST_PASSWORD = "correct horse battery staple";

let sequence = 0;
let testHash: Promise<string> | undefined;

/** An account created through the server's own repository; all share one hashed test password. */
export async function createAccount(
  db: Db,
  role: Role,
  overrides: { email?: string; name?: string; password?: string } = {},
): Promise<{ id: number; email: string; name: string; role: Role; password: string }> {
  sequence += 1;
  const email = overrides.email ?? `${role}-${sequence}@test.gouv.fr`;
  const name = overrides.name ?? `${role[0].toUpperCase()}${role.slice(1)} ${sequence}`;
  const password = overrides.password ?? TEST_PASSWORD;
  testHash ??= hashPassword(TEST_PASSWORD);
  const passwordHash = password === TEST_PASSWORD ? await testHash : await hashPassword(password);
  const id = insertUser(db, { email, name, role, passwordHash });
  return { id, email, name, role, password };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** A browser-like client of the real server: keeps the session cookie and sends the CSRF token. */
export class SessionClient {
  cookie: string | undefined;
  csrfToken: string | undefined;

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
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0];
    const text = await response.text();
    const isJson = (response.headers.get("content-type") ?? "").includes("json");
    return { status: response.status, headers: response.headers, body: isJson && text ? JSON.parse(text) : text };
  }

  get = (path: string) => this.request("GET", path);
  post = (path: string, body?: unknown) => this.request("POST", path, body ?? {});
  put = (path: string, body?: unknown) => this.request("PUT", path, body ?? {});
  patch = (path: string, body?: unknown) => this.request("PATCH", path, body ?? {});
  delete = (path: string) => this.request("DELETE", path);

  async login(email: string, password: string): Promise<Answer> {
    const answer = await this.request("POST", "/api/auth/login", { email, password });
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
