import net, { type AddressInfo, type Socket } from "node:net";
import { createApp } from "./app";
import { ensureAdmin } from "./auth/bootstrap";
import { purgeExpiredSessions } from "./auth/sessions";
import { readConfig } from "./config";
import { openDatabase } from "./db/database";
import { SecretsKeyError } from "./db/secrets";
import { unlockSecrets } from "./identity/secret-storage";
import { acquireDatabaseLock, DatabaseInUseError, type DatabaseLock } from "./db/lock";
import { migrate } from "./db/migrate";
import { loadCatalogue } from "./repositories/seed";
import { hasChallenges } from "./repositories/challenge-refs";
import { ensureDerivedState } from "./repositories/derived-state";
import { createLogger } from "./lib/logger";
import { deleteLoginAttemptsBefore } from "./repositories/login-attempts";
import { queueDueReminders } from "./mail/campaign-emails";
import { startEmailOutbox } from "./mail/email-outbox";
import { createMailer } from "./mail/mailer";

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig();
} catch (error) {
  if (!(error instanceof SecretsKeyError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const logger = createLogger(config.logLevel);

// Held until the process ends, however it ends: `npm run restore` refuses while it is held,
// and this server refuses to start while a restore holds it (docs/decisions/0003).
let lock: DatabaseLock | undefined;
if (config.databasePath !== ":memory:") {
  try {
    lock = acquireDatabaseLock(config.databasePath, "shared");
  } catch (error) {
    if (!(error instanceof DatabaseInUseError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
const db = openDatabase(config.databasePath);

const applied = migrate(db);
// Before any request: the key must open every stored TOTP secret (else the server does not
// start, rather than refuse good codes), and secrets still in clear are encrypted now.
try {
  const secrets = unlockSecrets(db, { databasePath: config.databasePath, key: config.secretsKey });
  if (secrets.keySource === "created") console.log(`Clé de chiffrement des secrets créée : ${secrets.keyFile} (à sauvegarder à part de la base).`);
  if (secrets.sealed > 0) console.log(`Secrets de double authentification chiffrés : ${secrets.sealed}.`);
} catch (error) {
  if (!(error instanceof SecretsKeyError)) throw error;
  console.error(error.message);
  db.close();
  lock?.release();
  process.exit(1);
}
if (ensureDerivedState(db)) console.log("Tables dérivées (statuts actuels, trajectoires) reconstruites depuis l'historique.");
if (applied.length > 0) console.log(`Migrations appliquées : ${applied.join(", ")}`);
// The catalogue is loaded into an empty database only: a generated dataset stays as it is.
if (!hasChallenges(db)) {
  console.log(`Catalogue chargé : ${loadCatalogue(db)} défis.`);
}

// A refused ADMIN_EMAIL or ADMIN_PASSWORD stops the start with its reason alone, not a stack trace.
const admin = await ensureAdmin(db, process.env).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  db.close();
  process.exit(1);
});
if (admin.created && admin.generatedPassword) {
  console.log(
    `Compte administrateur créé : ${admin.email}\n` +
      `Mot de passe (affiché cette seule fois, changez-le ou notez-le) : ${admin.generatedPassword}`,
  );
} else if (admin.created) {
  console.log(`Compte administrateur créé : ${admin.email} (mot de passe de ADMIN_PASSWORD).`);
}

// Expired sessions and old login attempts are of no use: clear them now and every hour.
const housekeeping = () => {
  purgeExpiredSessions(db, config);
  deleteLoginAttemptsBefore(db, new Date(Date.now() - 24 * 3_600_000).toISOString());
};
housekeeping();
setInterval(housekeeping, 3_600_000).unref();

// Campaign emails leave through one outbox (requests and reminders queue, it sends). Reminders
// are queued hourly, so a server started any time of day sends them that day; the database
// lets each mentor get at most one per campaign and day, however often this runs.
const mailer = createMailer(config.mail, logger);
const outbox = startEmailOutbox({ db, mailer, logger });
const remind = () => {
  try {
    const run = queueDueReminders({ db, config, mailer });
    if (run.queued > 0) logger.info({ ...run }, "Relances des campagnes mises en file d'envoi.");
    outbox.wake();
  } catch (error) {
    logger.error({ err: error }, "Échec des relances des campagnes.");
  }
};
if (mailer.enabled) {
  remind();
  setInterval(remind, 3_600_000).unref();
}

const server = createApp({ db, config, logger, mailer, outbox }).listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Tableau de bord servi sur http://${config.host}:${port} (base ${config.databasePath})`);
});

let stopping = false;

// While stopping, every answer closes its connection, so keep-alive clients do not hold the
// server open, and a request already received is still served to the end. Registered first
// so it runs before Express writes a synchronous answer.
server.prependListener("request", (_req, res) => {
  if (stopping) res.setHeader("Connection", "close");
});
const sockets = new Set<Socket>();
let lastConnectionAt = 0;
server.on("connection", (socket) => {
  lastConnectionAt = Date.now();
  sockets.add(socket);
  socket.on("close", () => sockets.delete(socket));
});

/** Closes the database cleanly (its WAL is checkpointed and removed) and drops the lock. */
function closeDatabase(): void {
  try {
    db.close();
  } finally {
    lock?.release();
  }
}

/** How long without a new connection, once stopping, before the listener closes. */
const DRAIN_GRACE_MS = 300;

function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} reçu : arrêt après les requêtes en cours.`);
  // Emails being sent finish first (what is still pending waits for the next start).
  const finish = () =>
    void outbox.stop().finally(() => {
      closeDatabase();
      logger.info({ signal }, "Serveur arrêté proprement.");
      process.exit(0);
    });
  // Keep accepting while connections still arrive: a client whose connection is already in
  // the system's accept queue has sent its request, and closing the listener would reset it
  // unanswered. On a busy machine that queue drains slowly, so the listener closes only after
  // DRAIN_GRACE_MS without a new connection, checked after a poll of the event loop (which
  // accepts what the system queued meanwhile), not after a fixed delay.
  const closeWhenQuiet = () =>
    setImmediate(() => {
      if (Date.now() - lastConnectionAt < DRAIN_GRACE_MS) {
        setTimeout(closeWhenQuiet, DRAIN_GRACE_MS).unref();
        return;
      }
      // Not http.Server.close(): it would also cut at once every connection Node deems idle,
      // including one whose request is still unread in its socket buffer.
      net.Server.prototype.close.call(server, finish);
      // Then cut connections that are really idle (keep-alive); those serving a request close
      // after their answer (Connection: close, above), and `finish` runs when none is left.
      setTimeout(() => server.closeIdleConnections(), DRAIN_GRACE_MS).unref();
    });
  setTimeout(closeWhenQuiet, DRAIN_GRACE_MS).unref();
  // Do not hang forever on a client that keeps a connection open. Requests run their SQL
  // synchronously, so no transaction can be half done when this timer fires.
  setTimeout(() => {
    logger.warn({ openConnections: sockets.size }, "Arrêt forcé : des connexions restaient ouvertes après 10 s.");
    for (const socket of sockets) socket.destroy();
    closeDatabase();
    process.exit(1);
  }, 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
