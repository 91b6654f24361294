// Account administration from the command line, on the database of DATABASE_PATH:
//   npm run user -- create --email a@b.fr --name "Camille Martin" --role mentor
//   npm run user -- reset-password --email a@b.fr
//   npm run user -- reset-totp --email a@b.fr   (lost phone and recovery codes: enrol again at next login)
//   npm run user -- unlink-proconnect --email a@b.fr   (ProConnect identity changed: the next one is linked)
//   npm run user -- set-role --email a@b.fr --role admin
//   npm run user -- deactivate --email a@b.fr
// Every change but `create` closes the account's sessions and pending logins in its transaction.
// The password is generated and printed once, or read from standard input with --password-stdin.
import { parseArgs } from "node:util";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { readConfig } from "../config";
import { openDatabase } from "../db/database";
import { migrate } from "../db/migrate";
import { passwordProblem } from "../auth/password-policy";
import { generatePassword, hashPassword } from "../auth/passwords";
import { recordAudit } from "../repositories/audit";
import { closeAccountAccess } from "../auth/sessions";
import { liftAccountThrottling } from "../repositories/login-attempts";
import { disableTotp } from "../repositories/identity";
import { deleteOidcIdentitiesOfUser } from "../repositories/oidc-identities";
import { countActiveAdmins, emailTaken, findUserByEmail, findUser, insertUser, setPasswordHash, updateUser } from "../repositories/users";
import { createUserSchema } from "@shared/user";
import { passwordSchema, roleSchema } from "@shared/auth";
import { t } from "../i18n/messages";
import { langFromEnv, useFallbackLang } from "../http/request-lang";

// Messages in the shell's language (LANG=en_GB.UTF-8 → English), French otherwise.
const lang = langFromEnv();
useFallbackLang(lang);
z.config((lang === "en" ? z.locales.en : z.locales.fr)());

const usage = t("cli.user.usage");

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    "password-stdin": { type: "boolean", default: false },
  },
});
const [command] = positionals;
const COMMANDS = ["create", "reset-password", "reset-totp", "unlink-proconnect", "set-role", "deactivate"];
if (!COMMANDS.includes(command)) fail(usage);

function choosePassword(): { password: string; generated: boolean } {
  if (!values["password-stdin"]) return { password: generatePassword(), generated: true };
  const password = readFileSync(0, "utf8").replace(/\r?\n$/, "");
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) fail(checked.error.issues[0].message);
  return { password, generated: false };
}

const db = openDatabase(readConfig().databasePath);
migrate(db);
const existingUser = () => {
  const user = values.email ? findUserByEmail(db, values.email.trim().toLowerCase()) : undefined;
  if (!user) fail(`${t("cli.user.noAccount", { email: values.email ?? t("cli.user.missingEmail") })}\n${usage}`);
  return user;
};
if (command === "unlink-proconnect") {
  // An account opens only with the ProConnect identity linked first (docs/decisions/0008-sign-in-hardening.md);
  // when the agent's identity changes, this lets the next verified sign-in link the new one.
  const user = existingUser();
  const removed = db.transaction(() => {
    const count = deleteOidcIdentitiesOfUser(db, user.id);
    closeAccountAccess(db, user.id);
    recordAudit(db, { actor: null, actorEmail: "cli", action: "login.oidc_unlinked", targetType: "user", targetId: user.id, after: { identities: count } });
    return count;
  });
  console.log(
    removed > 0
      ? t("cli.user.unlinked", { email: user.email })
      : t("cli.user.noLink", { email: user.email }),
  );
  db.close();
  process.exit(0);
}
if (command === "set-role" || command === "deactivate") {
  const user = existingUser();
  const role = command === "set-role" ? roleSchema.safeParse(values.role) : undefined;
  if (role && !role.success) fail(`${t("cli.user.unknownRole", { role: values.role ?? t("cli.user.missing") })}\n${usage}`);
  const changes = role ? { role: role.data } : { isActive: false };
  const closed = db.transaction(() => {
    const before = findUser(db, user.id)!;
    const losesAdmin = before.role === "admin" && before.isActive && (command === "deactivate" || role?.data !== "admin");
    if (losesAdmin && countActiveAdmins(db) <= 1) fail(t("account.lastAdmin"));
    updateUser(db, user.id, changes);
    const after = findUser(db, user.id)!;
    // As from the API (handlers/users.ts): the rights follow the account, not the session.
    const closed = closeAccountAccess(db, user.id);
    const view = ({ id, email, name, role, isActive }: typeof after) => ({ id, email, name, role, isActive });
    recordAudit(db, {
      actor: null,
      actorEmail: "cli",
      action: "user.updated",
      targetType: "user",
      targetId: user.id,
      before: view(before),
      after: { ...view(after), ...closed },
    });
    return closed;
  });
  const done = role ? t("cli.user.roleSet", { email: user.email, role: role.data }) : t("cli.user.deactivated", { email: user.email });
  console.log(t("cli.user.sessionsClosed", { done, sessions: closed.sessionsClosed, pending: closed.pendingLoginsClosed }));
  db.close();
  process.exit(0);
}
if (command === "reset-totp") {
  const user = existingUser();
  db.transaction(() => {
    disableTotp(db, user.id);
    closeAccountAccess(db, user.id);
    recordAudit(db, { actor: null, actorEmail: "cli", action: "totp.disabled", targetType: "user", targetId: user.id });
  });
  console.log(t("cli.user.totpReset", { email: user.email }));
  db.close();
  process.exit(0);
}
const { password, generated } = choosePassword();
// A password typed by a person is held to the same rules as on the web pages.
const refusal = generated ? undefined : await passwordProblem(password, values.email ?? "");
if (refusal) fail(refusal);
const passwordHash = await hashPassword(password);

if (command === "create") {
  const parsed = createUserSchema.safeParse({ email: values.email, name: values.name, role: values.role, password });
  if (!parsed.success) fail(parsed.error.issues.map((issue) => t("cli.fieldError", { path: issue.path.join("."), message: issue.message })).join("\n"));
  const { email, name, role } = parsed.data;
  if (emailTaken(db, email)) fail(t("cli.user.exists", { email }));
  db.transaction(() => {
    const id = insertUser(db, { email, name, role, passwordHash });
    recordAudit(db, { actor: null, actorEmail: "cli", action: "user.created", targetType: "user", targetId: id, after: { email, name, role } });
  });
  console.log(t("cli.user.created", { role, email }));
} else {
  const user = existingUser();
  db.transaction(() => {
    setPasswordHash(db, user.id, passwordHash);
    // A password step done with the old password must not finish either.
    closeAccountAccess(db, user.id);
    liftAccountThrottling(db, user.email, "cli", new Date().toISOString());
    recordAudit(db, { actor: null, actorEmail: "cli", action: "user.password_reset", targetType: "user", targetId: user.id });
  });
  console.log(t("cli.user.passwordReset", { email: user.email }));
}
if (generated) console.log(t("cli.user.passwordShown", { password }));
db.close();
