// Online backup of the database of DATABASE_PATH, safe while the server runs:
//   npm run backup -- FILE [--force]
import { parseArgs } from "node:util";
import { readConfig } from "../config";
import { backupDatabase, BackupError } from "../db/backup";
import { DatabaseInUseError } from "../db/lock";
import { t } from "../i18n/messages";
import { langFromEnv, useFallbackLang } from "../http/request-lang";

// Messages in the shell's language (LANG=en_GB.UTF-8 → English), French otherwise.
useFallbackLang(langFromEnv());
const usage = t("backup.usage");

const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: "boolean", default: false } } });
if (positionals.length !== 1) {
  console.error(usage);
  process.exit(2);
}

const { databasePath } = readConfig();
try {
  const result = await backupDatabase(databasePath, positionals[0], { overwrite: values.force });
  console.log(
    t("backup.written", {
      file: positionals[0]!,
      size: (result.bytes / 1_048_576).toFixed(1),
      challenges: result.challenges,
      statusUpdates: result.statusUpdates,
      version: result.schemaVersion,
    }),
  );
} catch (error) {
  if (error instanceof BackupError || error instanceof DatabaseInUseError) {
    console.error(t("backup.failed", { reason: error.message }));
    process.exit(1);
  }
  throw error;
}
