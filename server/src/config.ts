import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  clientDist: string;
}

/** Reads the configuration from the environment; see the README for each variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === "" ? 3000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}".`);
  return {
    port,
    host: env.HOST || "localhost",
    databasePath: path.resolve(env.DATABASE_PATH || path.join(projectRoot, "db", "eig.sqlite")),
    clientDist: path.join(projectRoot, "client", "dist"),
  };
}
