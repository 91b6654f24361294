// Secrets at rest: the TOTP secrets a server must read back to check codes are kept encrypted
// with AES-256-GCM under a key that is not in the database (SECRETS_KEY, or a key file beside
// it). Choices and reasons: docs/decisions/0008-sign-in-hardening.md.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";

export const SECRETS_KEY_BYTES = 32;
/** Every stored value says its format, so that a later one can be read beside it. */
const SEALED_PREFIX = "v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The key cannot be had or does not fit the database: the server must not start (French, for the operator). */
export class SecretsKeyError extends Error {}

/**
 * A stored secret that the key does not open: wrong key, a value copied from another row or
 * database, or a clear value written behind the server's back. Never taken for a wrong code.
 */
export class SecretUnreadableError extends Error {
  constructor(readonly context: string) {
    super(
      `Le secret ${context} ne peut pas être déchiffré avec la clé du serveur (SECRETS_KEY ou fichier de clé) : ` +
        "mauvaise clé, ou valeur copiée ou modifiée dans la base. Pour ce compte : npm run user -- reset-totp --email ….",
    );
  }
}

/**
 * The key, from SECRETS_KEY: 32 bytes written in hexadecimal (64 characters) or in base64
 * (44 characters, standard or URL alphabet), e.g. `openssl rand -base64 32`.
 */
export function parseSecretsKey(raw: string, origin = "SECRETS_KEY"): Buffer {
  const text = raw.trim();
  let key: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(text)) key = Buffer.from(text, "hex");
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (!key || key.length !== SECRETS_KEY_BYTES) {
    throw new SecretsKeyError(
      `${origin} doit contenir une clé de 32 octets, en hexadécimal (64 caractères) ou en base64 (44 caractères), ` +
        "par exemple la sortie de « openssl rand -base64 32 ».",
    );
  }
  return key;
}

/** Encrypts and decrypts the secrets of one database, each bound to its row and column. */
export class SecretBox {
  readonly #key: Buffer;

  constructor(key: Buffer) {
    if (key.length !== SECRETS_KEY_BYTES) throw new SecretsKeyError("La clé de chiffrement doit faire 32 octets.");
    this.#key = Buffer.from(key);
  }

  static isSealed(stored: string): boolean {
    return stored.startsWith(SEALED_PREFIX);
  }

  /**
   * `v1:<iv>.<ciphertext>.<tag>` (base64url). `context` (`users.totp_secret:42`) is GCM's
   * additional data: the value opens only in the row and column it was written for.
   */
  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, "utf8"));
    const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    const parts = [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString("base64url"));
    return SEALED_PREFIX + parts.join(".");
  }

  /** The clear value, or SecretUnreadableError; a value that is not sealed is refused too. */
  open(stored: string, context: string): string {
    if (!SecretBox.isSealed(stored)) throw new SecretUnreadableError(context);
    const [iv, ciphertext, tag, ...rest] = stored.slice(SEALED_PREFIX.length).split(".").map((part) => Buffer.from(part, "base64url"));
    if (!iv || !ciphertext || !tag || rest.length > 0 || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw new SecretUnreadableError(context);
    }
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.#key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
    } catch {
      throw new SecretUnreadableError(context);
    }
  }
}

export const keyFileOf = (databasePath: string): string => `${databasePath}.key`;

/**
 * Reads the key file, tightening its mode to 0600 if it was looser; undefined if there is none.
 */
export function readKeyFile(file: string): Buffer | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new SecretsKeyError(`Impossible de lire le fichier de clé ${file} : ${(error as Error).message}`);
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  return parseSecretsKey(text, `Le fichier de clé ${file}`);
}

/**
 * Writes a new random key to `file`, mode 0600, only if no file is there (`wx`): of two
 * processes starting at once, the second reads the first one's key.
 */
export function createKeyFile(file: string): Buffer {
  const key = randomBytes(SECRETS_KEY_BYTES);
  try {
    const fd = fs.openSync(file, "wx", 0o600);
    try {
      fs.writeSync(fd, `${key.toString("base64")}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readKeyFile(file)!;
    throw new SecretsKeyError(`Impossible de créer le fichier de clé ${file} : ${(error as Error).message}`);
  }
  // umask cannot widen 0600, but a file system may ignore the mode given to open().
  fs.chmodSync(file, 0o600);
  return key;
}
