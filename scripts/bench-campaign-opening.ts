// How long `POST /api/campaigns` takes for a campaign over 1,000 mentors with SMTP configured
// (a real SMTP server on loopback), and how long until every opening email has arrived.
// Usage: npx tsx scripts/bench-campaign-opening.ts [mentorCount]
import { addDays, parisDate } from "@shared/dates";
import { signedInClient } from "../tests/support/session-client";
import { startSmtpSink } from "../tests/support/smtp-sink";
import { startTestServer } from "../tests/support/test-server";

const mentorCount = Number(process.argv[2] ?? 1000);
const sink = await startSmtpSink();
const server = await startTestServer({ env: { SMTP_URL: sink.url, PUBLIC_URL: "https://suivi-eig.example.gouv.fr" } });
try {
  const { db } = server;
  const challengeIds = db.all<{ id: number }>("SELECT id FROM challenges ORDER BY id").map((row) => row.id);
  db.transaction(() => {
    for (let i = 0; i < mentorCount; i++) {
      const userId = Number(
        db.run("INSERT INTO users (email, name, role) VALUES (?, ?, 'mentor')", [`mentor-${i}@example.gouv.fr`, `Mentor ${i}`]).lastInsertRowid,
      );
      db.run("INSERT INTO challenge_mentors (challenge_id, user_id) VALUES (?, ?)", [challengeIds[i % challengeIds.length], userId]);
    }
  });
  const { client } = await signedInClient(server.baseUrl, db, "admin");
  const started = performance.now();
  const answer = await client.post("/api/campaigns", {
    name: "Bilan annuel",
    deadline: addDays(parisDate(), 14),
    promotions: db.all<{ key: string }>("SELECT key FROM promotions").map((p) => p.key),
  });
  const answeredAfter = performance.now() - started;
  if (answer.status !== 201) throw new Error(`POST /api/campaigns: ${answer.status} ${JSON.stringify(answer.body)}`);
  await sink.waitForMessages(mentorCount, 600_000);
  const allArrivedAfter = performance.now() - started;
  console.info(
    JSON.stringify({ mentors: mentorCount, challenges: answer.body.campaign.challengeCount, emails: answer.body.emails, postMs: Math.round(answeredAfter), allEmailsMs: Math.round(allArrivedAfter) }),
  );
} finally {
  await server.close();
  await sink.close();
}
