// The language of each answer: what the client asks for in Accept-Language (the interface
// sends its own choice, client/src/lib/api-client.ts), French when nothing in it is fr or en.
// Kept for the request's whole async chain, so that a message raised deep in a handler
// (`t(...)` in server/src/i18n/messages.ts) is written in it without passing `req` around.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Request, RequestHandler } from "express";
import { DEFAULT_LANG, isLang, type Lang } from "@shared/labels";
import { setLangResolver } from "@shared/i18n/catalogue";

const requestLang = new AsyncLocalStorage<Lang>();

/** Outside any request (workers, command-line tools): French, or what `useFallbackLang` set. */
let fallbackLang: Lang = DEFAULT_LANG;
export function useFallbackLang(lang: Lang): void {
  fallbackLang = lang;
}

setLangResolver(() => requestLang.getStore() ?? fallbackLang);

/** The first of fr / en in Accept-Language, by preference order; French otherwise. */
export function acceptedLang(header: string | undefined): Lang {
  if (!header) return DEFAULT_LANG;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [range = "", ...options] = part.trim().split(";");
      const q = options.map((option) => option.trim()).find((option) => option.startsWith("q="));
      return { lang: range.trim().toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges.map((range) => range.lang).find(isLang) ?? DEFAULT_LANG;
}

const langOf = (req: Request): Lang => acceptedLang(req.get("Accept-Language"));

/** Runs the rest of the request in its language (Content-Language says which). */
export const withRequestLang: RequestHandler = (req, res, next) => {
  const lang = langOf(req);
  res.setHeader("Content-Language", lang);
  requestLang.run(lang, next);
};

/** The language of messages written now (the request's, or the fallback). */
export const messageLang = (): Lang => requestLang.getStore() ?? fallbackLang;

/** From LANG / LC_ALL / LC_MESSAGES as a shell sets them ("en_GB.UTF-8" → en); French otherwise. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const value = (env.LC_ALL || env.LC_MESSAGES || env.LANG || "").toLowerCase().slice(0, 2);
  return isLang(value) ? value : DEFAULT_LANG;
}

/** Runs `render` in the request's language, whatever async context it is called from. */
export const inLangOf = <T>(req: Request, render: () => T): T => requestLang.run(langOf(req), render);
