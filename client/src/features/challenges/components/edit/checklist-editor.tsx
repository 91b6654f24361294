import Button from "@codegouvfr/react-dsfr/Button";
import Input from "@codegouvfr/react-dsfr/Input";
import { HTTPS_URL_PATTERN } from "@shared/common";
import { useId, useRef, useState, type FormEvent } from "react";
import type { ChallengeDetail, ChecklistItem } from "@shared/challenge";
import { CHECKLIST_GROUPS, CHECKLIST_ITEMS, type ChecklistItemKey } from "@shared/domain";
import { useI18n } from "../../../../i18n/use-i18n";
import { useSetChecklistItem } from "../../api/plan-writes";
import { fieldState, focusFirstProblem, FormProblem, LiveNotice, orNull } from "./form-kit";

interface Report {
  success: (message: string) => void;
  failure: (error: unknown) => void;
}

/** The end-of-challenge handover checklist: the evidence behind the transmission axis. */
export function ChecklistEditor({ challenge }: { challenge: ChallengeDetail }) {
  const { t: { edit: { checklist: t, mode } }, l } = useI18n();
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const byKey = new Map(challenge.checklist.map((item) => [item.key, item]));
  const doneCount = CHECKLIST_ITEMS.filter((key) => byKey.get(key)?.done).length;
  const report: Report = {
    success: (message) => {
      setFailure(undefined);
      setNotice(message);
    },
    failure: (error) => {
      setNotice(undefined);
      setFailure(error);
    },
  };

  return (
    <section aria-labelledby="maj-passation" className="fr-mb-6w">
      <h3 id="maj-passation">{mode.parts.checklist}</h3>
      <p>{t.intro}</p>
      <p>
        <strong>
          {t.done(doneCount, CHECKLIST_ITEMS.length)}
        </strong>
      </p>
      <FormProblem error={failure} fields={[]} title={t.failed} />
      <LiveNotice message={notice} />
      <div className="fr-grid-row fr-grid-row--gutters fr-mt-1w">
        {CHECKLIST_GROUPS.map((group) => {
          const done = group.items.filter((key) => byKey.get(key)?.done).length;
          return (
            <div key={group.key} className="fr-col-12 fr-col-md-6">
              <fieldset className="fr-fieldset checklist-group">
                <legend className="fr-fieldset__legend">
                  {l.CHECKLIST_GROUP_LABELS[group.key]}
                  <span className="fr-hint-text">
                    {t.groupDone(done, group.items.length)}
                  </span>
                </legend>
                {group.items.map((key) => (
                  <ChecklistRow key={key} slug={challenge.slug} itemKey={key} item={byKey.get(key)} report={report} />
                ))}
              </fieldset>
            </div>
          );
        })}
      </div>
    </section>
  );
}

function ChecklistRow({
  slug,
  itemKey,
  item,
  report,
}: {
  slug: string;
  itemKey: ChecklistItemKey;
  item: ChecklistItem | undefined;
  report: Report;
}) {
  const { t: { edit: { checklist: t }, common }, l } = useI18n();
  const id = useId();
  const set = useSetChecklistItem(slug);
  const label = l.CHECKLIST_ITEM_LABELS[itemKey];
  const done = item?.done ?? false;
  const link = item?.link ?? null;

  return (
    <div className="fr-fieldset__element checklist-item">
      <div className="fr-checkbox-group fr-checkbox-group--sm">
        <input
          type="checkbox"
          id={id}
          checked={done}
          onChange={(event) => {
            const checked = event.target.checked;
            set.mutate(
              { key: itemKey, update: { done: checked, link } },
              {
                onSuccess: () => report.success(t.itemSet(label, checked)),
                onError: report.failure,
              },
            );
          }}
        />
        <label className="fr-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {link && (
        <p className="fr-text--sm fr-mb-1w checklist-item__link">
          <a href={link} target="_blank" rel="noopener noreferrer">
            {t.seeDocument}<span className="fr-sr-only">{t.documentFor(label, common.newWindow)}</span>
          </a>
        </p>
      )}
      {done && <ChecklistLinkForm slug={slug} itemKey={itemKey} label={label} link={link} report={report} />}
    </div>
  );
}

function ChecklistLinkForm({
  slug,
  itemKey,
  label,
  link,
  report,
}: {
  slug: string;
  itemKey: ChecklistItemKey;
  label: string;
  link: string | null;
  report: Report;
}) {
  const { t: { edit: { checklist: t, form }, common: { sending } } } = useI18n();
  const set = useSetChecklistItem(slug);
  const formRef = useRef<HTMLFormElement>(null);
  const [value, setValue] = useState(link ?? "");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    set.mutate(
      { key: itemKey, update: { done: true, link: orNull(value) } },
      {
        onSuccess: (saved) => report.success(saved.link ? t.linkSaved(label) : t.linkRemoved(label)),
        onError: () => focusFirstProblem(formRef.current),
      },
    );
  };

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="checklist-link">
      <Input
        label={
          <>
            {t.link}<span className="fr-sr-only">{t.forLabel(label)}</span>
          </>
        }
        hintText={form.httpsOnly}
        {...fieldState(set.error, "link")}
        nativeInputProps={{
          type: "url",
          inputMode: "url",
          pattern: HTTPS_URL_PATTERN,
          placeholder: "https://",
          value,
          onChange: (event) => setValue(event.target.value),
        }}
      />
      <FormProblem error={set.error} fields={["link"]} />
      <Button type="submit" size="small" priority="secondary" disabled={set.isPending || value === (link ?? "")}>
        {set.isPending ? sending : t.saveLink}<span className="fr-sr-only">{t.forLabel(label)}</span>
      </Button>
    </form>
  );
}
