// At startup, before any request: find the key of the database's TOTP secrets, check that
// it opens every one of them, and encrypt those still stored in clear (a database from
// before encryption). docs/decisions/0008-sign-in-hardening.md says why it happens here.
import type { Db } from "../db/database";
import { createKeyFile, keyFileOf, readKeyFile, SecretBox, SecretsKeyError, SECRETS_KEY_BYTES } from "../db/secrets";
import { randomBytes } from "node:crypto";
import { recordAudit } from "../repositories/audit";
import {
  deleteExpiredPendingLogins,
  deletePendingLogin,
  opensWithKey,
  sealClearSecret,
  SECRET_COLUMNS,
  storedSecrets,
  type StoredSecret,
} from "../repositories/identity";

export interface UnlockedSecrets {
  /** Where the key came from. */
  keySource: "env" | "file" | "created" | "memory";
  keyFile?: string;
  /** Secrets found in clear and encrypted now. */
  sealed: number;
}

const isLasting = (secret: StoredSecret) => secret.column.table === "users";

function accountsOf(secrets: StoredSecret[]): string {
  const emails = [...new Set(secrets.map((secret) => secret.email))];
  return emails.slice(0, 10).join(", ") + (emails.length > 10 ? ` et ${emails.length - 10} autre(s)` : "");
}

/**
 * Gives `db` the key of its secrets: SECRETS_KEY if set, else the key file beside the
 * database (`<DATABASE_PATH>.key`), created (mode 0600) only for a database that holds no
 * encrypted secret yet. Throws SecretsKeyError, in French, when the key is missing or does
 * not open a secret of an account: the server must not start and then refuse good codes.
 */
export function unlockSecrets(db: Db, { databasePath, key }: { databasePath: string; key?: Buffer }): UnlockedSecrets {
  const now = new Date().toISOString();
  deleteExpiredPendingLogins(db, now);
  const stored = storedSecrets(db);
  const sealed = stored.filter((secret) => SecretBox.isSealed(secret.stored));

  let keySource: UnlockedSecrets["keySource"];
  let keyFile: string | undefined;
  if (key) keySource = "env";
  else if (databasePath === ":memory:") {
    key = randomBytes(SECRETS_KEY_BYTES);
    keySource = "memory";
  } else {
    keyFile = keyFileOf(databasePath);
    key = readKeyFile(keyFile);
    keySource = "file";
    if (!key) {
      const locked = sealed.filter(isLasting);
      if (locked.length > 0) {
        throw new SecretsKeyError(
          `La base contient des secrets de double authentification chiffrés, mais aucune clé n'est donnée : ni SECRETS_KEY, ` +
            `ni fichier ${keyFile}. Redonnez la clé d'origine, ou retirez la double authentification des comptes concernés ` +
            `(npm run user -- reset-totp --email …) : ${accountsOf(locked)}.`,
        );
      }
      key = createKeyFile(keyFile);
      keySource = "created";
    }
  }

  db.useSecrets(new SecretBox(key));
  const unreadable = sealed.filter((secret) => !opensWithKey(db, secret));
  const lasting = unreadable.filter(isLasting);
  if (lasting.length > 0) {
    const origin = keySource === "env" ? "SECRETS_KEY" : `le fichier ${keyFile}`;
    throw new SecretsKeyError(
      `La clé de chiffrement (${origin}) n'ouvre pas les secrets de double authentification de ${accountsOf(lasting)} : ` +
        `ce n'est pas la clé de cette base, ou ces valeurs ont été copiées ou modifiées. Redonnez la bonne clé, ou retirez ` +
        `la double authentification de ces comptes (npm run user -- reset-totp --email …).`,
    );
  }

  // The clear values being replaced are zeroed in the file, not left in its free space.
  const clear = stored.some((secret) => !SecretBox.isSealed(secret.stored));
  const seal = () => sealClearSecrets(db, stored, unreadable);
  return { keySource, keyFile, sealed: clear ? db.withSecureDelete(seal) : seal() };
}

/** Encrypts the secrets still in clear, and drops the sign-ins under way the key cannot open; audited. */
function sealClearSecrets(db: Db, stored: StoredSecret[], unreadable: StoredSecret[]): number {
  return db.transaction(() => {
    // A sign-in under way (10 minutes at most) whose secret does not open is only started again.
    for (const secret of unreadable) if (secret.column === SECRET_COLUMNS.enrol) deletePendingLogin(db, String(secret.rowId));
    const upgraded = stored.filter((secret) => !SecretBox.isSealed(secret.stored) && sealClearSecret(db, secret));
    if (upgraded.length > 0) {
      recordAudit(db, {
        actor: null,
        actorEmail: "bootstrap",
        action: "totp.secrets_encrypted",
        after: { secrets: upgraded.length, accounts: new Set(upgraded.map((secret) => secret.email)).size },
      });
    }
    return upgraded.length;
  });
}
