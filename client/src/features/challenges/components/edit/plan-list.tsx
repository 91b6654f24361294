import Button from "@codegouvfr/react-dsfr/Button";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { planConflictOf, useCreatePlanItem, useDeletePlanItem, usePatchPlanItem, type PlanKind, type PlanKinds } from "../../api/plan-writes";
import { useI18n } from "../../../../i18n/use-i18n";
import { focusFirstProblem, focusSoon, FormProblem, LiveNotice } from "./form-kit";

interface FieldsProps<K extends PlanKind, Draft> {
  draft: Draft;
  setDraft: (draft: Draft) => void;
  error: unknown;
  /** Makes ids and radio names unique when the add form and an edit form are open together. */
  idPrefix: string;
  /** The item edited; none in the add form. */
  item?: PlanKinds[K]["item"];
}

export interface PlanListProps<K extends PlanKind, Draft> {
  slug: string;
  kind: K;
  items: PlanKinds[K]["item"][];
  title: string;
  intro?: ReactNode;
  emptyText: string;
  /** "l'action « Démo »": completes "Modifier", "Supprimer" and the notices. */
  nameOf: (item: PlanKinds[K]["item"]) => string;
  /** Agreement of the past participles in the notices ("ajoutée", "ajouté"). */
  feminine: boolean;
  addTitle: string;
  addButton: string;
  /** Why nothing more can be added, when that is so. */
  addBlocked?: string;
  emptyDraft: Draft;
  draftOf: (item: PlanKinds[K]["item"]) => Draft;
  toCreate: (draft: Draft) => PlanKinds[K]["create"];
  toPatch: (draft: Draft) => PlanKinds[K]["patch"];
  /** Body fields the form shows, so that their errors go under them. */
  fields: string[];
  /** Called as a function, not mounted as a component: typing must not remount the fields. */
  renderFields: (props: FieldsProps<K, Draft>) => ReactNode;
  renderItem: (item: PlanKinds[K]["item"]) => ReactNode;
  /** Controls that act at once on an item (a status, a flag), beside "Modifier": return elements, not hooks. */
  renderControls?: (item: PlanKinds[K]["item"], report: Reporter) => ReactNode;
}

export interface Reporter {
  success: (message: string) => void;
  failure: (error: unknown) => void;
}

