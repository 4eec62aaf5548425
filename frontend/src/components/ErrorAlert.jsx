/** An API failure explained in the user's language, announced to screen readers. */
import { useI18n } from "../i18n/I18nProvider.jsx";

export function describeError(error, t) {
  if (!error) return null;
  if (error.isNetwork) return t("error.network");
  if (error.status === 429 || error.code === "rate_limited") {
    return error.retryAfter ? t("error.rateLimitedFor", { seconds: error.retryAfter }) : t("error.rateLimited");
  }
  if (error.status === 423) {
    return t("error.locked", { minutes: Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60)) });
  }
  if (error.status >= 500) return t("error.server");
  return error.message || t("error.unknown");
}

export function ErrorAlert({ error, children }) {
  const { t } = useI18n();
  if (!error) return null;
  const fieldErrors = Array.isArray(error.details) ? error.details.filter((d) => d?.message) : [];
  return (
    <div className="alert alert-error" role="alert">
      <p>{describeError(error, t)}</p>
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((detail, i) => (
            <li key={i}>
              {detail.field ? `${detail.field}: ` : ""}
              {detail.message}
            </li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}
