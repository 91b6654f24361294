import type { AuthUser } from "@shared/auth";

/**
 * Whether the user may change a challenge: the programme team, or a mentor assigned to it.
 * Only hides controls; the server checks the same rule on every write.
 */
export function canEditChallenge(user: AuthUser | null | undefined, challenge: { mentors: { id: number }[] }): boolean {
  if (!user) return false;
  if (user.role === "admin") return true;
  return user.role === "mentor" && challenge.mentors.some((mentor) => mentor.id === user.id);
}
