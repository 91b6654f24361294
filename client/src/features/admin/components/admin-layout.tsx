import SideMenu from "@codegouvfr/react-dsfr/SideMenu";
import { Outlet, useLocation } from "react-router";
import { useI18n } from "../../../i18n/use-i18n";

const sections = [
  { key: "users", to: "/admin/comptes" },
  { key: "mentors", to: "/admin/mentors" },
  { key: "catalogue", to: "/admin/catalogue" },
  { key: "audit", to: "/admin/journal" },
  { key: "campaigns", to: "/admin/campagnes" },
  { key: "review", to: "/admin/a-valider" },
  { key: "snapshots", to: "/admin/instantanes" },
] as const;

export default function AdminLayout() {
  const { pathname } = useLocation();
  const { t: { admin: t, review, snapshots, catalogue } } = useI18n();
  const labels = { ...t.sections, review: review.title, snapshots: snapshots.menu, catalogue: catalogue.menu };
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-3">
        <SideMenu
          align="left"
          burgerMenuButtonText={t.menu}
          title={t.title}
          items={sections.map((section) => ({
            text: labels[section.key],
            linkProps: { to: section.to },
            isActive: pathname === section.to || pathname.startsWith(`${section.to}/`),
          }))}
        />
      </div>
      <div className="fr-col-12 fr-col-md-9">
        <Outlet />
      </div>
    </div>
  );
}
