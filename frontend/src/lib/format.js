/** Locale-aware formatting of dates, numbers and distances. */
const LOCALES = { ko: "ko-KR", en: "en-GB" };

export function formatDateTime(value, lang) {
  if (!value) return "—";
  return new Date(value).toLocaleString(LOCALES[lang], { dateStyle: "medium", timeStyle: "short" });
}

export function formatDate(value, lang) {
  if (!value) return "—";
  return new Date(value).toLocaleDateString(LOCALES[lang], { dateStyle: "medium" });
}

export function formatNumber(value, lang, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return Number(value).toLocaleString(LOCALES[lang], { maximumFractionDigits: digits });
}

export function formatPercent(ratio, lang) {
  if (ratio === null || ratio === undefined) return "—";
  return Number(ratio).toLocaleString(LOCALES[lang], { style: "percent", maximumFractionDigits: 0 });
}

export function formatKm(km, lang) {
  if (km === null || km === undefined) return "—";
  return km < 1 ? `${Math.round(km * 1000)} m` : `${formatNumber(km, lang, 1)} km`;
}

/** A phone number as a `tel:` link target (digits and a leading + only). */
export function telHref(phone) {
  return `tel:${String(phone).replace(/[^\d+]/g, "")}`;
}
