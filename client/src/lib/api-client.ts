import type { Problem } from "@shared/problem";

/** An API error, carrying the problem+json the server sent (or one made up for network failures). */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }

  get status(): number {
    return this.problem.status;
  }
}

/** The one fetch client of the application: JSON in and out, problem+json turned into ApiError. */
export async function apiGet<T>(path: string, params?: Record<string, string | undefined>): Promise<T> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) if (value) search.set(key, value);
  const url = `/api${path}${search.size > 0 ? `?${search}` : ""}`;

  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
  } catch {
    throw new ApiError({
      type: "about:blank",
      title: "Serveur injoignable",
      status: 0,
      detail: "Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.",
    });
  }
  if (!response.ok) {
    const isProblem = response.headers.get("Content-Type")?.includes("json");
    const problem: Problem = isProblem
      ? await response.json()
      : { type: "about:blank", title: "Erreur du serveur", status: response.status, detail: response.statusText };
    throw new ApiError(problem);
  }
  return response.json() as Promise<T>;
}
