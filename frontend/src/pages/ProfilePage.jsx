/** My account: personal data, saved medications, password, data export and account deletion. */
import { useState } from "react";
import { account } from "../api/endpoints.js";
import { DrugPicker } from "../components/DrugPicker.jsx";
import { ErrorAlert } from "../components/ErrorAlert.jsx";
import { Field, fieldErrors } from "../components/Field.jsx";
import { useI18n } from "../i18n/I18nProvider.jsx";
import { downloadJson } from "../lib/download.js";
import { formatDateTime } from "../lib/format.js";
import { navigate } from "../lib/router.js";
import { useApi } from "../lib/useApi.js";
import { usePageTitle } from "../lib/usePageTitle.js";

const PERSONAL = ["name", "phone", "email", "birth_date", "gender"];
const GENDERS = ["M", "F", "Other"];
const MIN_PASSWORD = 8;

/** Run an async action with busy / error / done state. */
function useAction() {
  const [state, setState] = useState({ busy: false, error: null, done: false });
  const run = async (action) => {
    setState({ busy: true, error: null, done: false });
    try {
      await action();
      setState({ busy: false, error: null, done: true });
    } catch (error) {
      setState({ busy: false, error, done: false });
    }
  };
  return [state, run];
}

function PersonalForm({ profile, onSaved }) {
  const { t } = useI18n();
  const [form, setForm] = useState(() => Object.fromEntries(PERSONAL.map((name) => [name, profile[name] ?? ""])));
  const [state, run] = useAction();
  const errors = fieldErrors(state.error);
  const set = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const input = (name, props = {}) => (controlProps) => (
    <input {...controlProps} name={name} value={form[name]} onChange={set(name)} {...props} />
  );

  const submit = (event) => {
    event.preventDefault();
    // An emptied field is sent as null, which clears it.
    const changes = Object.fromEntries(PERSONAL.map((name) => [name, form[name].trim() || null]));
    run(async () => onSaved(await account.updateProfile(changes)));
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="personal-title">
      <h2 id="personal-title">{t("profile.personal")}</h2>
      <div className="form-grid">
        <Field label={t("profile.name")} error={errors.name}>
          {input("name", { autoComplete: "name" })}
        </Field>
        <Field label={t("profile.phone")} error={errors.phone} hint={t("profile.phoneHint")}>
          {input("phone", { type: "tel", autoComplete: "tel" })}
        </Field>
        <Field label={t("profile.email")} error={errors.email}>
          {input("email", { type: "email", autoComplete: "email" })}
        </Field>
        <Field label={t("profile.birthDate")} error={errors.birth_date}>
          {input("birth_date", { type: "date", autoComplete: "bday" })}
        </Field>
        <Field label={t("profile.gender")} error={errors.gender}>
          {(props) => (
            <select {...props} name="gender" value={form.gender} onChange={set("gender")}>
              <option value="">{t("profile.genderUnset")}</option>
              {GENDERS.map((g) => (
                <option key={g} value={g}>
                  {t(`profile.gender.${g}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorAlert error={state.error} />
      {state.done && (
        <p className="alert alert-success" role="status">
          {t("profile.saved")}
        </p>
      )}
      <button type="submit" className="button primary" disabled={state.busy}>
        {t("common.save")}
      </button>
    </form>
  );
}

function Medications({ profile, onSaved }) {
  const { t } = useI18n();
  const [state, run] = useAction();
  const save = (medications) => run(async () => onSaved(await account.updateProfile({ medications })));
  const add = (name) => {
    if (!profile.medications.includes(name)) save([...profile.medications, name]);
  };
  return (
    <section className="card" aria-labelledby="medications-title">
      <h2 id="medications-title">{t("profile.medications")}</h2>
      <p className="hint">{t("profile.medicationsHint")}</p>
      {profile.medications.length > 0 ? (
        <ul className="chips">
          {profile.medications.map((name) => (
            <li key={name} className="chip">
              {name}
              <button
                type="button"
                className="chip-remove"
                onClick={() => save(profile.medications.filter((m) => m !== name))}
                aria-label={t("common.removeNamed", { name })}
                disabled={state.busy}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("profile.noMedications")}</p>
      )}
      <DrugPicker label={t("profile.addMedication")} placeholder={t("interactions.placeholder")} onPick={add} />
      <ErrorAlert error={state.error} />
    </section>
  );
}

function PasswordForm() {
  const { t } = useI18n();
  const [form, setForm] = useState({ current: "", next: "" });
  const [state, run] = useAction();
  const submit = (event) => {
    event.preventDefault();
    run(async () => {
      await account.changePassword(form.current, form.next);
      setForm({ current: "", next: "" });
    });
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title">{t("profile.password")}</h2>
      <Field label={t("profile.currentPassword")}>
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="current-password"
            value={form.current}
            onChange={(e) => setForm({ ...form, current: e.target.value })}
          />
        )}
      </Field>
      <Field label={t("profile.newPassword")} hint={t("signup.passwordHint", { min: MIN_PASSWORD })}>
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            minLength={MIN_PASSWORD}
            value={form.next}
            onChange={(e) => setForm({ ...form, next: e.target.value })}
          />
        )}
      </Field>
      <ErrorAlert error={state.error} />
      {state.done && (
        <p className="alert alert-success" role="status">
          {t("profile.passwordChanged")}
        </p>
      )}
      <button type="submit" className="button" disabled={state.busy || !form.current || form.next.length < MIN_PASSWORD}>
        {t("profile.changePassword")}
      </button>
    </form>
  );
}

function ExportData({ userId }) {
  const { t } = useI18n();
  const [state, run] = useAction();
  const download = () =>
    run(async () => {
      const data = await account.exportData();
      downloadJson(data, `medichain-${userId}-${new Date().toISOString().slice(0, 10)}.json`);
    });
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t("profile.export")}</h2>
      <p>{t("profile.exportBody")}</p>
      <ErrorAlert error={state.error} />
      <button type="button" className="button" onClick={download} disabled={state.busy}>
        {t("profile.exportButton")}
      </button>
    </section>
  );
}

function DeleteAccount() {
  const { t } = useI18n();
  const [password, setPassword] = useState("");
  const [state, run] = useAction();
  const submit = (event) => {
    event.preventDefault();
    run(async () => {
      await account.remove(password);
      navigate("/login", { replace: true });
    });
  };
  return (
    <form className="card danger-zone" onSubmit={submit} aria-labelledby="delete-title">
      <h2 id="delete-title">{t("profile.delete")}</h2>
      <p>{t("profile.deleteBody")}</p>
      <Field label={t("profile.deletePassword")}>
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <ErrorAlert error={state.error} />
      <button type="submit" className="button danger" disabled={state.busy || !password}>
        {t("profile.deleteButton")}
      </button>
    </form>
  );
}

export function ProfilePage() {
  const { t, lang } = useI18n();
  usePageTitle(t("profile.title"));
  const { data: profile, error, setData } = useApi(() => account.profile(), []);

  return (
    <div className="page">
      <h1>{t("profile.title")}</h1>
      <ErrorAlert error={error} />
      {profile && (
        <>
          <p className="lead">
            {t("profile.summary", {
              id: profile.user_id,
              created: formatDateTime(profile.created_at, lang),
              last: formatDateTime(profile.last_login, lang),
            })}
          </p>
          <PersonalForm profile={profile} onSaved={setData} />
          <Medications profile={profile} onSaved={setData} />
          <PasswordForm />
          <ExportData userId={profile.user_id} />
          <DeleteAccount />
        </>
      )}
    </div>
  );
}
