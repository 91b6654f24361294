import { MutationCache, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { queryKeys } from "./query-keys";

/** Every query of the client: what a change of the catalogue (dates, promotions) may reach. */
const EVERYTHING: QueryKey = [];

/**
 * What each kind of write makes stale: the one map the query client reads after every mutation
 * that declares `meta: { invalidates: kind }` (app/query-client.ts). A page that depends on a
 * write is read again when it shows, instead of keeping the answer it had cached. The data
 * revision (meta) changes with every write to the programme's data; the audit log records the
 * writes.
 */
export const STALE_AFTER = {
  /**
   * A level recorded, confirmed (« Toujours exact ») or retracted: the challenge's current status,
   * trajectories and review state, « Mes défis » and the campaign to-do it answers, the
   * statistics, the review queue.
   */
  statusUpdate: [
    queryKeys.challenges.all,
    queryKeys.me.all,
    queryKeys.campaigns.all,
    queryKeys.stats.all,
    queryKeys.review.all,
    queryKeys.meta,
    queryKeys.audit.all,
  ],
  /** An outcome declared: the challenge, what « Mes défis » lists as missing, the statistics, the review queue. */
  outcome: [queryKeys.challenges.all, queryKeys.me.all, queryKeys.stats.all, queryKeys.review.all, queryKeys.meta, queryKeys.audit.all],
  /** An item of the sustainability plan or of the handover checklist: the challenge and what « Mes défis » lists as missing. */
  planItem: [queryKeys.challenges.all, queryKeys.me.all, queryKeys.meta, queryKeys.audit.all],
  /**
   * Declarations validated, sent back or set aside: the queue, the challenges' review state (and
   * what a sent-back answer leaves to do in a campaign), the statistics' validated views.
   */
  reviewDecision: [
    queryKeys.review.all,
    queryKeys.challenges.all,
    queryKeys.me.all,
    queryKeys.campaigns.all,
    queryKeys.stats.all,
    queryKeys.meta,
    queryKeys.audit.all,
  ],
  /** A campaign opened, edited, closed, deleted or its reminders sent: its pages and the mentors' to-do. */
  campaign: [queryKeys.campaigns.all, queryKeys.me.campaigns, queryKeys.audit.all],
  /** Mentors assigned to a challenge: the accounts, the challenge and its mentor's « Mes défis ». */
  mentorAssignment: [queryKeys.users.all, queryKeys.challenges.all, queryKeys.me.all, queryKeys.audit.all],
  /** An account created, changed or given a new password. */
  account: [queryKeys.users.all, queryKeys.audit.all],
  /** An invitation sent, sent again or revoked. */
  invitation: [queryKeys.invitations, queryKeys.audit.all],
  /** The signed-in user's second factor turned on or off. */
  secondFactor: [queryKeys.account, queryKeys.audit.all],
  /** A promotion or a challenge of the catalogue: their dates reach every figure and list. */
  catalogue: [EVERYTHING],
  /** A snapshot taken or deleted: the list every « as of » selector offers. */
  snapshot: [queryKeys.snapshots.all, queryKeys.audit.all],
} as const satisfies Record<string, readonly QueryKey[]>;

export type MutationKind = keyof typeof STALE_AFTER;
export const MUTATION_KINDS = Object.keys(STALE_AFTER) as MutationKind[];

declare module "@tanstack/react-query" {
  interface Register {
    /** A mutation names what it makes stale; a kind missing from the map fails to compile. */
    mutationMeta: { invalidates?: MutationKind };
  }
}

/**
 * Marks what `kind` makes stale and reads again the queries on screen. The promise settles once
 * they are read, so that a mutation stays pending until the page shows what was written.
 */
export function invalidateAfter(queryClient: QueryClient, kind: MutationKind): Promise<unknown> {
  return Promise.all(STALE_AFTER[kind].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/**
 * The mutation cache of the query client: after each mutation that names its kind, what the map
 * says is stale. After a refusal too: a refusal such as a version conflict means the page shows
 * an old version. The mutation stays pending until the queries on screen are read again.
 */
export function invalidatingMutationCache(queryClient: () => QueryClient): MutationCache {
  return new MutationCache({
    onSettled: (_data, _error, _variables, _context, mutation) => {
      const kind = mutation.meta?.invalidates;
      return kind ? invalidateAfter(queryClient(), kind) : undefined;
    },
  });
}
