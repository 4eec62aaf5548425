/** The UI language (Korean by default, English on request) and `t(key, vars)`. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { messages } from "./messages.js";

const STORAGE_KEY = "medichain.lang";
export const LANGUAGES = ["ko", "en"];

const I18nContext = createContext(null);

function initialLanguage() {
  const stored = localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.includes(stored) ? stored : "ko";
}

/** Look `key` up in `lang` (then Korean), replacing `{name}` placeholders from `vars`. */
export function translate(lang, key, vars) {
  const template = messages[lang][key] ?? messages.ko[key] ?? key;
  return vars ? template.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? "")) : template;
}

export function I18nProvider({ children }) {
  const [lang, setLangState] = useState(initialLanguage);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);

  const value = useMemo(
    () => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars), has: (key) => key in messages.ko }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  return useContext(I18nContext);
}

/** The `{ko, en}` text of an API record in the current language. */
export function useLocalized() {
  const { lang } = useI18n();
  return useCallback((value) => (value && typeof value === "object" ? (value[lang] ?? value.ko) : value), [lang]);
}
