import { route, json, type Route } from "./route";
import { z } from "zod";
import type { Deps } from "../handlers/context";
import { getSnapshot, getSnapshots, postSnapshot, removeSnapshot } from "../handlers/snapshots";
import { newSnapshotSchema, snapshotParamsSchema, snapshotSchema } from "@shared/snapshot";

/**
 * Citable snapshots: any account reads them and reads "as of" them (`?snapshot=ID` on
 * statistics and exports); only the programme team takes or deletes them.
 */
export function snapshotRoutes(deps: Deps): Route[] {
  return [
    route({
      method: "get",
      path: "/snapshots",
      summary: "Les instantanés, du plus récent au plus ancien.",
      access: "signedIn",
      response: json(200, z.array(snapshotSchema)),
      handle: getSnapshots(deps),
    }),
    route({
      method: "post",
      path: "/snapshots",
      summary: "Fige un instantané nommé des statuts, résultats et agrégats actuels (409 si le nom existe).",
      access: "admin",
      idempotent: true,
      input: { body: newSnapshotSchema },
      response: json(201, snapshotSchema),
      handle: postSnapshot(deps),
    }),
    route({
      method: "get",
      path: "/snapshots/:id",
      summary: "Un instantané : nom, date, version de la méthodologie.",
      access: "signedIn",
      input: { params: snapshotParamsSchema },
      response: json(200, snapshotSchema),
      handle: getSnapshot(deps),
    }),
    route({
      method: "delete",
      path: "/snapshots/:id",
      summary: "Supprime un instantané (inscrit au journal d'audit).",
      access: "admin",
      input: { params: snapshotParamsSchema },
      response: json(204),
      handle: removeSnapshot(deps),
    }),
  ];
}
