import { z } from "zod";
import { AXES, LEVELS } from "./domain";

/** A real calendar date written YYYY-MM-DD (2019-02-30 is refused). */
export const isoDateSchema = z.iso.date({ error: "Date attendue au format AAAA-MM-JJ." });

export const axisSchema = z.enum(AXES);
export const levelSchema = z.union(LEVELS.map((level) => z.literal(level)));

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, { error: "Identifiant de défi invalide." });
