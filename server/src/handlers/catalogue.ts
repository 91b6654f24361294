// The programme team corrects and extends the catalogue: promotions and challenges.
import { ConflictError, NotFoundError, ValidationError } from "../http/errors";
import { recordAudit } from "../repositories/audit";
import {
  durationMonths,
  findChallengeRecord,
  findPromotion,
  insertChallenge,
  insertPromotion,
  uniqueSlug,
  updateChallenge,
  updatePromotion,
  type ChallengeRecord,
} from "../repositories/catalogue";
import { listPromotions } from "../repositories/promotions";
import type {
  ChallengePatch,
  challengePatchSchema,
  newChallengeSchema,
  newPromotionSchema,
  promotionKeyParamsSchema,
  promotionPatchSchema,
} from "@shared/catalogue";
import type { Ctx, Deps, Input } from "./context";
import { t } from "../i18n/messages";
import { schemaMessage } from "@shared/i18n/schema-messages";

/** A patch may give one date only: the pair it makes with the stored one must still be in order. */
function assertDatesInOrder(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw new ValidationError([{ path: "body.endsOn", message: schemaMessage("catalogue.endBeforeStart") }]);
}

function assertChallengeLength(startsOn: string, endsOn: string): void {
  if (durationMonths(startsOn, endsOn) > 36) {
    throw new ValidationError([{ path: "body.endsOn", message: t("catalogue.challengeTooLong") }]);
  }
}

/** Only what changed, before and after, for the audit log. */
function changedFields<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const keys = (Object.keys(after) as (keyof T)[]).filter((key) => before[key] !== after[key]);
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])) as Partial<T>,
    after: Object.fromEntries(keys.map((key) => [key, after[key]])) as Partial<T>,
  };
}

export const postPromotion =
  ({ db }: Deps) =>
  ({ body }: Input<{ body: typeof newPromotionSchema }>, ctx: Ctx) => {
    const promotion = db.transaction(() => {
      if (findPromotion(db, body.key)) throw new ConflictError(t("catalogue.promotionExists", { key: body.key }));
      insertPromotion(db, body);
      recordAudit(db, {
        ...ctx.audit,
        action: "promotion.created",
        targetType: "promotion",
        targetId: body.key,
        after: body,
      });
      return listPromotions(db).find((item) => item.key === body.key)!;
    });
    return promotion;
  };

export const patchPromotion =
  ({ db }: Deps) =>
  ({ params: { key }, body: patch }: Input<{ params: typeof promotionKeyParamsSchema; body: typeof promotionPatchSchema }>, ctx: Ctx) => {
    const promotion = db.transaction(() => {
      const before = findPromotion(db, key);
      if (!before) throw new NotFoundError(t("catalogue.promotionUnknown"));
      const after = {
        label: patch.label ?? before.label,
        startsOn: patch.startsOn ?? before.startsOn,
        endsOn: patch.endsOn ?? before.endsOn,
        datesApproximate: patch.datesApproximate ?? before.datesApproximate,
      };
      assertDatesInOrder(after.startsOn, after.endsOn);
      const { key: _key, year: _year, ...current } = before;
      const changes = changedFields(current, after);
      if (Object.keys(changes.after).length > 0) {
        updatePromotion(db, before, after);
        recordAudit(db, { ...ctx.audit, action: "promotion.updated", targetType: "promotion", targetId: key, ...changes });
      }
      return listPromotions(db).find((item) => item.key === key)!;
    });
    return promotion;
  };

const challengeFields = (record: ChallengeRecord) => {
  const { id: _id, slug: _slug, promotion: _promotion, ...fields } = record;
  return fields;
};

export const postChallenge =
  ({ db }: Deps) =>
  ({ params: { key }, body }: Input<{ params: typeof promotionKeyParamsSchema; body: typeof newChallengeSchema }>, ctx: Ctx) => {
    const created = db.transaction(() => {
      if (!findPromotion(db, key)) throw new NotFoundError(t("catalogue.promotionUnknown"));
      assertChallengeLength(body.startsOn, body.endsOn);
      const fields = {
        title: body.title,
        administration: body.administration,
        administrationWebsite: body.administrationWebsite ?? null,
        website: body.website ?? null,
        sourceCode: body.sourceCode ?? null,
        city: body.city ?? null,
        startsOn: body.startsOn,
        endsOn: body.endsOn,
        datesApproximate: body.datesApproximate,
      };
      const slug = uniqueSlug(db, body.title);
      insertChallenge(db, slug, key, fields);
      recordAudit(db, {
        ...ctx.audit,
        action: "challenge.created",
        targetType: "challenge",
        targetId: slug,
        after: { promotion: key, ...fields },
      });
      return { slug, title: body.title, promotion: key };
    });
    return created;
  };

export const patchChallenge =
  ({ db }: Deps) =>
  ({ body: patch }: Input<{ body: typeof challengePatchSchema }>, ctx: Ctx) => {
    const { slug } = ctx.challenge;
    const record = db.transaction(() => {
      const before = findChallengeRecord(db, slug);
      if (!before) throw new NotFoundError(t("catalogue.challengeUnknown"));
      const current = challengeFields(before);
      // undefined: not given, keep; null (or ""): cleared.
      const pick = <K extends keyof typeof current>(field: K) =>
        (patch[field as keyof ChallengePatch] === undefined ? current[field] : patch[field as keyof ChallengePatch]) as (typeof current)[K];
      const after = {
        title: pick("title"),
        administration: pick("administration"),
        administrationWebsite: pick("administrationWebsite"),
        website: pick("website"),
        sourceCode: pick("sourceCode"),
        city: pick("city"),
        startsOn: pick("startsOn"),
        endsOn: pick("endsOn"),
        datesApproximate: pick("datesApproximate"),
      };
      assertDatesInOrder(after.startsOn, after.endsOn);
      assertChallengeLength(after.startsOn, after.endsOn);
      const changes = changedFields(current, after);
      if (Object.keys(changes.after).length > 0) {
        updateChallenge(db, before.id, after);
        recordAudit(db, { ...ctx.audit, action: "challenge.updated", targetType: "challenge", targetId: slug, ...changes });
      }
      return findChallengeRecord(db, slug)!;
    });
    const { id: _id, ...answer } = record;
    return answer;
  };
