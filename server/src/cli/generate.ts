// A deterministic synthetic database, for benchmarks and demonstrations:
//   npm run generate -- --db PATH --challenges N --updates M [--promotions P] [--seed S] [--until YYYY-MM-DD]
// It creates no account: the server's admin bootstrap applies when it starts on the file.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../db/database";
import { migrate } from "../db/migrate";
import { analyzeAfterBulkLoad, prepareForBulkLoad } from "../repositories/synthetic-rows";
import { isoDateSchema } from "@shared/common";
import { addDays, parisDate } from "@shared/dates";
import { describeSource, generateSyntheticDataset, type SyntheticOptions } from "./synthetic-dataset";

const usage = `Usage :
  npm run generate -- --db FICHIER --challenges N --updates M [--promotions P] [--seed S] [--until AAAA-MM-JJ]

  --promotions  nombre de promotions, de 2016 à 2025 (50 par défaut)
  --seed        graine du générateur (1 par défaut) : mêmes options, mêmes données
  --until       dernier jour daté des données (hier, heure de Paris, par défaut)`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parse(): { file: string; options: SyntheticOptions } {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        db: { type: "string" },
        challenges: { type: "string" },
        updates: { type: "string" },
        promotions: { type: "string", default: "50" },
        seed: { type: "string", default: "1" },
        until: { type: "string" },
      },
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`);
  }
  if (!values.db || values.challenges === undefined || values.updates === undefined) fail(usage);

  const integer = (name: string, value: string, min: number, max: number) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
      fail(`--${name} : un entier entre ${min} et ${max} est attendu (reçu « ${value} »).`);
    }
    return n;
  };
  // Yesterday by default: every generated instant is then in the past, whatever the hour.
  const until = values.until ?? addDays(parisDate(), -1);
  if (!isoDateSchema.safeParse(until).success || until < "2026-01-01") {
    fail(`--until : une date AAAA-MM-JJ postérieure au 1er janvier 2026 est attendue (reçu « ${until} »).`);
  }
  return {
    file: values.db,
    options: {
      challenges: integer("challenges", values.challenges, 1, 999_999),
      updates: integer("updates", values.updates, 0, 100_000_000),
      promotions: integer("promotions", values.promotions, 1, 500),
      seed: integer("seed", values.seed, 0, 2 ** 32 - 1),
      until,
    },
  };
}

const { file, options } = parse();
if (options.promotions > options.challenges) fail("--promotions : pas plus de promotions que de défis.");
if (fs.existsSync(file)) {
  fail(`${file} existe déjà : le générateur n'écrit que dans un nouveau fichier. Choisissez un autre chemin ou supprimez celui-ci.`);
}

// Written under a temporary name and renamed once complete and closed, so that an
// interrupted run never leaves a half-generated file under the name asked for.
const partial = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.partiel-${process.pid}`);
const removePartial = () => {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(partial + suffix, { force: true });
};
process.on("SIGINT", () => {
  removePartial();
  process.exit(130);
});

const started = performance.now();
try {
  const db = openDatabase(partial);
  prepareForBulkLoad(db);
  migrate(db);
  const { counts, timings } = generateSyntheticDataset(db, options);
  const generated = performance.now();
  analyzeAfterBulkLoad(db);
  db.close();
  fs.renameSync(partial, file);
  const seconds = (ms: number) => `${(ms / 1000).toLocaleString("fr-FR", { maximumFractionDigits: 1 })} s`;
  const n = (value: number) => value.toLocaleString("fr-FR");
  console.log(
    `Base synthétique écrite dans ${file} en ${seconds(performance.now() - started)} ` +
      `(insertions ${seconds(timings.insertMs)}, tables dérivées ${seconds(timings.derivedMs)}, ` +
      `ANALYZE et fermeture ${seconds(performance.now() - generated)}).\n` +
      `  ${n(counts.promotions)} promotions, ${n(counts.challenges)} défis (${n(counts.skills)} compétences), ` +
      `${n(counts.statusUpdates)} mises à jour de statut, ${n(counts.outcomes)} résultats, ${n(counts.actions)} actions, ` +
      `${n(counts.resources)} ressources.\n` +
      `  Source : ${describeSource(options)}.\n` +
      `  Aucun compte : au démarrage, le serveur crée l'administrateur (ADMIN_EMAIL, ADMIN_PASSWORD).`,
  );
} catch (error) {
  removePartial();
  fail(`Échec de la génération : ${(error as Error).message}`);
}
