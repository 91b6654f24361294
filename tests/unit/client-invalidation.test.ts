// Each write names what it makes stale, in one map (client/src/api/invalidation.ts) that the
// query client reads after every mutation. A page whose query the map forgets keeps showing
// the answer it had cached (30 s): these checks fail when a dependency goes missing.
import fs from "node:fs";
import path from "node:path";
import { QueryClient, type QueryKey } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { invalidateAfter, invalidatingMutationCache, MUTATION_KINDS, STALE_AFTER, type MutationKind } from "../../client/src/api/invalidation";
import { queryKeys } from "../../client/src/api/query-keys";

const CLIENT_SOURCE = path.resolve(import.meta.dirname, "../../client/src");

/** The kinds the client's mutations declare, read from their source. */
function declaredKinds(): Set<string> {
  const kinds = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (/\.tsx?$/.test(entry.name)) for (const match of fs.readFileSync(file, "utf8").matchAll(/invalidates: "(\w+)"/g)) kinds.add(match[1]);
    }
  };
  visit(CLIENT_SOURCE);
  return kinds;
}

const ALL_FILTERS = {};
/** A query of each page that a status update concerns, as the pages key them. */
const PAGES = {
  "« Mes défis »": queryKeys.me.challenges,
  "its campaign to-do": queryKeys.me.campaigns,
  "the declarations sent back": queryKeys.me.sentBack,
  "the challenge page": queryKeys.challenges.detail("cartobio"),
  "the challenge list": queryKeys.challenges.list(ALL_FILTERS),
  "the dashboard's headline": queryKeys.stats.statistic("headline", ALL_FILTERS),
  "the dashboard's trajectories": queryKeys.stats.statistic("trajectories", ALL_FILTERS),
  "the at-risk list": queryKeys.stats.statistic("at-risk", ALL_FILTERS),
  "the campaign page": queryKeys.campaigns.detail(1),
  "the review queue": queryKeys.review.queue("declared", 1),
  "the data revision": queryKeys.meta,
} satisfies Record<string, QueryKey>;

/** What `kind` leaves stale among `keys`, on a query client that had them all fresh. */
async function staleAfter(kind: MutationKind, keys: Record<string, QueryKey>): Promise<string[]> {
  const client = new QueryClient();
  for (const key of Object.values(keys)) client.setQueryData(key, "fresh");
  await invalidateAfter(client, kind);
  return Object.entries(keys)
    .filter(([, key]) => client.getQueryState(key)?.isInvalidated)
    .map(([name]) => name);
}

describe("what each write makes stale", () => {
  it("knows every kind a mutation declares, and declares none that no mutation uses", () => {
    expect([...declaredKinds()].sort()).toEqual([...MUTATION_KINDS].sort());
    for (const kind of MUTATION_KINDS) expect(STALE_AFTER[kind].length, kind).toBeGreaterThan(0);
  });

  it("a status update makes « Mes défis », its campaign to-do, the statistics and the review queue stale", async () => {
    expect(await staleAfter("statusUpdate", PAGES)).toEqual(Object.keys(PAGES));
  });

  it("a review decision reaches the mentor's pages and the validated figures", async () => {
    expect(await staleAfter("reviewDecision", PAGES)).toEqual(Object.keys(PAGES));
  });

  it("a campaign opened reaches the mentors' to-do, and leaves the figures alone", async () => {
    expect(await staleAfter("campaign", PAGES)).toEqual(["its campaign to-do", "the campaign page"]);
  });

  it("the query client reads the map after a mutation, refused or not", async () => {
    const appQueryClient: QueryClient = new QueryClient({ mutationCache: invalidatingMutationCache(() => appQueryClient) });
    for (const outcome of ["accepted", "refused"] as const) {
      appQueryClient.setQueryData(queryKeys.me.campaigns, "fresh");
      appQueryClient.setQueryData(queryKeys.promotions, "fresh");
      const mutation = appQueryClient.getMutationCache().build(appQueryClient, {
        mutationFn: async () => {
          if (outcome === "refused") throw new Error("409");
          return "written";
        },
        meta: { invalidates: "statusUpdate" },
      });
      await mutation.execute(undefined).catch(() => undefined);
      expect(appQueryClient.getQueryState(queryKeys.me.campaigns)?.isInvalidated, outcome).toBe(true);
      expect(appQueryClient.getQueryState(queryKeys.promotions)?.isInvalidated, outcome).toBe(false);
      appQueryClient.clear();
    }
  });
});
