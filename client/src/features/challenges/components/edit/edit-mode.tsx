import Button from "@codegouvfr/react-dsfr/Button";
import { useEffect, useRef } from "react";
import type { ChallengeDetail } from "@shared/challenge";
import { ChecklistEditor } from "./checklist-editor";
import { focusSoon } from "./form-kit";
import { OutcomeForm } from "./outcome-form";
import { ActionsEditor } from "./plan-editors/action-editor";
import { AlliesEditor } from "./plan-editors/ally-editor";
import { ResourcesEditor } from "./plan-editors/resource-editor";
import { ScenariosEditor } from "./plan-editors/scenario-editor";
import { StatusForms } from "./status-forms";
import { useI18n } from "../../../../i18n/use-i18n";

const PARTS = [
  ["maj-statut", "status"],
  ["maj-resultat", "outcome"],
  ["maj-actions", "actions"],
  ["maj-scenarios", "scenarios"],
  ["maj-allies", "allies"],
  ["maj-moyens", "resources"],
  ["maj-passation", "checklist"],
] as const;

/** The edit mode of a challenge page, for its mentors and the programme team. Its own chunk: readers never load it. */
export default function EditMode({
  challenge,
  focusOnOpen,
  onClose,
}: {
  challenge: ChallengeDetail;
  focusOnOpen: boolean;
  onClose: () => void;
}) {
  const t = useI18n().t.edit.mode;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    // Straight to the first field (the first axis's new level): the mentor came to type.
    if (focusOnOpen) focusSoon(() => sectionRef.current?.querySelector<HTMLElement>("input, select, textarea") ?? headingRef.current);
    // Only when the mode opens, not at each refresh of the challenge.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <section ref={sectionRef} id="mise-a-jour" aria-labelledby="mise-a-jour-titre" className="edit-mode fr-mb-6w">
      <div className="section-header">
        <h2 id="mise-a-jour-titre" ref={headingRef} tabIndex={-1}>
          {t.title}
        </h2>
        <Button priority="secondary" iconId="fr-icon-close-line" onClick={onClose}>
          {t.close}
        </Button>
      </div>
      <p>{t.intro}</p>
      <nav aria-label={t.nav} className="fr-mb-4w">
        <ul className="edit-mode__parts">
          {PARTS.map(([anchor, part]) => (
            <li key={anchor}>
              <a className="fr-link" href={`#${anchor}`}>
                {t.parts[part]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <StatusForms challenge={challenge} />
      <OutcomeForm challenge={challenge} />
      <div id="maj-actions">
        <ActionsEditor challenge={challenge} />
      </div>
      <div id="maj-scenarios">
        <ScenariosEditor challenge={challenge} />
      </div>
      <div id="maj-allies">
        <AlliesEditor challenge={challenge} />
      </div>
      <div id="maj-moyens">
        <ResourcesEditor challenge={challenge} />
      </div>
      <ChecklistEditor challenge={challenge} />
    </section>
  );
}
