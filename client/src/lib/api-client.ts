import { ACCOUNT_LOCKED, SECOND_FACTOR_REQUIRED, SIGN_IN_THROTTLED, type Problem } from "@shared/problem";
import { currentI18n } from "../i18n/use-i18n";
import { getLang } from "../i18n/lang";

/** The server writes its details in French; a refusal with a known `reason` is said in the reader's language. */
function messageOf(problem: Problem): string {
  const { t } = currentI18n();
  if (problem.reason === SECOND_FACTOR_REQUIRED) return t.common.secondFactorRequired;
  const wait = t.login.wait(problem.retryAfterSeconds ?? 60);
  if (problem.reason === SIGN_IN_THROTTLED) return t.login.throttled(wait);
  if (problem.reason === ACCOUNT_LOCKED) return t.login.locked(wait);
  return problem.detail ?? problem.title;
}

/** An API error, carrying the problem+json the server sent (or one made up for network failures). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(messageOf(problem));
  }

  /** An admin route refused to a session opened without a second factor: signing in again is the way out. */
  get needsSecondFactor(): boolean {
    return this.problem.reason === SECOND_FACTOR_REQUIRED;
  }

  get status(): number {
    return this.problem.status;
  }

  /** The message of one field, for an inline error under it. */
  fieldError(path: string): string | undefined {
    return this.problem.errors?.find((error) => error.path === path)?.message;
  }
}

// The session's anti-CSRF token, sent with every write. Set by the session queries.
let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

// Called when the server says the session is gone, so that the app can ask to sign in again.
let onSessionLost: () => void = () => {};
export function setOnSessionLost(callback: () => void): void {
  onSessionLost = callback;
}

async function request<T>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: "same-origin",
      headers: {
        Accept: "application/json",
        // The server writes its messages (errors, emails it sends for us) in the interface's language.
        "Accept-Language": getLang(),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...(method !== "GET" && csrfToken ? { "X-CSRF-Token": csrfToken } : {}),
        ...extraHeaders,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({
      type: "about:blank",
      title: currentI18n().t.common.serverUnreachable,
      status: 0,
      detail: currentI18n().t.common.serverUnreachableDetail,
    });
  }
  if (!response.ok) {
    const isJson = response.headers.get("Content-Type")?.includes("json");
    const problem: Problem = isJson
      ? await response.json()
      : { type: "about:blank", title: currentI18n().t.common.serverError, status: response.status, detail: response.statusText };
    if (response.status === 401 && !path.startsWith("/auth/")) onSessionLost();
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  return response.json() as Promise<T>;
}

/** The one fetch client of the application: JSON in and out, problem+json turned into ApiError. */
export function apiGet<T>(path: string, params?: Record<string, string | number | undefined>): Promise<T> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) if (value !== undefined && value !== "") search.set(key, String(value));
  return request<T>("GET", `${path}${search.size > 0 ? `?${search}` : ""}`);
}

/** `headers` adds to the defaults, e.g. `If-Match` for writes guarded by a version. */
export function apiSend<T>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<T> {
  return request<T>(method, path, body ?? (method === "DELETE" ? undefined : {}), headers);
}
