import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Notice } from "@codegouvfr/react-dsfr/Notice";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { Suspense } from "react";
import { Outlet, useLocation, useNavigate } from "react-router";
import { ROLE_LABELS } from "@shared/labels-fr";
import { useCurrentUser, useLogout } from "../api/session";
import { useMeta } from "../api/meta";
import { Loading } from "../components/query-state";

const brandTop = (
  <>
    République
    <br />
    Française
  </>
);

// react-dsfr names the main navigation after the header's id: the skip link targets it.
const HEADER_ID = "en-tete";

export function Layout() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const user = useCurrentUser().data;
  const logout = useLogout();

  const navigation = user
    ? [
        { text: "Tableau de bord", linkProps: { to: "/" }, isActive: pathname === "/" },
        ...(user.role === "mentor" || user.role === "admin"
          ? [{ text: "Mes défis", linkProps: { to: "/mes-defis" }, isActive: pathname === "/mes-defis" }]
          : []),
        { text: "Défis", linkProps: { to: "/defis" }, isActive: pathname.startsWith("/defis") },
        ...(user.role === "admin"
          ? [{ text: "Administration", linkProps: { to: "/admin/comptes" }, isActive: pathname.startsWith("/admin") }]
          : []),
      ]
    : undefined;

  return (
    <>
      <SkipLinks
        links={[
          { label: "Contenu", anchor: "#contenu" },
          ...(navigation ? [{ label: "Menu", anchor: `#${HEADER_ID}-main-navigation` }] : []),
          { label: "Pied de page", anchor: "#pied-de-page" },
        ]}
      />
      <Header
        id={HEADER_ID}
        brandTop={brandTop}
        serviceTitle="Suivi de pérennisation des défis EIG"
        serviceTagline="Entrepreneurs d'intérêt général : ce que deviennent les défis"
        homeLinkProps={{ to: "/", title: "Accueil — Suivi de pérennisation des défis EIG" }}
        navigation={navigation}
        quickAccessItems={
          user
            ? [
                <span key="user" className="fr-btn fr-icon-account-circle-line header-user">
                  {user.name} · {ROLE_LABELS[user.role]}
                </span>,
                {
                  iconId: "fr-icon-logout-box-r-line",
                  text: "Se déconnecter",
                  buttonProps: {
                    disabled: logout.isPending,
                    onClick: () => logout.mutate(undefined, { onSettled: () => navigate("/connexion") }),
                  },
                },
              ]
            : [{ iconId: "fr-icon-lock-line", text: "Se connecter", linkProps: { to: "/connexion" } }]
        }
      />
      {user && <SyntheticDataNotice />}
      <main id="contenu" className="fr-container fr-pt-3w fr-pb-6w" tabIndex={-1}>
        <Suspense fallback={<Loading label="Chargement de la page…" />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer
        id="pied-de-page"
        accessibility="non compliant"
        contentDescription="Outil du programme Entrepreneurs d'intérêt général pour suivre la pérennisation des défis : mise en production, transmission et fiabilisation. Données du catalogue public du programme."
        bottomItems={
          user
            ? [
                { text: "Rapport imprimable", linkProps: { to: "/rapport" } },
                { text: "Documentation de l'API", linkProps: { to: "/documentation-api" } },
              ]
            : []
        }
      />
    </>
  );
}

/** Generated data must never pass for the programme's: said on every page. */
function SyntheticDataNotice() {
  const meta = useMeta();
  if (!meta.data?.isSynthetic) return null;
  return (
    <Notice
      isClosable={false}
      title="Données synthétiques"
      description="Ce jeu de données est généré pour des essais de charge : aucun chiffre affiché ne décrit un vrai défi."
    />
  );
}
