import { useI18n, usePageMessages } from "../../../i18n/use-i18n";
import { accessibility } from "../../../i18n/messages/accessibility";
import type { StatementItem } from "../../../i18n/messages/accessibility";
import { useDocumentTitle } from "../../../lib/use-document-title";

function Items({ items }: { items: StatementItem[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.text + (item.after ?? "")}>
          {item.text}
          {item.href && <a href={item.href}>{item.after}</a>}
          {item.href && ";"}
        </li>
      ))}
    </ul>
  );
}

/** The accessibility statement, as State services publish it (RGAA model), reachable without a session. */
export default function AccessibilityPage() {
  const t = usePageMessages(accessibility);
  const { f } = useI18n();
  useDocumentTitle(t.title);
  return (
    <article className="accessibility-statement">
      <h1>{t.title}</h1>
      {t.intro.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}

      <h2>{t.statusTitle}</h2>
      <p>
        <strong>{t.status}</strong>
      </p>

      <h2>{t.testsTitle}</h2>
      <p>{t.testsIntro}</p>
      <Items items={t.tests} />
      <p>{t.testsLimit}</p>

      <h2>{t.limitsTitle}</h2>
      <Items items={t.limits} />

      <h2>{t.establishedTitle}</h2>
      <p>{t.establishedText(f.date(t.established))}</p>
      <h3>{t.techTitle}</h3>
      <p>{t.tech}</p>
      <h3>{t.envTitle}</h3>
      <p>{t.env}</p>

      <h2>{t.contactTitle}</h2>
      <p>{t.contact}</p>

      <h2>{t.recourseTitle}</h2>
      <p>{t.recourse}</p>
      <Items items={t.recourseItems} />
    </article>
  );
}
