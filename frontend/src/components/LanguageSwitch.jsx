import { LANGUAGES, useI18n } from "../i18n/I18nProvider.jsx";

/** Switch the UI between Korean and English. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t("lang.label")}>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          className="link-button"
          aria-pressed={lang === code}
          onClick={() => setLang(code)}
          lang={code}
        >
          {t(`lang.${code}`)}
        </button>
      ))}
    </div>
  );
}
