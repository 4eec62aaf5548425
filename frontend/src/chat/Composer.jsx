/** The message box: Enter sends, Shift+Enter breaks the line (and never while an IME is composing). */
import { useI18n } from "../i18n/I18nProvider.jsx";

const MAX_LENGTH = 2000;

function PinIcon() {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z"
      />
    </svg>
  );
}

function LocationToggle({ location }) {
  const { t } = useI18n();
  const shared = location.status === "granted";
  const label = {
    granted: t("chat.locationOn"),
    pending: t("chat.locationPending"),
    denied: t("chat.locationDenied"),
    unavailable: t("chat.locationUnavailable"),
  }[location.status] ?? t("chat.locationOff");
  return (
    <button
      type="button"
      className="button location-toggle"
      aria-pressed={shared}
      onClick={shared ? location.forget : location.request}
      disabled={location.status === "pending"}
      title={t("chat.locationHint")}
    >
      <PinIcon /> {label}
    </button>
  );
}

export function Composer({ draft, setDraft, onSend, location, inputRef }) {
  const { t } = useI18n();
  const submit = (event) => {
    event.preventDefault();
    if (draft.trim()) onSend();
  };
  const keyDown = (event) => {
    if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return;
    submit(event);
  };
  return (
    <form className="composer" onSubmit={submit}>
      <label htmlFor="composer-input" className="visually-hidden">
        {t("chat.inputLabel")}
      </label>
      <textarea
        id="composer-input"
        ref={inputRef}
        rows={2}
        maxLength={MAX_LENGTH}
        value={draft}
        placeholder={t("chat.placeholder")}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={keyDown}
        aria-describedby="composer-hint"
      />
      <div className="composer-actions">
        <LocationToggle location={location} />
        <span id="composer-hint" className="hint">
          {t("chat.inputHint")}
        </span>
        <button type="submit" className="button primary" disabled={!draft.trim()}>
          {t("chat.send")}
        </button>
      </div>
    </form>
  );
}
