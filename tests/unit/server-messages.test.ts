// The server's message catalogues: every message has its French and its English text, and
// both name the same {parameters}, so that no answer falls back to a key or a hole.
import { describe, expect, it } from "vitest";
import { placeholdersOf, render } from "../../shared/i18n/catalogue";
import { SCHEMA_MESSAGES } from "../../shared/i18n/schema-messages";
import { SERVER_MESSAGES } from "../../server/src/i18n/messages";
import { acceptedLang, langFromEnv } from "../../server/src/http/request-lang";

describe.each([
  ["server messages", SERVER_MESSAGES],
  ["schema messages", SCHEMA_MESSAGES],
])("%s", (_name, catalogue) => {
  it.each(Object.entries(catalogue))("%s has both languages with the same parameters", (_key, entry) => {
    expect(entry.fr.trim()).not.toBe("");
    expect(entry.en.trim()).not.toBe("");
    expect(placeholdersOf(entry.en)).toEqual(placeholdersOf(entry.fr));
  });
});

describe("rendering and choosing the language", () => {
  it("fills the parameters", () => {
    expect(render(SERVER_MESSAGES["throttle.detail"].en, { minutes: 3 })).toBe("Too many sign-in attempts. Try again in 3 minute(s).");
  });

  it("reads Accept-Language by preference, French otherwise", () => {
    expect(acceptedLang(undefined)).toBe("fr");
    expect(acceptedLang("en")).toBe("en");
    expect(acceptedLang("en-GB,en;q=0.9,fr;q=0.8")).toBe("en");
    expect(acceptedLang("de-DE, fr;q=0.5, en;q=0.7")).toBe("en");
    expect(acceptedLang("de, es")).toBe("fr");
    expect(acceptedLang("en;q=0, fr")).toBe("fr");
  });

  it("reads the shell's language for the command-line tools", () => {
    expect(langFromEnv({ LANG: "en_GB.UTF-8" })).toBe("en");
    expect(langFromEnv({ LANG: "fr_FR.UTF-8" })).toBe("fr");
    expect(langFromEnv({ LANG: "C.UTF-8" })).toBe("fr");
    expect(langFromEnv({})).toBe("fr");
  });
});
