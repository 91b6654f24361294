import { useSearchParams } from "react-router";

/**
 * Filters kept in the page's address, so that a filtered view is a permalink. Updates start
 * from the address as it is now, not as it was when the caller rendered: a delayed update
 * (a debounced search) must not undo a filter chosen in between.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]): [Partial<Record<K, string>>, (changes: Partial<Record<K, string | undefined>>) => void] {
  const [params, setParams] = useSearchParams();
  const values: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value) values[key] = value;
  }
  const update = (changes: Partial<Record<K, string | undefined>>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes) as [K, string | undefined][]) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (next.toString() !== new URLSearchParams(window.location.search).toString()) setParams(next, { replace: true });
  };
  return [values, update];
}
