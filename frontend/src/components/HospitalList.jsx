/** Hospitals with distance, phone (tap to call), emergency / open-now badges and sample-data marks. */
import { useI18n } from "../i18n/I18nProvider.jsx";
import { formatKm, telHref } from "../lib/format.js";

export function SampleDataBadge() {
  const { t } = useI18n();
  return <span className="badge badge-sample">{t("hospitals.sample")}</span>;
}

function HospitalItem({ hospital, index }) {
  const { t, lang } = useI18n();
  return (
    <li className="hospital">
      <div className="hospital-head">
        {index !== undefined && (
          <span className="map-index" aria-hidden="true">
            {index + 1}
          </span>
        )}
        <strong className="hospital-name">{hospital.name}</strong>
        <span className="distance">{formatKm(hospital.distance_km, lang)}</span>
      </div>
      <div className="badges">
        {hospital.type && <span className="badge">{hospital.type}</span>}
        {hospital.emergency && <span className="badge badge-emergency">{t("hospitals.emergency")}</span>}
        {hospital.open_now === true && <span className="badge badge-open">{t("hospitals.openNow")}</span>}
        {hospital.open_now === false && <span className="badge">{t("hospitals.closedNow")}</span>}
        {hospital.sample && <SampleDataBadge />}
      </div>
      <p className="address">{hospital.address}</p>
      {hospital.departments?.length > 0 && <p className="departments">{hospital.departments.join(" · ")}</p>}
      {hospital.phone && (
        <a className="phone" href={telHref(hospital.phone)}>
          {t("hospitals.call", { phone: hospital.phone })}
        </a>
      )}
    </li>
  );
}

export function HospitalList({ hospitals, numbered = false }) {
  if (!hospitals?.length) return null;
  return (
    <ul className="hospital-list">
      {hospitals.map((hospital, i) => (
        <HospitalItem
          key={`${hospital.name}-${hospital.address}`}
          hospital={hospital}
          index={numbered ? i : undefined}
        />
      ))}
    </ul>
  );
}
