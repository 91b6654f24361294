import Badge from "@codegouvfr/react-dsfr/Badge";
import Button from "@codegouvfr/react-dsfr/Button";
import { useState } from "react";
import { Link } from "react-router";
import type { Promotion } from "@shared/promotion";
import { useChallenges } from "../../../api/challenges";
import { usePromotions } from "../../../api/promotions";
import { ActionNoticeArea, type ActionNotice } from "../../../components/action-notice";
import { ErrorAlert, Loading } from "../../../components/query-state";
import { useI18n } from "../../../i18n/use-i18n";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useCreateChallenge, useCreatePromotion, useUpdatePromotion } from "../api/catalogue-writes";
import { challengeBody, ChallengeForm, PromotionForm } from "./catalogue-forms";

/** Admin: the promotions with their dates, a new promotion, and each promotion's challenges. */
export default function CataloguePage() {
  const { t } = useI18n();
  useDocumentTitle(t.admin.pageTitle(t.catalogue.title));
  const promotions = usePromotions();
  const [notice, setNotice] = useState<ActionNotice>();

  return (
    <>
      <h1>{t.catalogue.title}</h1>
      <p>{t.catalogue.intro}</p>
      <ActionNoticeArea notice={notice} onClose={() => setNotice(undefined)} />
      {promotions.isPending && <Loading label={t.catalogue.loading} />}
      {promotions.isError && <ErrorAlert error={promotions.error} />}
      {promotions.data && (
        <ul className="fr-raw-list">
          {promotions.data.map((promotion) => (
            <li key={promotion.key}>
              <PromotionSection promotion={promotion} onNotice={setNotice} />
            </li>
          ))}
        </ul>
      )}
      <AddPromotion onNotice={setNotice} />
    </>
  );
}

function AddPromotion({ onNotice }: { onNotice: (notice: ActionNotice) => void }) {
  const t = useI18n().t.catalogue;
  const create = useCreatePromotion();
  const [open, setOpen] = useState(false);
  // A fresh form after each promotion added.
  const [formKey, setFormKey] = useState(0);
  return (
    <section className="fr-mt-4w" aria-labelledby="add-promotion-title">
      <h2 id="add-promotion-title">{t.addPromotion}</h2>
      {!open ? (
        <Button iconId="fr-icon-add-line" onClick={() => setOpen(true)}>
          {t.addPromotion}
        </Button>
      ) : (
        <PromotionForm
          key={formKey}
          isNew
          initial={{ key: "", label: "", startsOn: "", endsOn: "", datesApproximate: false }}
          submit={t.createPromotion}
          pending={create.isPending}
          error={create.error}
          onCancel={() => setOpen(false)}
          onSubmit={(value) =>
            create.mutate(value, {
              onSuccess: (promotion) => {
                setOpen(false);
                setFormKey((n) => n + 1);
                onNotice({ severity: "success", title: t.promotionCreated(promotion.label) });
              },
            })
          }
        />
      )}
    </section>
  );
}

function PromotionSection({ promotion, onNotice }: { promotion: Promotion; onNotice: (notice: ActionNotice) => void }) {
  const { t: { catalogue: t }, f } = useI18n();
  const [mode, setMode] = useState<"view" | "edit" | "add">("view");
  const [showChallenges, setShowChallenges] = useState(false);
  const update = useUpdatePromotion();
  const create = useCreateChallenge();
  const headingId = `promotion-${promotion.key}`;

  return (
    <section className="fr-card fr-p-3w fr-mb-3w" aria-labelledby={headingId}>
      <h2 id={headingId} className="fr-h4 fr-mb-1w">
        {promotion.label}
      </h2>
      <p className="fr-mb-2w">
        {t.period(f.date(promotion.startsOn), f.date(promotion.endsOn))}
        {promotion.datesApproximate && (
          <>
            {" "}
            <Badge small severity="warning" noIcon>
              {t.approximateBadge}
            </Badge>
          </>
        )}
        {" · "}
        {t.challengeCount(promotion.challengeCount)}
      </p>
      {mode === "view" && (
        <div className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm fr-btns-group--icon-left">
          <Button size="small" priority="secondary" iconId="fr-icon-edit-line" onClick={() => setMode("edit")}>
            {t.editPromotion}
            <span className="fr-sr-only"> {promotion.label}</span>
          </Button>
          <Button size="small" priority="secondary" iconId="fr-icon-add-line" onClick={() => setMode("add")}>
            {t.addChallengeTo(promotion.label)}
          </Button>
          {promotion.challengeCount > 0 && (
            <Button
              size="small"
              priority="tertiary"
              nativeButtonProps={{ "aria-expanded": showChallenges, "aria-controls": `${headingId}-challenges` }}
              onClick={() => setShowChallenges((shown) => !shown)}
            >
              {t.showChallenges(promotion.challengeCount)}
            </Button>
          )}
        </div>
      )}
      {mode === "edit" && (
        <PromotionForm
          isNew={false}
          initial={{ ...promotion }}
          submit={t.save}
          pending={update.isPending}
          error={update.error}
          onCancel={() => {
            update.reset();
            setMode("view");
          }}
          onSubmit={({ label, startsOn, endsOn, datesApproximate }) =>
            update.mutate(
              { key: promotion.key, changes: { label, startsOn, endsOn, datesApproximate } },
              {
                onSuccess: (saved) => {
                  setMode("view");
                  onNotice({ severity: "success", title: t.promotionSaved(saved.label) });
                },
              },
            )
          }
        />
      )}
      {mode === "add" && (
        <>
          <h3 className="fr-h6">{t.addChallengeTo(promotion.label)}</h3>
          <ChallengeForm
            isNew
            initial={{
              title: "",
              administration: "",
              administrationWebsite: "",
              website: "",
              sourceCode: "",
              city: "",
              startsOn: promotion.startsOn,
              endsOn: promotion.endsOn,
              datesApproximate: promotion.datesApproximate,
            }}
            submit={t.createChallenge}
            pending={create.isPending}
            error={create.error}
            onCancel={() => {
              create.reset();
              setMode("view");
            }}
            onSubmit={(value) =>
              create.mutate(
                { promotion: promotion.key, challenge: challengeBody(value) },
                {
                  onSuccess: (created) => {
                    setMode("view");
                    setShowChallenges(true);
                    onNotice({
                      severity: "success",
                      title: t.challengeCreated(created.title),
                      description: <Link to={`/defis/${created.slug}`}>{created.title}</Link>,
                    });
                  },
                },
              )
            }
          />
        </>
      )}
      {showChallenges && mode === "view" && <PromotionChallenges promotion={promotion} id={`${headingId}-challenges`} />}
    </section>
  );
}

function PromotionChallenges({ promotion, id }: { promotion: Promotion; id: string }) {
  const t = useI18n().t.catalogue;
  const challenges = useChallenges({ promotion: promotion.key });
  if (challenges.isPending) return <Loading label={t.loading} />;
  if (challenges.isError) return <ErrorAlert error={challenges.error} />;
  return (
    <ul id={id} className="fr-mt-2w" aria-label={t.challengesOf(promotion.label)}>
      {challenges.data.map((challenge) => (
        <li key={challenge.slug}>
          <Link to={`/defis/${challenge.slug}`}>{challenge.title}</Link>
          {" · "}
          <Link className="fr-link fr-link--sm" to={`/admin/catalogue/defis/${challenge.slug}`} aria-label={t.editChallengeOf(challenge.title)}>
            {t.editChallenge}
          </Link>
        </li>
      ))}
    </ul>
  );
}
