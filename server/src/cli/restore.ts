// Restores the database of DATABASE_PATH from a backup, server stopped:
//   npm run restore -- FILE
// The backup is checked (integrity, schema version) before anything is replaced; the
// replaced database is kept beside it.
import { parseArgs } from "node:util";
import { readConfig } from "../config";
import { BackupError, restoreDatabase } from "../db/backup";
import { DatabaseInUseError } from "../db/lock";
import { readMigrations } from "../db/migrate";

const usage = "Usage : npm run restore -- FICHIER   (serveur arrêté)";

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
if (positionals.length !== 1) {
  console.error(usage);
  process.exit(2);
}

const { databasePath } = readConfig();
try {
  const result = restoreDatabase(positionals[0], databasePath);
  console.log(
    `Base restaurée depuis ${positionals[0]} : ${result.challenges} défis, ${result.statusUpdates} mises à jour de statut, ` +
      `${result.users} comptes, schéma version ${result.schemaVersion} (intégrité vérifiée).`,
  );
  if (result.schemaVersion < readMigrations().length) {
    console.log("Les migrations manquantes seront appliquées au prochain démarrage du serveur.");
  }
  if (result.previous) console.log(`L'ancienne base est conservée sous ${result.previous}.`);
} catch (error) {
  if (error instanceof BackupError || error instanceof DatabaseInUseError) {
    console.error(`Restauration refusée : ${error.message}`);
    process.exit(1);
  }
  throw error;
}
