import type { RequestHandler } from "express";
import type { Db } from "../db/database";
import { parisDate } from "@shared/dates";
import { currentRevision } from "../repositories/data-revision";
import { requestSource } from "./snapshot-source";

/**
 * Reads that depend only on the data and the day: their ETag is the data revision (which
 * every write bumps, through triggers) and the date in Paris (staleness counts days). A
 * client that has the current one gets a 304; otherwise an answer computed at this revision
 * is served from memory when there is one. Nothing can be served stale: the key changes with
 * every write. An answer "as of" a snapshot (`?snapshot=ID`) never changes: its ETag names the
 * snapshot and it may be kept for ever (snapshot ids are never reused).
 */
export function revisionCache(db: Db, maxEntries = 500): RequestHandler {
  const memo = new Map<string, { etag: string; body: string }>();
  return (req, res, next) => {
    // 404 here for an unknown snapshot, before any cached answer could be served.
    const { snapshot } = requestSource(db, res.locals);
    let etag: string;
    if (snapshot) {
      etag = `W/"s${snapshot.id}"`;
      res.setHeader("Cache-Control", "private, max-age=31536000, immutable");
    } else {
      // Read before computing: an answer is never labelled with a revision newer than its data.
      etag = `W/"r${currentRevision(db)}-${parisDate()}"`;
      res.setHeader("Cache-Control", "private, no-cache");
    }
    res.setHeader("ETag", etag);
    const asked = req.get("If-None-Match");
    if (asked && asked.split(",").some((tag) => tag.trim() === etag)) {
      res.status(304).end();
      return;
    }
    const key = req.originalUrl;
    const hit = memo.get(key);
    if (hit?.etag === etag) {
      res.type("json").send(hit.body);
      return;
    }
    const send = res.json.bind(res);
    res.json = (body: unknown) => {
      if (res.statusCode === 200) {
        const text = JSON.stringify(body);
        memo.delete(key);
        memo.set(key, { etag, body: text });
        // Oldest first in a Map: drop the least recently stored beyond the bound.
        if (memo.size > maxEntries) memo.delete(memo.keys().next().value!);
        res.type("json");
        return res.send(text);
      }
      return send(body);
    };
    next();
  };
}
