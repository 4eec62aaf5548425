/** Hospital finder: a place (my position or a city), filters, then a map and a list with distances. */
import { useEffect, useState } from "react";
import { catalog } from "../api/endpoints.js";
import { ErrorAlert } from "../components/ErrorAlert.jsx";
import { HospitalList, SampleDataBadge } from "../components/HospitalList.jsx";
import { HospitalMap } from "../components/HospitalMap.jsx";
import { useI18n, useLocalized } from "../i18n/I18nProvider.jsx";
import { useApi } from "../lib/useApi.js";
import { useGeolocation } from "../lib/useGeolocation.js";
import { usePageTitle } from "../lib/usePageTitle.js";

const CITIES = {
  seoul: { lat: 37.5665, lng: 126.978 },
  busan: { lat: 35.1796, lng: 129.0756 },
  daegu: { lat: 35.8714, lng: 128.6014 },
  incheon: { lat: 37.4563, lng: 126.7052 },
  gwangju: { lat: 35.1595, lng: 126.8526 },
  daejeon: { lat: 36.3504, lng: 127.3845 },
};
const MY_LOCATION = "here";
const RADII = [1, 3, 5, 10, 20];

function SearchForm({ onSearch, busy }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const position = useGeolocation();
  const departments = useApi(() => catalog.departments(), []);
  const [form, setForm] = useState({ place: "seoul", department: "", radius: 5, emergency: false, openNow: false });
  const set = (name) => (e) =>
    setForm({ ...form, [name]: e.target.type === "checkbox" ? e.target.checked : e.target.value });

  // Choosing "my position" asks the browser, and switches to it once it answers.
  const { status: positionStatus, request: requestPosition } = position;
  useEffect(() => {
    if (form.place === MY_LOCATION && positionStatus === "idle") requestPosition();
  }, [form.place, positionStatus, requestPosition]);

  const center = form.place === MY_LOCATION ? position.coords : CITIES[form.place];

  const submit = (event) => {
    event.preventDefault();
    onSearch({
      center,
      params: {
        lat: center.lat,
        lng: center.lng,
        radius_km: form.radius,
        department: form.department,
        emergency: form.emergency ? "true" : undefined,
        open_now: form.openNow ? "true" : undefined,
        limit: 20,
      },
    });
  };

  return (
    <form className="card search-form" onSubmit={submit}>
      <div className="form-row">
        <div className="field">
          <label htmlFor="hospital-place">{t("hospitals.place")}</label>
          <select id="hospital-place" value={form.place} onChange={set("place")}>
            <option value={MY_LOCATION}>{t("hospitals.myLocation")}</option>
            {Object.keys(CITIES).map((city) => (
              <option key={city} value={city}>
                {t(`city.${city}`)}
              </option>
            ))}
          </select>
          {form.place === MY_LOCATION && position.status !== "granted" && (
            <p className="hint" role="status">
              {t(`hospitals.location.${position.status}`)}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="hospital-department">{t("hospitals.department")}</label>
          <select id="hospital-department" value={form.department} onChange={set("department")}>
            <option value="">{t("hospitals.anyDepartment")}</option>
            {/* The API filters by department name (Korean, English or an alias), not by code. */}
            {(departments.data ?? []).map((d) => (
              <option key={d.code} value={d.name.ko}>
                {localized(d.name)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="hospital-radius">{t("hospitals.radius")}</label>
          <select id="hospital-radius" value={form.radius} onChange={set("radius")}>
            {RADII.map((km) => (
              <option key={km} value={km}>
                {km} km
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-row checks">
        <label className="check">
          <input type="checkbox" checked={form.emergency} onChange={set("emergency")} /> {t("hospitals.onlyEmergency")}
        </label>
        <label className="check">
          <input type="checkbox" checked={form.openNow} onChange={set("openNow")} /> {t("hospitals.onlyOpen")}
        </label>
        <button type="submit" className="button primary" disabled={!center || busy}>
          {busy ? t("common.working") : t("hospitals.search")}
        </button>
      </div>
      <ErrorAlert error={departments.error} />
    </form>
  );
}

function Results({ center, hospitals }) {
  const { t } = useI18n();
  const hasSample = hospitals.some((h) => h.sample);
  return (
    <section className="card result" aria-live="polite" aria-labelledby="hospital-result-title">
      <h2 id="hospital-result-title">{t("hospitals.found", { count: hospitals.length })}</h2>
      {hasSample && (
        <p className="alert alert-warning">
          <SampleDataBadge /> {t("hospitals.sampleNotice")}
        </p>
      )}
      {hospitals.length > 0 && <HospitalMap center={center} hospitals={hospitals} />}
      <HospitalList hospitals={hospitals} numbered />
    </section>
  );
}

export function HospitalsPage() {
  const { t } = useI18n();
  usePageTitle(t("hospitals.title"));
  const [state, setState] = useState({ busy: false, error: null, search: null, hospitals: null });

  const search = async ({ center, params }) => {
    setState((s) => ({ ...s, busy: true, error: null }));
    try {
      const hospitals = await catalog.hospitals(params);
      setState({ busy: false, error: null, search: { center }, hospitals });
    } catch (error) {
      setState((s) => ({ ...s, busy: false, error }));
    }
  };

  return (
    <div className="page">
      <h1>{t("hospitals.title")}</h1>
      <p className="lead">{t("hospitals.lead")}</p>
      <SearchForm onSearch={search} busy={state.busy} />
      <ErrorAlert error={state.error} />
      {state.hospitals && <Results center={state.search.center} hospitals={state.hospitals} />}
    </div>
  );
}
