import type { AddressInfo } from "node:net";
import { createApp } from "../../server/src/app";
import { readConfig, type Config } from "../../server/src/config";
import type { Logger } from "../../server/src/lib/logger";
import type { EmailOutbox } from "../../server/src/mail/email-outbox";
import { createTestDatabase, type TestDatabase } from "./test-database";

export interface TestServer extends TestDatabase {
  baseUrl: string;
  /** Resolves once the server's campaign email outbox has sent everything due (none in flight). */
  emailsSent: () => Promise<void>;
  close: () => Promise<void>;
}

/** The real application on a loopback port chosen by the system, over a fresh SQLite file. */
export async function startTestServer({
  withClient = false,
  env = {},
  config: overrides = {},
  logger,
}: { withClient?: boolean; env?: NodeJS.ProcessEnv; config?: Partial<Config>; logger?: Logger } = {}): Promise<TestServer> {
  const database = createTestDatabase();
  // Request logs would drown the test report: silent unless a test asks for a level.
  const config = { ...readConfig({ LOG_LEVEL: "silent", ...env }), ...overrides };
  const app = createApp({ db: database.db, config, serveClient: withClient, logger });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const outbox = app.locals.outbox as EmailOutbox;
  return {
    ...database,
    baseUrl: `http://127.0.0.1:${port}`,
    emailsSent: () => outbox.idle(),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // The campaign email worker stops sending before its database goes away.
      await outbox.stop();
      database.dispose();
    },
  };
}