/** A list of the sustainability plan, each item editable in place, with a form to add one. */
export function PlanList<K extends PlanKind, Draft>(props: PlanListProps<K, Draft>) {
  const { kind, items, title, nameOf, feminine } = props;
  const { t: { edit: { list: t, form }, common: { sending } } } = useI18n();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const remove = useDeletePlanItem(kind);
  const [editing, setEditing] = useState<number>();
  const [deleting, setDeleting] = useState<number>();
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const editButtonId = (id: number) => `${kind}-${id}-modifier`;

  const report: Reporter = {
    success: (message) => {
      setFailure(undefined);
      setNotice(message);
    },
    failure: (error) => {
      setNotice(undefined);
      setFailure(error);
    },
  };

  const confirmDelete = (item: PlanKinds[K]["item"]) =>
    remove.mutate({ id: item.id, version: item.version }, {
      onSuccess: () => {
        setDeleting(undefined);
        report.success(t.deleted(nameOf(item), feminine));
        focusSoon(() => headingRef.current);
      },
      onError: report.failure,
    });

  return (
    <section aria-labelledby={headingId} className="fr-mb-6w">
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      {props.intro}
      <FormProblem error={failure} fields={[]} title={t.failed} />
      <LiveNotice message={notice} />
      {items.length === 0 ? (
        <p className="fr-mt-2w">{props.emptyText}</p>
      ) : (
        <ul className="plan-list">
          {items.map((item) => (
            <li key={item.id} className="plan-item">
              {editing === item.id ? (
                <ItemForm
                  {...props}
                  label={t.modifyLabel(nameOf(item))}
                  initial={props.draftOf(item)}
                  submitLabel={form.save}
                  item={item}
                  onDone={(message) => {
                    setEditing(undefined);
                    if (message) report.success(message);
                    focusSoon(() => document.getElementById(editButtonId(item.id)));
                  }}
                />
              ) : (
                <>
                  <div className="plan-item__body">{props.renderItem(item)}</div>
                  <div className="plan-item__controls">
                    {props.renderControls?.(item, report)}
                    <div className="button-row">
                      <Button
                        id={editButtonId(item.id)}
                        size="small"
                        priority="secondary"
                        iconId="fr-icon-edit-line"
                        onClick={() => {
                          setDeleting(undefined);
                          setEditing(item.id);
                        }}
                      >
                        {t.modify}<span className="fr-sr-only"> {nameOf(item)}</span>
                      </Button>
                      {deleting === item.id ? (
                        <>
                          <Button
                            id={`${kind}-${item.id}-confirmer`}
                            size="small"
                            iconId="fr-icon-delete-line"
                            disabled={remove.isPending}
                            onClick={() => confirmDelete(item)}
                          >
                            {remove.isPending ? sending : t.confirmDelete}<span className="fr-sr-only">{t.ofName(nameOf(item))}</span>
                          </Button>
                          <Button
                            size="small"
                            priority="tertiary"
                            onClick={() => {
                              setDeleting(undefined);
                              focusSoon(() => document.getElementById(`${kind}-${item.id}-supprimer`));
                            }}
                          >
                            {form.cancel}
                          </Button>
                        </>
                      ) : (
                        <Button
                          id={`${kind}-${item.id}-supprimer`}
                          size="small"
                          priority="tertiary"
                          iconId="fr-icon-delete-line"
                          onClick={() => {
                            setDeleting(item.id);
                            focusSoon(() => document.getElementById(`${kind}-${item.id}-confirmer`));
                          }}
                        >
                          {t.delete}<span className="fr-sr-only"> {nameOf(item)}</span>
                        </Button>
                      )}
                    </div>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.addBlocked ? (
        <p className="fr-text--sm fr-mt-2w">{props.addBlocked}</p>
      ) : (
        <ItemForm
          {...props}
          label={props.addTitle}
          showTitle
          initial={props.emptyDraft}
          submitLabel={props.addButton}
          onDone={(message) => message && report.success(message)}
        />
      )}
    </section>
  );
}

type ItemFormProps<K extends PlanKind, Draft> = PlanListProps<K, Draft> & {
  label: string;
  showTitle?: boolean;
  initial: Draft;
  submitLabel: string;
  /** The item edited; none when adding one. */
  item?: PlanKinds[K]["item"];
  /** Called with the notice to give, or nothing when cancelled. */
  onDone: (message?: string) => void;
};

function ItemForm<K extends PlanKind, Draft>(props: ItemFormProps<K, Draft>) {
  const { slug, kind, item, nameOf, feminine } = props;
  const { t: { edit: { list: t, form }, common: { sending } } } = useI18n();
  const idPrefix = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const conflictRef = useRef<HTMLDivElement>(null);
  const create = useCreatePlanItem(slug, kind);
  const patch = usePatchPlanItem(kind);
  const [draft, setDraft] = useState(props.initial);
  // The version this form was filled from: saved only if nobody changed the item since.
  const [baseVersion, setBaseVersion] = useState(item?.version);
  // Named as the editor opened it: the list refreshes under the form after a conflict.
  const [openedName] = useState(() => (item ? nameOf(item) : ""));
  const mutation = item ? patch : create;
  const conflict = item ? planConflictOf<K>(patch.error) : undefined;

  const save = (version: number) => {
    if (!item) return;
    patch.mutate(
      { id: item.id, version, patch: props.toPatch(draft) },
      {
        onSuccess: (saved) => props.onDone(t.modified(nameOf(saved), feminine)),
        onError: (error) => {
          if (planConflictOf(error)) focusSoon(() => conflictRef.current);
          else focusFirstProblem(formRef.current);
        },
      },
    );
  };

  const keepCurrent = (current: PlanKinds[K]["item"]) => {
    setDraft(props.draftOf(current));
    setBaseVersion(current.version);
    patch.reset();
    focusSoon(() => formRef.current?.querySelector<HTMLElement>("input, select, textarea"));
  };

  // An edit form opens with the focus on its first field.
  const editing = item !== undefined;
  useEffect(() => {
    if (editing) formRef.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, [editing]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const onError = () => focusFirstProblem(formRef.current);
    if (item) {
      save(baseVersion ?? item.version);
    } else {
      create.mutate(props.toCreate(draft), {
        onSuccess: (created) => {
          setDraft(props.initial);
          props.onDone(t.added(nameOf(created), feminine));
        },
        onError,
      });
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      aria-labelledby={props.showTitle ? `${idPrefix}-titre` : undefined}
      aria-label={props.showTitle ? undefined : props.label}
      className={props.showTitle ? "edit-card fr-mt-3w" : "plan-item__form"}
    >
      {props.showTitle && (
        <h4 id={`${idPrefix}-titre`} className="fr-h6">
          {props.label}
        </h4>
      )}
      {conflict && (
        <div ref={conflictRef} tabIndex={-1} className="fr-mb-2w">
          {/* The DSFR alert's markup, not its component: the item's rendering holds blocks a <p> cannot. */}
          <div className="fr-alert fr-alert--warning fr-alert--sm">
            <p className="fr-text--bold">{t.conflict(openedName)}</p>
            <div className="plan-conflict__current">{props.renderItem(conflict)}</div>
            <div className="plan-conflict__actions">
              <Button type="button" size="small" onClick={() => save(conflict.version)} disabled={patch.isPending}>
                {t.conflictApply}
              </Button>
              <Button type="button" size="small" priority="secondary" onClick={() => keepCurrent(conflict)}>
                {t.conflictKeep}
              </Button>
            </div>
          </div>
        </div>
      )}
      {props.renderFields({ draft, setDraft, error: mutation.error, idPrefix, item })}
      {!conflict && <FormProblem error={mutation.error} fields={props.fields} />}
      <div className="button-row">
        <Button type="submit" size={item ? "small" : "medium"} disabled={mutation.isPending}>
          {mutation.isPending ? sending : props.submitLabel}
          {item && <span className="fr-sr-only"> {nameOf(item)}</span>}
        </Button>
        {item && (
          <Button type="button" size="small" priority="secondary" onClick={() => props.onDone()}>
            {form.cancel}
          </Button>
        )}
      </div>
    </form>
  );
}
