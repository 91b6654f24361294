import { z } from "zod";
import { isoDateSchema } from "./common";

export const promotionSchema = z.object({
  key: z.string(),
  label: z.string(),
  year: z.number().int(),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
  datesApproximate: z.boolean(),
  challengeCount: z.number().int().nonnegative(),
});
export type Promotion = z.infer<typeof promotionSchema>;
