/**
 * Where to go after signing in (`/connexion?retour=…`): only a path of this site, never
 * another origin. Browsers read `\` as `/` and drop tabs and newlines from addresses, so
 * `/\evil.example` or `/<tab>/evil.example` would become `//evil.example`: such values
 * are refused outright, and what remains must still resolve to this origin.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//")) return "/";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return "/";
  const base = "https://origine.invalid";
  try {
    const resolved = new URL(value, base);
    return resolved.origin === base ? `${resolved.pathname}${resolved.search}${resolved.hash}` : "/";
  } catch {
    return "/";
  }
}
