import type { Problem } from "@shared/problem";
import { currentI18n } from "../i18n/use-i18n";
import { getLang } from "../i18n/lang";
import { ApiError } from "../lib/api-error";

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
