import SideMenu from "@codegouvfr/react-dsfr/SideMenu";
import { Outlet, useLocation } from "react-router";
import { useI18n } from "../../../i18n/use-i18n";

const sections = [
  { key: "users", to: "/admin/comptes" },
  { key: "mentors", to: "/admin/mentors" },
  { key: "audit", to: "/admin/journal" },
] as const;

export default function AdminLayout() {
  const { pathname } = useLocation();
  const { admin: t, snapshots } = useI18n().t;
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-3">
        <SideMenu
          align="left"
          burgerMenuButtonText={t.menu}
          title={t.title}
          items={[
            ...sections.map((section) => ({
              text: t.sections[section.key],
              linkProps: { to: section.to },
              isActive: pathname === section.to,
            })),
            { text: snapshots.menu, linkProps: { to: "/admin/instantanes" }, isActive: pathname === "/admin/instantanes" },
          ]}
        />
      </div>
      <div className="fr-col-12 fr-col-md-9">
        <Outlet />
      </div>
    </div>
  );
}
