// Restores the database of DATABASE_PATH from a backup, server stopped:
//   npm run restore -- FILE
// The backup is checked (integrity, schema version) before anything is replaced; the
// replaced database is kept beside it.
import { parseArgs } from "node:util";
import { readConfig } from "../config";
import { BackupError, restoreDatabase } from "../db/backup";
import { DatabaseInUseError } from "../db/lock";
import { readMigrations } from "../db/migrate";
import { t } from "../i18n/messages";
import { langFromEnv, useFallbackLang } from "../http/request-lang";

// Messages in the shell's language (LANG=en_GB.UTF-8 → English), French otherwise.
useFallbackLang(langFromEnv());
const usage = t("restore.usage");

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
if (positionals.length !== 1) {
  console.error(usage);
  process.exit(2);
}

const { databasePath } = readConfig();
try {
  const result = restoreDatabase(positionals[0], databasePath);
  console.log(
    t("restore.done", {
      file: positionals[0]!,
      challenges: result.challenges,
      statusUpdates: result.statusUpdates,
      users: result.users,
      version: result.schemaVersion,
    }),
  );
  if (result.schemaVersion < readMigrations().length) {
    console.log(t("restore.migrationsPending"));
  }
  if (result.previous) console.log(t("restore.previousKept", { file: result.previous }));
} catch (error) {
  if (error instanceof BackupError || error instanceof DatabaseInUseError) {
    console.error(t("restore.refused", { reason: error.message }));
    process.exit(1);
  }
  throw error;
}
