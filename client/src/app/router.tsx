import { lazy } from "react";
import { createBrowserRouter } from "react-router";
import { Layout } from "./layout";

// Each page is its own chunk: charts load with the dashboard only.
const DashboardPage = lazy(() => import("../features/cohorts/components/dashboard-page"));
const ChallengeListPage = lazy(() => import("../features/challenges/components/challenge-list-page"));
const ChallengePage = lazy(() => import("../features/challenges/components/challenge-page"));
const NotFoundPage = lazy(() => import("./not-found-page"));

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { path: "/", element: <DashboardPage /> },
      { path: "/defis", element: <ChallengeListPage /> },
      { path: "/defis/:slug", element: <ChallengePage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
