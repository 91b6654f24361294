import Button from "@codegouvfr/react-dsfr/Button";
import { useEffect, useRef, useState, type RefObject } from "react";
import { useI18n } from "../i18n/use-i18n";

/** Selects the element's text, so that the person can copy it by hand. */
function selectContents(element: HTMLElement | null): void {
  const selection = window.getSelection();
  if (!element || !selection) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Copies `text` to the clipboard and says « Copié » in a polite live region. When the browser
 * refuses (no permission, no secure context), the text shown in `source` is selected instead
 * and the message says to copy it by hand.
 */
export function CopyButton({ text, label, source }: { text: string; label: string; source: RefObject<HTMLElement | null> }) {
  const { t } = useI18n();
  const [state, setState] = useState<"idle" | "copied" | "refused">("idle");
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = async () => {
    window.clearTimeout(timer.current);
    try {
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setState("copied");
      // The confirmation goes away after a while; the next click announces it again.
      timer.current = window.setTimeout(() => setState("idle"), 4000);
    } catch {
      selectContents(source.current);
      setState("refused");
    }
  };
  return (
    <span className="copy-button">
      <Button type="button" priority="secondary" size="small" iconId="fr-icon-clipboard-line" iconPosition="left" onClick={() => void copy()}>
        {label}
      </Button>
      <span aria-live="polite" className="copy-button__status fr-text--sm fr-mb-0">
        {state === "copied" ? t.common.copied : state === "refused" ? t.common.copyRefused : ""}
      </span>
    </span>
  );
}

/** A one-time text (a link) shown whole, with its copy button. */
export function CopyableText({ text, label }: { text: string; label: string }) {
  const source = useRef<HTMLElement>(null);
  return (
    <span className="copyable-text">
      <code ref={source} className="copyable-text__value">
        {text}
      </code>
      <CopyButton text={text} label={label} source={source} />
    </span>
  );
}
