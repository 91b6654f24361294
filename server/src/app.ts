import express from "express";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Db } from "./db/database";
import { NotFoundError, problemHandler } from "./http/errors";
import { apiRoutes } from "./routes";

z.config(z.locales.fr());

export interface AppOptions {
  db: Db;
  /** Folder of the built client; the SPA is not served when absent (API-only tests). */
  clientDist?: string;
}

export function createApp({ db, clientDist }: AppOptions): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");

  const api = express.Router();
  api.use(express.json({ limit: "100kb" }));
  for (const route of apiRoutes(db)) api[route.method](route.path, ...route.handlers);
  api.use(() => {
    throw new NotFoundError("Cette adresse ne correspond à aucune ressource de l'API.");
  });
  app.use("/api", api);

  const indexHtml = clientDist && path.join(clientDist, "index.html");
  if (clientDist && indexHtml && fs.existsSync(indexHtml)) {
    // Hashed assets never change under the same name; index.html must always be revalidated.
    app.use("/assets", express.static(path.join(clientDist, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(clientDist, { index: false, maxAge: "1h" }));
    app.get("/{*splat}", (_req, res) => {
      res.setHeader("Cache-Control", "no-cache");
      res.sendFile(indexHtml);
    });
  }

  app.use(problemHandler);
  return app;
}
