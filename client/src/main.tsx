// First: the zod setting must be in place before any schema checks anything.
import "./lib/zod-jitless";
import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Link, RouterProvider } from "react-router";
import { queryClient } from "./app/query-client";
import { router } from "./app/router";
import { useLang } from "./i18n/lang";
import "./styles.css";

// `useLang`: the DSFR components' own texts (close buttons, display settings…) follow the
// interface language.
startReactDsfr({ defaultColorScheme: "system", Link, useLang });

declare module "@codegouvfr/react-dsfr/spa" {
  interface RegisterLink {
    Link: typeof Link;
  }
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
