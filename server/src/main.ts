import type { AddressInfo } from "node:net";
import { createApp } from "./app";
import { ensureAdmin } from "./auth/bootstrap";
import { purgeExpiredSessions } from "./auth/sessions";
import { readConfig } from "./config";
import { openDatabase } from "./db/database";
import { migrate } from "./db/migrate";
import { loadCatalogue } from "./db/seed";
import { deleteLoginAttemptsBefore } from "./repositories/login-attempts";

const config = readConfig();
const db = openDatabase(config.databasePath);

const applied = migrate(db);
if (applied.length > 0) console.log(`Migrations appliquées : ${applied.join(", ")}`);
// The catalogue is loaded into an empty database only: a generated dataset stays as it is.
if (db.get("SELECT 1 FROM challenges LIMIT 1") === undefined) {
  console.log(`Catalogue chargé : ${loadCatalogue(db)} défis.`);
}

const admin = await ensureAdmin(db, process.env);
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

const server = createApp({ db, config }).listen(config.port, config.host, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Tableau de bord servi sur http://${config.host}:${port} (base ${config.databasePath})`);
});

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} reçu : arrêt après les requêtes en cours.`);
  server.close(() => {
    db.close();
    process.exit(0);
  });
  server.closeIdleConnections();
  // Do not hang forever on a client that keeps a connection open.
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
