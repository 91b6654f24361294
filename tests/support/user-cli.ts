import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { projectRoot } from "../../server/src/config";
import { FRENCH_CLI } from "./real-server";

/**
 * Runs `npm run user -- …` (server/src/cli/user.ts) on the database file `databasePath`, as an
 * operator would, and answers its exit status and output. `input` is typed on standard input
 * (for `--password-stdin`).
 */
export function runUserCli(databasePath: string, args: string[], input?: string): SpawnSyncReturns<string> {
  return spawnSync("npx", ["tsx", "server/src/cli/user.ts", ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...FRENCH_CLI, DATABASE_PATH: databasePath },
    ...(input === undefined ? {} : { input: `${input}\n` }),
    encoding: "utf8",
    timeout: 30_000,
  });
}
