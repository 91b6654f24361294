import { headerFooterDisplayItem } from "@codegouvfr/react-dsfr/Display";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { Header } from "@codegouvfr/react-dsfr/Header";
import { LanguageSelect } from "@codegouvfr/react-dsfr/LanguageSelect";
import { Notice } from "@codegouvfr/react-dsfr/Notice";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { LANGS } from "@shared/labels";
import { Suspense, useEffect } from "react";
import { Link, Outlet, useLocation, useNavigate, useSearchParams } from "react-router";
import { useCurrentUser, useLogout } from "../api/session";
import { useMeta } from "../api/meta";
import { Loading } from "../components/query-state";
import { langFromSearch, setLang } from "../i18n/lang";
import { useI18n } from "../i18n/use-i18n";

// react-dsfr names the main navigation after the header's id: the skip link targets it.
const HEADER_ID = "en-tete";

const LANGUAGE_NAMES = { fr: "Français", en: "English" } as const;

/** `?lang=en` or `?lang=fr` in an address switches the language, then leaves the address. */
function useLangFromAddress() {
  const [params, setParams] = useSearchParams();
  const asked = langFromSearch(params.toString());
  useEffect(() => {
    if (!asked) return;
    setLang(asked);
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete("lang");
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  }, [asked, setParams]);
}

export function Layout() {
  useLangFromAddress();
  const { lang, t, l } = useI18n();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const user = useCurrentUser().data;
  const logout = useLogout();

  const navigation = user
    ? [
        { text: t.layout.navDashboard, linkProps: { to: "/" }, isActive: pathname === "/" },
        ...(user.role === "mentor" || user.role === "admin"
          ? [{ text: t.layout.navMine, linkProps: { to: "/mes-defis" }, isActive: pathname === "/mes-defis" }]
          : []),
        { text: t.layout.navChallenges, linkProps: { to: "/defis" }, isActive: pathname.startsWith("/defis") },
        ...(user.role === "admin"
          ? [{ text: t.layout.navAdmin, linkProps: { to: "/admin/comptes" }, isActive: pathname.startsWith("/admin") }]
          : []),
      ]
    : undefined;

  const languageSelect = (
    <LanguageSelect
      key="lang"
      supportedLangs={LANGS}
      fullNameByLang={LANGUAGE_NAMES}
      lang={lang}
      setLang={setLang}
    />
  );

  return (
    <>
      <SkipLinks
        links={[
          { label: t.layout.skipContent, anchor: "#contenu" },
          ...(navigation ? [{ label: t.layout.skipMenu, anchor: `#${HEADER_ID}-main-navigation` }] : []),
          { label: t.layout.skipFooter, anchor: "#pied-de-page" },
        ]}
      />
      <Header
        id={HEADER_ID}
        brandTop={
          <>
            {t.layout.brandTop[0]}
            <br />
            {t.layout.brandTop[1]}
          </>
        }
        serviceTitle={t.common.serviceName}
        serviceTagline={t.layout.tagline}
        homeLinkProps={{ to: "/", title: t.layout.homeTitle }}
        navigation={navigation}
        quickAccessItems={
          user
            ? [
                <Link key="user" to="/mon-compte" className="fr-btn fr-icon-account-circle-line header-user">
                  {user.name} · {l.ROLE_LABELS[user.role]}
                </Link>,
                // The display settings stay in the footer: four items here squeeze the State's brand.
                languageSelect,
                {
                  iconId: "fr-icon-logout-box-r-line",
                  text: t.layout.signOut,
                  buttonProps: {
                    disabled: logout.isPending,
                    onClick: () => logout.mutate(undefined, { onSettled: () => navigate("/connexion") }),
                  },
                },
              ]
            : [
                headerFooterDisplayItem,
                languageSelect,
                { iconId: "fr-icon-lock-line", text: t.layout.signIn, linkProps: { to: "/connexion" } },
              ]
        }
      />
      {user && <SyntheticDataNotice />}
      <main id="contenu" className="fr-container fr-pt-3w fr-pb-6w" tabIndex={-1}>
        <Suspense fallback={<Loading label={t.common.loadingPage} />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer
        id="pied-de-page"
        accessibility="non compliant"
        accessibilityLinkProps={{ to: "/accessibilite" }}
        contentDescription={t.layout.footerDescription}
        bottomItems={[
          ...(user
            ? [
                { text: t.layout.report, linkProps: { to: "/rapport" } },
                { text: t.layout.apiDoc, linkProps: { to: "/documentation-api" } },
              ]
            : []),
          headerFooterDisplayItem,
        ]}
      />
    </>
  );
}

/** Generated data must never pass for the programme's: said on every page. */
function SyntheticDataNotice() {
  const { t } = useI18n();
  const meta = useMeta();
  if (!meta.data?.isSynthetic) return null;
  return <Notice isClosable={false} title={t.layout.syntheticTitle} description={t.layout.syntheticDescription} />;
}
