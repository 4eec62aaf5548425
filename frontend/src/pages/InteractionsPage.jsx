/** Drug interaction checker: pick two or more drugs, see every pair with its severity. */
import { useState } from "react";
import { account, catalog } from "../api/endpoints.js";
import { DrugPicker } from "../components/DrugPicker.jsx";
import { ErrorAlert } from "../components/ErrorAlert.jsx";
import { InteractionList } from "../components/InteractionList.jsx";
import { useI18n } from "../i18n/I18nProvider.jsx";
import { usePageTitle } from "../lib/usePageTitle.js";

const MAX_DRUGS = 10;

function SelectedDrugs({ drugs, onRemove }) {
  const { t } = useI18n();
  if (drugs.length === 0) return <p className="hint">{t("interactions.none")}</p>;
  return (
    <ul className="chips" aria-label={t("interactions.selected")}>
      {drugs.map((drug) => (
        <li key={drug.query} className="chip">
          {drug.label}
          <button
            type="button"
            className="chip-remove"
            onClick={() => onRemove(drug.query)}
            aria-label={t("common.removeNamed", { name: drug.label })}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

function CheckResult({ result }) {
  const { t } = useI18n();
  return (
    <section className="card result" aria-live="polite" aria-labelledby="interaction-result-title">
      <h2 id="interaction-result-title">{t("interactions.result")}</h2>
      <p>
        {t("interactions.resolved", {
          names: result.resolved.map((r) => r.name).join(", ") || "—",
          pairs: result.pairs_checked,
        })}
      </p>
      {result.unresolved.length > 0 && (
        <p className="alert alert-warning">{t("interactions.unresolved", { names: result.unresolved.join(", ") })}</p>
      )}
      <InteractionList interactions={result.interactions} />
      {result.interactions.length === 0 && <p>{t("interactions.noneFound")}</p>}
    </section>
  );
}

export function InteractionsPage() {
  const { t, lang } = useI18n();
  usePageTitle(t("interactions.title"));
  const [drugs, setDrugs] = useState([]); // [{label, query}]
  const [state, setState] = useState({ result: null, error: null, busy: false });

  const add = (label, drug) => {
    const query = drug?.id ?? label;
    setDrugs((list) =>
      list.length >= MAX_DRUGS || list.some((d) => d.query === query) ? list : [...list, { label, query }],
    );
  };
  const remove = (query) => setDrugs((list) => list.filter((d) => d.query !== query));

  const addMyMedications = async () => {
    try {
      const profile = await account.profile();
      for (const name of profile.medications) add(name);
    } catch (error) {
      setState((s) => ({ ...s, error }));
    }
  };

  const check = async (event) => {
    event.preventDefault();
    setState({ result: null, error: null, busy: true });
    try {
      const result = await catalog.checkInteractions(
        drugs.map((d) => d.query),
        lang,
      );
      setState({ result, error: null, busy: false });
    } catch (error) {
      setState({ result: null, error, busy: false });
    }
  };

  return (
    <div className="page">
      <h1>{t("interactions.title")}</h1>
      <p className="lead">{t("interactions.lead")}</p>
      <form className="card" onSubmit={check}>
        <DrugPicker label={t("interactions.add")} placeholder={t("interactions.placeholder")} onPick={add} />
        <SelectedDrugs drugs={drugs} onRemove={remove} />
        <div className="actions">
          <button type="button" className="button" onClick={addMyMedications}>
            {t("interactions.addMine")}
          </button>
          <button type="submit" className="button primary" disabled={drugs.length < 2 || state.busy}>
            {state.busy ? t("common.working") : t("interactions.check")}
          </button>
        </div>
      </form>
      <ErrorAlert error={state.error} />
      {state.result && <CheckResult result={state.result} />}
    </div>
  );
}
