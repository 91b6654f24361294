// Online backup of the database of DATABASE_PATH, safe while the server runs:
//   npm run backup -- FILE [--force]
import { parseArgs } from "node:util";
import { readConfig } from "../config";
import { backupDatabase, BackupError } from "../db/backup";
import { DatabaseInUseError } from "../db/lock";

const usage = "Usage : npm run backup -- FICHIER [--force]   (--force remplace un fichier existant)";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: "boolean", default: false } } });
if (positionals.length !== 1) {
  console.error(usage);
  process.exit(2);
}

const { databasePath } = readConfig();
try {
  const result = await backupDatabase(databasePath, positionals[0], { overwrite: values.force });
  console.log(
    `Sauvegarde écrite : ${positionals[0]} (${(result.bytes / 1_048_576).toFixed(1)} Mo, ${result.challenges} défis, ` +
      `${result.statusUpdates} mises à jour de statut, schéma version ${result.schemaVersion}, intégrité vérifiée).`,
  );
} catch (error) {
  if (error instanceof BackupError || error instanceof DatabaseInUseError) {
    console.error(`Sauvegarde impossible : ${error.message}`);
    process.exit(1);
  }
  throw error;
}
