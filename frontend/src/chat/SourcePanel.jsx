/** The source passage behind a citation marker: title, source, snippet and link. Escape closes it. */
import { useEffect, useId, useRef } from "react";
import { useI18n } from "../i18n/I18nProvider.jsx";

const SAFE_URL = /^https?:\/\//i;

export function SourcePanel({ citation, n, onClose }) {
  const { t } = useI18n();
  const panelRef = useRef(null);
  const titleId = useId();

  useEffect(() => {
    panelRef.current?.focus();
  }, [n]);

  const keyDown = (event) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <aside
      className="source-panel"
      ref={panelRef}
      tabIndex={-1}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={keyDown}
    >
      <header>
        <span className="source-number">[{n}]</span>
        <h3 id={titleId}>{citation.title}</h3>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t("common.close")}>
          ×
        </button>
      </header>
      {citation.source && (
        <p className="source-origin">
          {t("answer.sourceOrigin")}: {citation.source}
        </p>
      )}
      {citation.snippet && <blockquote className="source-snippet">{citation.snippet}</blockquote>}
      {citation.url && SAFE_URL.test(citation.url) && (
        <a href={citation.url} target="_blank" rel="noopener noreferrer nofollow">
          {t("answer.openOriginal")}
        </a>
      )}
    </aside>
  );
}
