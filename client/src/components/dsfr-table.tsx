import type { ReactNode } from "react";

/**
 * The DSFR table markup around a <table>. With `scrollLabel`, the scrolling area is a
 * labelled region that takes the keyboard focus, so that a wide table can be scrolled.
 */
export function DsfrTable({ caption, scrollLabel, className = "", children }: { caption: ReactNode; scrollLabel?: string; className?: string; children: ReactNode }) {
  const focusable = scrollLabel ? { tabIndex: 0, role: "region", "aria-label": scrollLabel } : {};
  return (
    <div className={`fr-table fr-table--no-caption ${className}`.trim()}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container" {...focusable}>
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              {children}
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
