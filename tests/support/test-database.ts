import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Db } from "../../server/src/db/database";
import { migrate } from "../../server/src/db/migrate";
import { loadCatalogue } from "../../server/src/repositories/seed";
import { unlockSecrets } from "../../server/src/identity/secret-storage";

export interface TestDatabase {
  db: Db;
  file: string;
  /** Closes the database and deletes its files. */
  dispose: () => void;
}

/** A real SQLite file in a temporary folder, migrated, with the catalogue loaded unless told not to. */
export function createTestDatabase({ seed = true } = {}): TestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eig-test-"));
  const file = path.join(dir, "test.sqlite");
  const db = openDatabase(file);
  migrate(db);
  // As the server does at startup: a key file beside the database, created on first use.
  unlockSecrets(db, { databasePath: file });
  if (seed) loadCatalogue(db);
  return {
    db,
    file,
    dispose: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
