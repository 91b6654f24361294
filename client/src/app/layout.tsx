import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { Suspense } from "react";
import { Outlet, useLocation } from "react-router";
import { Loading } from "../components/query-state";

const brandTop = (
  <>
    République
    <br />
    Française
  </>
);

export function Layout() {
  const { pathname } = useLocation();
  return (
    <>
      <SkipLinks
        links={[
          { label: "Contenu", anchor: "#contenu" },
          { label: "Menu", anchor: "#header-navigation" },
          { label: "Pied de page", anchor: "#pied-de-page" },
        ]}
      />
      <Header
        brandTop={brandTop}
        serviceTitle="Suivi de pérennisation des défis EIG"
        serviceTagline="Entrepreneurs d'intérêt général : ce que deviennent les défis"
        homeLinkProps={{ to: "/", title: "Accueil — Suivi de pérennisation des défis EIG" }}
        navigation={[
          { text: "Tableau de bord", linkProps: { to: "/" }, isActive: pathname === "/" },
          { text: "Défis", linkProps: { to: "/defis" }, isActive: pathname.startsWith("/defis") },
        ]}
      />
      <main id="contenu" className="fr-container fr-pt-3w fr-pb-6w" tabIndex={-1}>
        <Suspense fallback={<Loading label="Chargement de la page…" />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer
        id="pied-de-page"
        accessibility="non compliant"
        contentDescription="Outil du programme Entrepreneurs d'intérêt général pour suivre la pérennisation des défis : mise en production, transmission et fiabilisation. Données du catalogue public du programme."
      />
    </>
  );
}
