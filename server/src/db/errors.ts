/**
 * Errors that say the database cannot serve right now rather than that the request or the
 * code is wrong: the file is locked past the busy timeout by another process, the disk is
 * full or failing, or the connection is closed (the server is stopping). The API answers
 * them with 503, which proxies and health probes understand, instead of a generic 500.
 */
const UNAVAILABLE_CODES = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|CANTOPEN|READONLY|CORRUPT|NOTADB|PROTOCOL)/;

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code } = error as { code?: unknown };
  if (typeof code === "string" && UNAVAILABLE_CODES.test(code)) return true;
  // better-sqlite3 raises a plain TypeError once the connection is closed.
  return error instanceof TypeError && /database connection is not open/i.test(error.message);
}

/** Busy is temporary: worth a retry in a second; the others need someone to look. */
export function isDatabaseBusy(error: unknown): boolean {
  const { code } = (error ?? {}) as { code?: unknown };
  return typeof code === "string" && /^SQLITE_(BUSY|LOCKED)/.test(code);
}
