import { useState } from "react";
import { auth } from "../api/endpoints.js";
import { ErrorAlert } from "../components/ErrorAlert.jsx";
import { Field } from "../components/Field.jsx";
import { useI18n } from "../i18n/I18nProvider.jsx";
import { navigate } from "../lib/router.js";
import { usePageTitle } from "../lib/usePageTitle.js";

export function LoginPage() {
  const { t } = useI18n();
  usePageTitle(t("login.title"));
  const [form, setForm] = useState({ login: "", password: "" });
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const change = (name) => (e) => setForm({ ...form, [name]: e.target.value });

  const submit = async (e) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await auth.login(form.login.trim(), form.password);
      navigate("/chat", { replace: true });
    } catch (failure) {
      setError(failure.status === 401 ? { ...failure, message: t("login.invalid"), details: null } : failure);
      setBusy(false);
    }
  };

  return (
    <section className="auth-card" aria-labelledby="login-title">
      <h1 id="login-title">{t("login.title")}</h1>
      <p className="lead">{t("login.lead")}</p>
      <form onSubmit={submit} noValidate>
        <Field label={t("login.id")}>
          {(props) => (
            <input {...props} name="login" autoComplete="username" required value={form.login} onChange={change("login")} />
          )}
        </Field>
        <Field label={t("login.password")}>
          {(props) => (
            <input
              {...props}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={form.password}
              onChange={change("password")}
            />
          )}
        </Field>
        <ErrorAlert error={error} />
        <button type="submit" className="button primary" disabled={busy || !form.login || !form.password}>
          {busy ? t("common.working") : t("login.submit")}
        </button>
      </form>
      <p className="auth-switch">
        {t("login.noAccount")} <a href="#/signup">{t("signup.title")}</a>
      </p>
    </section>
  );
}
