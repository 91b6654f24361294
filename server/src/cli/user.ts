// Account administration from the command line, on the database of DATABASE_PATH:
//   npm run user -- create --email a@b.fr --name "Camille Martin" --role mentor
//   npm run user -- reset-password --email a@b.fr
//   npm run user -- reset-totp --email a@b.fr   (lost phone and recovery codes: enrol again at next login)
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
import { liftAccountThrottling } from "../repositories/login-attempts";
import { deleteUserSessions } from "../repositories/sessions";
import { disableTotp } from "../repositories/identity";
import { emailTaken, findUserByEmail, insertUser, setPasswordHash } from "../repositories/users";
import { createUserSchema } from "@shared/user";
import { passwordSchema } from "@shared/auth";

z.config(z.locales.fr());

const usage = `Usage :
  npm run user -- create --email EMAIL --name NOM --role admin|mentor|evaluator [--password-stdin]
  npm run user -- reset-password --email EMAIL [--password-stdin]
  npm run user -- reset-totp --email EMAIL`;

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
if (command !== "create" && command !== "reset-password" && command !== "reset-totp") fail(usage);

function choosePassword(): { password: string; generated: boolean } {
  if (!values["password-stdin"]) return { password: generatePassword(), generated: true };
  const password = readFileSync(0, "utf8").replace(/\r?\n$/, "");
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) fail(checked.error.issues[0].message);
  return { password, generated: false };
}

const db = openDatabase(readConfig().databasePath);
migrate(db);
if (command === "reset-totp") {
  const user = values.email ? findUserByEmail(db, values.email.trim().toLowerCase()) : undefined;
  if (!user) fail(`Aucun compte pour ${values.email ?? "(adresse manquante)"}.\n${usage}`);
  db.transaction(() => {
    disableTotp(db, user.id);
    deleteUserSessions(db, user.id);
    recordAudit(db, { actor: null, actorEmail: "cli", action: "totp.disabled", targetType: "user", targetId: user.id });
  });
  console.log(`Double authentification de ${user.email} retirée ; ses sessions sont fermées. Un administrateur la réactivera à sa prochaine connexion.`);
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
  if (!parsed.success) fail(parsed.error.issues.map((issue) => `${issue.path.join(".")} : ${issue.message}`).join("\n"));
  const { email, name, role } = parsed.data;
  if (emailTaken(db, email)) fail(`Un compte existe déjà pour ${email}.`);
  db.transaction(() => {
    const id = insertUser(db, { email, name, role, passwordHash });
    recordAudit(db, { actor: null, actorEmail: "cli", action: "user.created", targetType: "user", targetId: id, after: { email, name, role } });
  });
  console.log(`Compte ${role} créé pour ${email}.`);
} else {
  const user = values.email ? findUserByEmail(db, values.email.trim().toLowerCase()) : undefined;
  if (!user) fail(`Aucun compte pour ${values.email ?? "(adresse manquante)"}.\n${usage}`);
  db.transaction(() => {
    setPasswordHash(db, user.id, passwordHash);
    deleteUserSessions(db, user.id);
    liftAccountThrottling(db, user.email, "cli", new Date().toISOString());
    recordAudit(db, { actor: null, actorEmail: "cli", action: "user.password_reset", targetType: "user", targetId: user.id });
  });
  console.log(`Mot de passe de ${user.email} réinitialisé ; ses sessions sont fermées.`);
}
if (generated) console.log(`Mot de passe (affiché cette seule fois) : ${password}`);
db.close();
