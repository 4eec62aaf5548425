/** The live connection: connected, reconnecting, or answering over HTTP while the socket is down. */
import { useI18n } from "../i18n/I18nProvider.jsx";

export function ConnectionBadge({ status }) {
  const { t } = useI18n();
  return (
    <span className={`connection connection-${status}`} role="status">
      <span className="connection-dot" aria-hidden="true" />
      {t(`connection.${status}`)}
    </span>
  );
}
