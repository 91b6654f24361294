import Database from "better-sqlite3";
import { restrictToOwner } from "./database";
import { t } from "../i18n/messages";

/**
 * Who is using a database file, told by a lock beside it (`<database>-lock`), so that a
 * restore never replaces the file under a running server (docs/decisions/0003).
 *
 * The lock file is itself an (empty) SQLite database held in `locking_mode = EXCLUSIVE`:
 * - a server or a backup holds a *shared* lock for as long as it runs;
 * - a restore holds the *exclusive* lock, which it gets only when nobody holds any.
 * The locks are the operating system's (POSIX advisory locks, as SQLite uses on its own
 * files): they vanish with the process however it ends, SIGKILL and power cut included, so
 * there is no stale lock to clean up and no pid that may have been reused. The file is never
 * deleted: deleting it while a process waits on it would let two processes lock two files.
 */
export type LockMode = "shared" | "exclusive";

export class DatabaseInUseError extends Error {
  constructor(
    readonly lockFile: string,
    readonly wanted: LockMode,
  ) {
    super(
      wanted === "exclusive"
        ? t("lock.inUse", { lock: lockFile })
        : t("lock.restoring", { lock: lockFile }),
    );
  }
}

export interface DatabaseLock {
  readonly file: string;
  readonly mode: LockMode;
  release(): void;
}

function lockFileOf(databasePath: string): string {
  return `${databasePath}-lock`;
}

/** Takes the lock at once or throws `DatabaseInUseError`; never waits. */
export function acquireDatabaseLock(databasePath: string, mode: LockMode): DatabaseLock {
  const file = lockFileOf(databasePath);
  // Empty, but beside a private database: private too.
  restrictToOwner(file);
  const connection = new Database(file, { timeout: 0 });
  try {
    connection.pragma("locking_mode = EXCLUSIVE");
    // In EXCLUSIVE locking mode the first read takes a shared lock and keeps it; the first
    // write (here BEGIN EXCLUSIVE) takes the exclusive lock and keeps it until close.
    if (mode === "shared") connection.prepare("SELECT count(*) FROM sqlite_master").get();
    else {
      connection.exec("BEGIN EXCLUSIVE");
      connection.exec("COMMIT");
    }
  } catch (error) {
    connection.close();
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) throw new DatabaseInUseError(file, mode);
    throw error;
  }
  let released = false;
  return {
    file,
    mode,
    release() {
      if (released) return;
      released = true;
      connection.close();
    },
  };
}
