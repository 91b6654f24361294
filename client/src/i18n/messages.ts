// Every piece of interface text, in French and English: one namespace per part of the
// application, under messages/. Domain wording (axes, levels, outcomes…) lives in
// shared/labels-fr.ts and shared/labels-en.ts, shared with the server's exports. A namespace
// that one lazily loaded page alone reads (accessibility, apiDoc) is not listed here: that page
// imports it through `usePageMessages`, so its text loads with it.
import type { Lang } from "@shared/labels";
import { challenge } from "./messages/challenge";
import { charts } from "./messages/charts";
import { common } from "./messages/common";
import { dashboard } from "./messages/dashboard";
import { edit } from "./messages/edit";
import { layout } from "./messages/layout";
import { login } from "./messages/login";
import { mine } from "./messages/mine";
import { admin } from "./messages/admin";
import { campaigns } from "./messages/campaigns";
import { review } from "./messages/review";
import { account } from "./messages/account";
import { snapshots } from "./messages/snapshots";
import { challengePicker } from "./messages/challenge-picker";
import { catalogue } from "./messages/catalogue";

const namespaces = { common, layout, login, charts, dashboard, challenge, edit, mine, admin, campaigns, review, account, snapshots, challengePicker, catalogue };

type Namespaces = typeof namespaces;
export type Messages = { [K in keyof Namespaces]: Namespaces[K]["fr"] };

function pick(lang: Lang): Messages {
  return Object.fromEntries(Object.entries(namespaces).map(([key, value]) => [key, value[lang]])) as Messages;
}

export const MESSAGES: Record<Lang, Messages> = { fr: pick("fr"), en: pick("en") };
