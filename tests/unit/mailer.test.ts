import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "../../server/src/mail/mailer";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";

describe("mailer", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.close());

  it("delivers a message with sender, recipient, subject and UTF-8 text to a real SMTP server", async () => {
    const mailer = createMailer({ smtpUrl: sink.url, from: "Suivi EIG <ne-pas-repondre@eig.test>" });
    expect(mailer.enabled).toBe(true);
    await mailer.send({ to: "camille@ministere.gouv.fr", subject: "Bilan à +6 mois", text: "Merci d'indiquer où en est le défi « Hopitaux »." });
    const [mail] = await sink.waitForMessages(1);
    expect(mail.to).toEqual(["camille@ministere.gouv.fr"]);
    expect(mail.from).toBe("ne-pas-repondre@eig.test");
    expect(mail.subject).toBe("Bilan à +6 mois");
    expect(mail.text).toContain("« Hopitaux »");
  });

  it("is disabled without SMTP_URL and refuses to pretend it sent anything", async () => {
    const mailer = createMailer({ smtpUrl: undefined, from: "x@eig.test" });
    expect(mailer.enabled).toBe(false);
    await expect(mailer.send({ to: "a@b.fr", subject: "s", text: "t" })).rejects.toThrow(/SMTP_URL/);
  });
});
