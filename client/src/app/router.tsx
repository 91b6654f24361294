import { lazy } from "react";
import { createBrowserRouter, Navigate, Outlet } from "react-router";
import { Layout } from "./layout";
import { RequireSession } from "./require-session";

// Each page is its own chunk: charts load with the dashboard only.
const LoginPage = lazy(() => import("../features/auth/components/login-page"));
const loadDashboard = () => import("../features/cohorts/components/dashboard-page");
const DashboardPage = lazy(loadDashboard);
const ChallengeListPage = lazy(() => import("../features/challenges/components/challenge-list-page"));
const ChallengePage = lazy(() => import("../features/challenges/components/challenge-page"));
const MyChallengesPage = lazy(() => import("../features/my-challenges/components/my-challenges-page"));
const ReportPage = lazy(() => import("../features/cohorts/components/report-page"));
const ApiDocPage = lazy(() => import("../features/api-doc/components/api-doc-page"));
const AdminLayout = lazy(() => import("../features/admin/components/admin-layout"));
const UsersPage = lazy(() => import("../features/admin/components/users-page"));
const MentorsPage = lazy(() => import("../features/admin/components/mentors-page"));
const AuditPage = lazy(() => import("../features/admin/components/audit-page"));
const CataloguePage = lazy(() => import("../features/admin/components/catalogue-page"));
const ChallengeEditPage = lazy(() => import("../features/admin/components/challenge-edit-page"));
const CampaignsPage = lazy(() => import("../features/campaigns/components/campaigns-page"));
const CampaignPage = lazy(() => import("../features/campaigns/components/campaign-page"));
const CampaignTodos = lazy(() => import("../features/campaigns/components/campaign-todos"));
const ReviewPage = lazy(() => import("../features/review/components/review-page"));
const SnapshotsPage = lazy(() => import("../features/snapshots/components/snapshots-page"));
const NotFoundPage = lazy(() => import("./not-found-page"));
const ForgotPasswordPage = lazy(() => import("../features/auth/components/forgot-password-page"));
const NewPasswordPage = lazy(() => import("../features/auth/components/new-password-page"));
const InvitationPage = lazy(() => import("../features/auth/components/invitation-page"));
const AccountPage = lazy(() => import("../features/auth/components/account-page"));
const AccessibilityPage = lazy(() => import("../features/accessibility/components/accessibility-page"));

// The dashboard is the page most people open first: its code loads alongside the session
// check rather than after it.
if (window.location.pathname === "/") void loadDashboard();

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: "/connexion", element: <LoginPage /> },
      { path: "/mot-de-passe-oublie", element: <ForgotPasswordPage /> },
      { path: "/mot-de-passe/nouveau", element: <NewPasswordPage /> },
      { path: "/invitation", element: <InvitationPage /> },
      // Public: the statement must be readable before signing in.
      { path: "/accessibilite", element: <AccessibilityPage /> },
      {
        element: (
          <RequireSession>
            <Outlet />
          </RequireSession>
        ),
        children: [
          { path: "/", element: <DashboardPage /> },
          { path: "/defis", element: <ChallengeListPage /> },
          { path: "/defis/:slug", element: <ChallengePage /> },
          { path: "/rapport", element: <ReportPage /> },
          { path: "/documentation-api", element: <ApiDocPage /> },
          { path: "/mon-compte", element: <AccountPage /> },
          {
            path: "/mes-defis",
            element: (
              <RequireSession roles={["mentor", "admin"]}>
                <MyChallengesPage top={<CampaignTodos />} />
              </RequireSession>
            ),
          },
          {
            path: "/admin",
            element: (
              <RequireSession roles={["admin"]}>
                <AdminLayout />
              </RequireSession>
            ),
            children: [
              { index: true, element: <Navigate to="/admin/comptes" replace /> },
              { path: "comptes", element: <UsersPage /> },
              { path: "mentors", element: <MentorsPage /> },
              { path: "journal", element: <AuditPage /> },
              { path: "catalogue", element: <CataloguePage /> },
              { path: "catalogue/defis/:slug", element: <ChallengeEditPage /> },
              { path: "campagnes", element: <CampaignsPage /> },
              { path: "campagnes/:id", element: <CampaignPage /> },
              { path: "a-valider", element: <ReviewPage /> },
              { path: "instantanes", element: <SnapshotsPage /> },
            ],
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
