/** Drug pairs with their interaction severity (colour and words), summary and management advice. */
import { useI18n } from "../i18n/I18nProvider.jsx";

const SEVERITIES = ["contraindicated", "major", "moderate", "minor", "none"];

export function SeverityBadge({ severity }) {
  const { t } = useI18n();
  const known = SEVERITIES.includes(severity) ? severity : "unknown";
  return <span className={`badge severity-${known}`}>{t(`severity.${known}`)}</span>;
}

export function InteractionList({ interactions, title }) {
  const { t } = useI18n();
  if (!interactions?.length) return null;
  const sorted = [...interactions].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity),
  );
  return (
    <section className="interactions" aria-label={title ?? t("interactions.title")}>
      {title && <h3>{title}</h3>}
      <ul>
        {sorted.map((item) => (
          <li key={item.drugs.join("+")} className={`interaction severity-border-${item.severity}`}>
            <div className="interaction-head">
              <SeverityBadge severity={item.severity} />
              <strong>{item.drugs.join(" + ")}</strong>
            </div>
            {item.summary && <p>{item.summary}</p>}
            {item.management && (
              <p className="management">
                <span className="label">{t("interactions.management")}:</span> {item.management}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
