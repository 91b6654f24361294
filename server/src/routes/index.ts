// The API's index: every route, who may call it, what it takes and answers. Each
// file lists the routes of one resource; app.ts mounts them under /api.
import type { Deps } from "../handlers/context";
import type { Route } from "./route";
import { openApiDocument } from "./openapi";
import { metaRoutes } from "./meta";
import { sessionRoutes, signInRoutes } from "./auth";
import { challengeRoutes } from "./challenges";
import { statsRoutes } from "./stats";
import { challengeWriteRoutes } from "./challenge-writes";
import { exportRoutes } from "./exports";
import { snapshotRoutes } from "./snapshots";
import { catalogueRoutes } from "./catalogue";
import { adminRoutes } from "./admin";
import { campaignRoutes } from "./campaigns";
import { reviewRoutes } from "./review";
import { invitationRoutes } from "./invitations";
import { accountRoutes } from "./account";

export type { Route } from "./route";
export { answerOf } from "./route";

export function apiRoutes(deps: Deps): Route[] {
  let document: Record<string, unknown> | undefined;
  const routes: Route[] = [
    // The document describes the table it is part of: built once, when first asked for.
    ...metaRoutes(deps, () => (document ??= openApiDocument(routes))),
    ...sessionRoutes(deps),
    ...challengeRoutes(deps),
    ...statsRoutes(deps),
    ...challengeWriteRoutes(deps),
    ...exportRoutes(deps),
    ...snapshotRoutes(deps),
    ...catalogueRoutes(deps),
    ...adminRoutes(deps),
    ...campaignRoutes(deps),
    ...reviewRoutes(deps),
    ...signInRoutes(deps),
    ...invitationRoutes(deps),
    ...accountRoutes(deps),
  ];
  return routes;
}
