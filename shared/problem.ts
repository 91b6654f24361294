import { z } from "zod";

/** RFC 9457 problem details, as every error of the API is sent. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** Why a request was refused, when the client must say it in the reader's language. */
  reason: z.string().optional(),
  /** With a 429: the seconds to wait, as in `Retry-After`, for a message in the reader's words. */
  retryAfterSeconds: z.number().int().optional(),
});

/** 403 `reason`: an admin route reached by a session opened without a second factor. */
export const SECOND_FACTOR_REQUIRED = "second_factor_required";
/** 429 `reason`s of sign-in: too many failures for now, or the account locked for a while. */
export const SIGN_IN_THROTTLED = "sign_in_throttled";
export const ACCOUNT_LOCKED = "account_locked";
export type Problem = z.infer<typeof problemSchema>;
