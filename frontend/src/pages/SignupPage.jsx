import { useState } from "react";
import { auth } from "../api/endpoints.js";
import { ErrorAlert } from "../components/ErrorAlert.jsx";
import { Field, fieldErrors } from "../components/Field.jsx";
import { useI18n } from "../i18n/I18nProvider.jsx";
import { navigate } from "../lib/router.js";
import { usePageTitle } from "../lib/usePageTitle.js";

const MIN_PASSWORD = 8;

export function SignupPage() {
  const { t } = useI18n();
  usePageTitle(t("signup.title"));
  const [form, setForm] = useState({ user_id: "", password: "", confirm: "", name: "", email: "" });
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const change = (name) => (e) => setForm({ ...form, [name]: e.target.value });
  const serverErrors = fieldErrors(error);
  const mismatch = form.confirm && form.confirm !== form.password;

  const submit = async (e) => {
    e.preventDefault();
    if (mismatch || form.password.length < MIN_PASSWORD) return;
    setBusy(true);
    setError(null);
    const fields = { user_id: form.user_id.trim(), password: form.password };
    if (form.name.trim()) fields.name = form.name.trim();
    if (form.email.trim()) fields.email = form.email.trim();
    try {
      await auth.signup(fields);
      navigate("/chat", { replace: true });
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <section className="auth-card" aria-labelledby="signup-title">
      <h1 id="signup-title">{t("signup.title")}</h1>
      <p className="lead">{t("signup.lead")}</p>
      <form onSubmit={submit} noValidate>
        <Field label={t("signup.id")} hint={t("signup.idHint")} error={serverErrors.user_id}>
          {(props) => (
            <input {...props} name="user_id" autoComplete="username" required value={form.user_id} onChange={change("user_id")} />
          )}
        </Field>
        <Field
          label={t("signup.password")}
          hint={t("signup.passwordHint", { min: MIN_PASSWORD })}
          error={serverErrors.password}
        >
          {(props) => (
            <input
              {...props}
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={MIN_PASSWORD}
              required
              value={form.password}
              onChange={change("password")}
            />
          )}
        </Field>
        <Field label={t("signup.confirm")} error={mismatch ? t("signup.mismatch") : null}>
          {(props) => (
            <input
              {...props}
              name="confirm"
              type="password"
              autoComplete="new-password"
              required
              value={form.confirm}
              onChange={change("confirm")}
            />
          )}
        </Field>
        <Field label={t("signup.name")} error={serverErrors.name}>
          {(props) => <input {...props} name="name" autoComplete="name" value={form.name} onChange={change("name")} />}
        </Field>
        <Field label={t("signup.email")} error={serverErrors.email}>
          {(props) => (
            <input {...props} name="email" type="email" autoComplete="email" value={form.email} onChange={change("email")} />
          )}
        </Field>
        <ErrorAlert error={error} />
        <button
          type="submit"
          className="button primary"
          disabled={busy || !form.user_id || form.password.length < MIN_PASSWORD || form.password !== form.confirm}
        >
          {busy ? t("common.working") : t("signup.submit")}
        </button>
      </form>
      <p className="auth-switch">
        {t("signup.haveAccount")} <a href="#/login">{t("login.title")}</a>
      </p>
    </section>
  );
}
