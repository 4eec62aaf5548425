/** The call-119 banner that leads an emergency answer: call button, guidance, other numbers, nearest ERs. */
import { useId } from "react";
import { HospitalList } from "../components/HospitalList.jsx";
import { useI18n } from "../i18n/I18nProvider.jsx";
import { telHref } from "../lib/format.js";

const NEAREST = 3;

function LocationPrompt({ location }) {
  const { t } = useI18n();
  if (location.status === "granted") return null;
  if (location.status === "denied" || location.status === "unavailable") {
    return <p className="hint">{t("emergency.locationDenied")}</p>;
  }
  return (
    <button type="button" className="button" onClick={location.request} disabled={location.status === "pending"}>
      {t("emergency.shareLocation")}
    </button>
  );
}

/** `live`: announce it at once (a fresh answer), rather than quietly (one from the history). */
export function EmergencyBanner({ triage, hospitals, location, live }) {
  const { t } = useI18n();
  const headlineId = useId();
  const guidance = triage.guidance;
  const otherNumbers = (guidance?.numbers ?? []).filter(([number]) => String(number) !== "119");
  const emergencyRooms = (hospitals ?? []).filter((h) => h.emergency).slice(0, NEAREST);
  return (
    <section className="emergency-banner" role={live ? "alert" : "region"} aria-labelledby={headlineId}>
      <p className="emergency-level">{t("emergency.level", { level: triage.level })}</p>
      <h3 id={headlineId}>{guidance?.headline ?? t("emergency.headline")}</h3>
      <a className="call-119" href="tel:119">
        <span aria-hidden="true">☎</span> {t("emergency.call119")}
      </a>
      {guidance?.steps?.length > 0 && (
        <ol className="emergency-steps">
          {guidance.steps.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
      )}
      {otherNumbers.length > 0 && (
        <ul className="emergency-numbers" aria-label={t("emergency.otherNumbers")}>
          {otherNumbers.map(([number, label]) => (
            <li key={number}>
              <a href={telHref(number)}>
                <strong>{number}</strong> {label}
              </a>
            </li>
          ))}
        </ul>
      )}
      <div className="emergency-rooms">
        <h4>{t("emergency.nearestRooms")}</h4>
        {emergencyRooms.length > 0 ? <HospitalList hospitals={emergencyRooms} /> : <LocationPrompt location={location} />}
      </div>
    </section>
  );
}
