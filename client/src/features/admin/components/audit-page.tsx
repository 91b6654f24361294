import Button from "@codegouvfr/react-dsfr/Button";
import Input from "@codegouvfr/react-dsfr/Input";
import Pagination from "@codegouvfr/react-dsfr/Pagination";
import Select from "@codegouvfr/react-dsfr/Select";
import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import type { AuditEntry } from "@shared/audit";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { countOf, formatInstant } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useAudit, type AuditFilters } from "../api/admin-queries";

const ACTION_LABELS: Record<string, string> = {
  "login.succeeded": "Connexion",
  "login.failed": "Échec de connexion",
  logout: "Déconnexion",
  "user.created": "Compte créé",
  "user.updated": "Compte modifié",
  "user.password_reset": "Mot de passe réinitialisé",
  "challenge.mentors_updated": "Mentors d'un défi modifiés",
};
const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;

const TARGET_LABELS: Record<string, string> = { user: "Compte n°", challenge: "Défi " };
const SYSTEM_ACTORS: Record<string, string> = { cli: "Ligne de commande", bootstrap: "Démarrage du serveur" };

const FILTER_KEYS = ["actor", "action", "from", "to"] as const;

export default function AuditPage() {
  useDocumentTitle("Journal d'audit — Administration");
  const [params, setParams] = useSearchParams();
  const filters: AuditFilters = {
    ...Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? undefined])),
    page: Number(params.get("page") ?? 1) || 1,
  };
  const audit = useAudit(filters);
  const [draft, setDraft] = useState(() => Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ""])));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) if (draft[key]) next.set(key, draft[key]);
    setParams(next);
  };
  const pageCount = audit.data ? Math.max(1, Math.ceil(audit.data.total / audit.data.pageSize)) : 1;
  const pageLink = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return { to: `/admin/journal?${next}` };
  };

  return (
    <>
      <h1>Journal d'audit</h1>
      <p>Qui a fait quoi, quand, avec l'état avant et après chaque écriture. Les dates sont à l'heure de Paris.</p>
      <form onSubmit={apply} className="fr-grid-row fr-grid-row--gutters fr-mb-3w" aria-label="Filtrer le journal">
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Personne"
            hintText="Nom ou adresse électronique"
            nativeInputProps={{ value: draft.actor, onChange: (event) => setDraft({ ...draft, actor: event.target.value }) }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label="Action"
            nativeSelectProps={{ value: draft.action, onChange: (event) => setDraft({ ...draft, action: event.target.value }) }}
          >
            <option value="">Toutes les actions</option>
            {audit.data?.actions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(action)}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <Input
            label="Du"
            nativeInputProps={{ type: "date", value: draft.from, onChange: (event) => setDraft({ ...draft, from: event.target.value }) }}
          />
        </div>
        <div className="fr-col-6 fr-col-md-3">
          <Input
            label="Au"
            nativeInputProps={{ type: "date", value: draft.to, onChange: (event) => setDraft({ ...draft, to: event.target.value }) }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6 audit-filters__submit">
          <Button type="submit">Filtrer</Button>
        </div>
      </form>

      {audit.isPending && <Loading label="Chargement du journal…" />}
      {audit.isError && <ErrorAlert error={audit.error} />}
      {audit.data && (
        <>
          <p role="status">{countOf(audit.data.total, "entrée")}.</p>
          <div className="fr-table fr-table--no-caption">
            <div className="fr-table__wrapper">
              <div className="fr-table__container">
                <div className="fr-table__content">
                  <table>
                    <caption>Journal d'audit</caption>
                    <thead>
                      <tr>
                        <th scope="col">Date</th>
                        <th scope="col">Personne</th>
                        <th scope="col">Action</th>
                        <th scope="col">Cible</th>
                        <th scope="col">Détail</th>
                      </tr>
                    </thead>
                    <tbody>
                      {audit.data.items.map((entry) => (
                        <AuditRow key={entry.id} entry={entry} />
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
          </div>
          {pageCount > 1 && (
            <Pagination count={pageCount} defaultPage={filters.page} getPageLinkProps={pageLink} showFirstLast />
          )}
        </>
      )}
    </>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const hasDetail = entry.before !== null || entry.after !== null;
  return (
    <tr>
      <td>{formatInstant(entry.at)}</td>
      <td>
        {entry.actorName ?? (entry.actorEmail && SYSTEM_ACTORS[entry.actorEmail]) ?? "Inconnu"}
        {entry.actorEmail && !SYSTEM_ACTORS[entry.actorEmail] && <div className="fr-text--xs fr-mb-0">{entry.actorEmail}</div>}
      </td>
      <td>{actionLabel(entry.action)}</td>
      <td>{entry.targetType ? `${TARGET_LABELS[entry.targetType] ?? `${entry.targetType} `}${entry.targetId ?? ""}` : "—"}</td>
      <td>
        {hasDetail ? (
          <details>
            <summary>Avant / après</summary>
            <div className="audit-detail">
              <p className="fr-text--xs fr-mb-0">Avant</p>
              <pre>{JSON.stringify(entry.before, null, 2)}</pre>
              <p className="fr-text--xs fr-mb-0">Après</p>
              <pre>{JSON.stringify(entry.after, null, 2)}</pre>
            </div>
          </details>
        ) : (
          "—"
        )}
      </td>
    </tr>
  );
}
