// A message catalogue: each key has its French and English text side by side, with
// `{name}` placeholders. Adding a message is one line in a catalogue object:
//   "campaign.closed": { fr: "Cette campagne est close.", en: "This campaign is closed." },
// `tsc` then checks every call passes exactly the placeholders the French text names.
import { DEFAULT_LANG, type Lang } from "../labels";

type Entry = { readonly fr: string; readonly en: string };
export type Catalogue = Readonly<Record<string, Entry>>;

/** The placeholder names of a text: "{count} sur {max}" → "count" | "max". */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

export type Params<C extends Catalogue, K extends keyof C> = [Placeholders<C[K]["fr"]>] extends [never]
  ? []
  : [params: Record<Placeholders<C[K]["fr"]>, string | number>];

/** The placeholder names a text uses, sorted: for the test that both languages agree. */
export const placeholdersOf = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();

export function render(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

// Who decides the language when a message is rendered without one: on the server, the
// request being answered (or LANG for the command-line tools); in the browser, the
// interface's choice. French until someone says otherwise.
let resolveLang: () => Lang = () => DEFAULT_LANG;
export function setLangResolver(resolver: () => Lang): void {
  resolveLang = resolver;
}
export const currentLang = (): Lang => resolveLang();

/** A renderer over one catalogue: `t(key, params?)` in the current language, `tl(lang, key, params?)` in a given one. */
export function translator<C extends Catalogue>(catalogue: C) {
  const tl = <K extends keyof C & string>(lang: Lang, key: K, ...params: Params<C, K>): string =>
    render(catalogue[key]![lang], params[0] as Record<string, string | number> | undefined);
  const t = <K extends keyof C & string>(key: K, ...params: Params<C, K>): string => tl(resolveLang(), key, ...params);
  return { t, tl };
}
