/** A destructive action that asks "are you sure?" in place instead of a browser dialog. */
import { useState } from "react";
import { useI18n } from "../i18n/I18nProvider.jsx";

export function ConfirmButton({ label, confirmLabel, question, onConfirm, className = "" }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={`button ${className}`} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button type="button" className="button danger" onClick={() => (setAsking(false), onConfirm())} autoFocus>
        {confirmLabel}
      </button>
      <button type="button" className="button" onClick={() => setAsking(false)}>
        {t("common.cancel")}
      </button>
    </span>
  );
}
