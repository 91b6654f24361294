import { useQueryClient } from "@tanstack/react-query";
import { challengeQueries } from "../../../api/challenges";

/**
 * After a write: every challenge read (this page, the lists, "Mes défis") may have changed.
 * The promise lets a mutation stay pending until the page shows what was written.
 */
export function useRefreshChallenges() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: challengeQueries.all() });
}

export const challengePath = (slug: string) => `/challenges/${encodeURIComponent(slug)}`;
