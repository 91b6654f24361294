import type { Request } from "express";
import { parse as parseCookies } from "cookie";
import { parisDate } from "@shared/dates";
import type { ReportPdfQuery } from "@shared/report";
import { SESSION_COOKIE } from "../auth/sessions";
import { UnauthorizedError } from "../http/errors";
import { printReport } from "../report/print-report";
import type { Ctx, Deps } from "./context";

const VIEW_SLUG = { all: "toutes-donnees", validated: "donnees-validees", declared: "donnees-declarees" } as const;

/**
 * This server as reached from itself: the address and port the request came in on, or
 * loopback when listening on every interface. Never an address taken from the request's
 * headers (Host, X-Forwarded-*): the print goes nowhere but here.
 */
function ownOrigin(req: Request): string {
  const socket = req.socket;
  const listening = (socket as typeof socket & { server?: { address(): unknown } }).server?.address();
  const bound = listening && typeof listening === "object" ? (listening as { address: string; port: number }) : undefined;
  const port = bound?.port ?? socket.localPort;
  let host = (bound?.address ?? socket.localAddress ?? "127.0.0.1").replace(/^::ffff:/, "");
  if (host === "0.0.0.0" || host === "::") host = "127.0.0.1";
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/** `rapport-eig-promotion-2-donnees-validees-2026-12-06.pdf`, or `…-instantane-3-2026-11-29.pdf`. */
function fileName(query: ReportPdfQuery, snapshot: { id: number; takenAt: string } | null): string {
  const promotions = ([] as (string | undefined)[]).concat(query.promotion).filter(Boolean);
  const parts = [
    "rapport-eig",
    promotions.length ? `promotion-${promotions.join("-")}` : "toutes-promotions",
    VIEW_SLUG[query.data ?? "all"],
    snapshot ? `instantane-${snapshot.id}-${parisDate(new Date(snapshot.takenAt))}` : parisDate(),
    query.orientation === "landscape" ? "paysage" : "",
  ];
  return `${parts.filter(Boolean).join("-")}.pdf`;
}

/** `GET /api/export/report.pdf`: /rapport with the same query, printed by the server's Chromium for the caller. */
export const exportReportPdf =
  ({ config }: Deps) =>
  async ({ query }: { query: ReportPdfQuery }, { session, source, req, res }: Ctx) => {
    // An unknown snapshot is a 404 here, not a report that says so.
    const { snapshot } = source;
    const token = parseCookies(req.headers.cookie ?? "")[SESSION_COOKIE];
    if (!token) throw new UnauthorizedError();
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      for (const one of ([] as unknown[]).concat(value)) if (one !== undefined && one !== "") search.append(key, String(one));
    }
    const pdf = await printReport({
      chromiumPath: config.chromiumPath,
      origin: ownOrigin(req),
      path: `/rapport?${search}`,
      cookie: { name: SESSION_COOKIE, value: token },
      sessionKey: String(session.id),
    });
    res.setHeader("Content-Type", "application/pdf");
    res.setHeader("Content-Disposition", `attachment; filename="${fileName(query, snapshot)}"`);
    res.send(pdf);
  };
