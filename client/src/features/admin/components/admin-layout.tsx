import SideMenu from "@codegouvfr/react-dsfr/SideMenu";
import { Outlet, useLocation } from "react-router";

const sections = [
  { text: "Comptes", to: "/admin/comptes" },
  { text: "Mentors des défis", to: "/admin/mentors" },
  { text: "Journal d'audit", to: "/admin/journal" },
];

export default function AdminLayout() {
  const { pathname } = useLocation();
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <div className="fr-col-12 fr-col-md-3">
        <SideMenu
          align="left"
          burgerMenuButtonText="Sections de l'administration"
          title="Administration"
          items={sections.map((section) => ({
            text: section.text,
            linkProps: { to: section.to },
            isActive: pathname === section.to,
          }))}
        />
      </div>
      <div className="fr-col-12 fr-col-md-9">
        <Outlet />
      </div>
    </div>
  );
}
