import type { ChallengeFilters } from "@shared/challenge-filters";
import type { StatsFilters } from "@shared/stats";

/**
 * Every query key of the client, in one tree that follows the API's paths: a key is a prefix of
 * the keys below it, so that a write makes a whole branch stale at once (./invalidation.ts).
 * The query functions live with the pages that read them; their keys live here.
 */
export const queryKeys = {
  session: ["session"] as const,
  meta: ["meta"] as const,
  promotions: ["promotions"] as const,
  challenges: {
    all: ["challenges"] as const,
    lists: ["challenges", "list"] as const,
    list: (filters: ChallengeFilters) => ["challenges", "list", filters] as const,
    details: ["challenges", "detail"] as const,
    detail: (slug: string) => ["challenges", "detail", slug] as const,
  },
  /** What concerns the signed-in user: « Mes défis », its campaign to-do, the declarations sent back. */
  me: {
    all: ["me"] as const,
    challenges: ["me", "challenges"] as const,
    campaigns: ["me", "campaigns"] as const,
    sentBack: ["me", "sent-back"] as const,
  },
  campaigns: {
    all: ["campaigns"] as const,
    list: ["campaigns", "list"] as const,
    detail: (id: number) => ["campaigns", "detail", id] as const,
  },
  stats: {
    all: ["stats"] as const,
    statistic: (name: string, filters: StatsFilters) => ["stats", name, filters] as const,
    facets: (snapshot: string | undefined) => ["stats", "facets", snapshot ?? null] as const,
  },
  /** The programme team's queue of declarations to review. */
  review: {
    all: ["review"] as const,
    queue: (state: string, page: number) => ["review", state, page] as const,
  },
  snapshots: {
    all: ["snapshots"] as const,
    list: ["snapshots", "list"] as const,
    detail: (id: string) => ["snapshots", "detail", id] as const,
  },
  users: {
    all: ["users"] as const,
    list: ["users", "list"] as const,
    /** The mentors offered by the challenge list's filter. */
    forListFilter: ["users", "for-list-filter"] as const,
  },
  audit: {
    all: ["audit"] as const,
    page: (filters: object) => ["audit", filters] as const,
  },
  invitations: ["invitations"] as const,
  invitationCheck: (token: string) => ["invitation", token] as const,
  passwordResetCheck: (token: string) => ["password-reset", token] as const,
  account: ["account"] as const,
  authProviders: ["auth-providers"] as const,
  apiDocument: ["openapi"] as const,
};
