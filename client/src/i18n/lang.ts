// The interface language: French unless the user chooses English (docs/domain.md: the browser's
// language does not switch it). Chosen by the header's selector or `?lang=en|fr`, kept in
// localStorage, mirrored on <html lang>. A tiny external store so that react-dsfr's own
// components (startReactDsfr's `useLang`) follow it too.
import { useSyncExternalStore } from "react";
import { DEFAULT_LANG, isLang, type Lang } from "@shared/labels";
import { setLangResolver } from "@shared/i18n/catalogue";

const STORAGE_KEY = "eig-lang";
const listeners = new Set<() => void>();

function stored(): Lang | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function persist(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private browsing without storage: the choice lasts for the page only.
  }
}

/** `?lang=` in the address, if it names a language. */
export function langFromSearch(search: string): Lang | undefined {
  const value = new URLSearchParams(search).get("lang");
  return isLang(value) ? value : undefined;
}

const fromAddress = langFromSearch(window.location.search);
if (fromAddress) persist(fromAddress);
let current: Lang = fromAddress ?? stored() ?? DEFAULT_LANG;
document.documentElement.lang = current;

export const getLang = (): Lang => current;
// The shared schemas' messages follow the interface (shared/i18n/schema-messages.ts).
setLangResolver(getLang);

export function setLang(lang: Lang): void {
  persist(lang);
  if (lang === current) return;
  current = lang;
  document.documentElement.lang = lang;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLang(): Lang {
  return useSyncExternalStore(subscribe, getLang, getLang);
}
