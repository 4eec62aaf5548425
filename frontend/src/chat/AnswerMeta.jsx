/** Domain, confidence, cache and latency of an answer. */
import { useI18n, useLocalized } from "../i18n/I18nProvider.jsx";
import { formatNumber, formatPercent } from "../lib/format.js";
import { useDomains } from "./useDomains.js";

export function DomainLabel({ name }) {
  const { t, has } = useI18n();
  const localized = useLocalized();
  const domain = useDomains().find((d) => d.name === name);
  const key = `domain.${name}`;
  return (
    <span className={`badge domain domain-${name}`} title={domain ? localized(domain.description) : undefined}>
      {has(key) ? t(key) : name}
    </span>
  );
}

export function AnswerMeta({ response }) {
  const { t, lang } = useI18n();
  return (
    <p className="answer-meta">
      <DomainLabel name={response.domain} />
      <span>{t("answer.confidence", { value: formatPercent(response.confidence, lang) })}</span>
      {response.cached && <span>{t("answer.cached")}</span>}
      {response.latency_ms !== undefined && (
        <span>{t("answer.latency", { ms: formatNumber(response.latency_ms, lang) })}</span>
      )}
    </p>
  );
}
