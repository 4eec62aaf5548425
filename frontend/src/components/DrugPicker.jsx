/**
 * Pick drugs by name with autocomplete (ARIA combobox: arrows move, Enter picks, Escape closes).
 * Enter on free text picks the text itself, since the API also resolves names it does not list.
 * `onPick(name, drug)` gets the displayed name and the catalogue record (undefined for free text).
 */
import { useEffect, useId, useState } from "react";
import { catalog } from "../api/endpoints.js";
import { useI18n, useLocalized } from "../i18n/I18nProvider.jsx";
import { useDebounced } from "../lib/useDebounced.js";

/** Catalogue matches for `text`; empty until the matches for exactly this text have arrived. */
function useDrugSuggestions(text) {
  const query = useDebounced(text.trim(), 200);
  const [found, setFound] = useState({ query: "", drugs: [] });
  useEffect(() => {
    if (!query) return undefined;
    const controller = new AbortController();
    catalog.drugs(query, controller.signal).then(
      (drugs) => setFound({ query, drugs }),
      () => setFound({ query, drugs: [] }),
    );
    return () => controller.abort();
  }, [query]);
  return found.query === text.trim() ? found.drugs : [];
}

export function DrugPicker({ label, onPick, placeholder }) {
  const { t } = useI18n();
  const localized = useLocalized();
  const id = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useDrugSuggestions(text);
  const expanded = open && suggestions.length > 0;

  const pick = (name, drug) => {
    if (!name.trim()) return;
    onPick(name.trim(), drug);
    setText("");
    setOpen(false);
    setActive(-1);
  };

  const keyDown = (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (suggestions.length ? (i + step + suggestions.length) % suggestions.length : -1));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (event.nativeEvent.isComposing) return;
      const drug = expanded && active >= 0 ? suggestions[active] : undefined;
      pick(drug ? localized(drug.name) : text, drug);
    } else if (event.key === "Escape") {
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="drug-picker field">
      <label htmlFor={`${id}-input`}>{label}</label>
      <div className="combobox">
        <input
          id={`${id}-input`}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
          autoComplete="off"
          value={text}
          placeholder={placeholder}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={keyDown}
          onBlur={() => setOpen(false)}
        />
        <button type="button" className="button" onClick={() => pick(text)} disabled={!text.trim()}>
          {t("common.add")}
        </button>
      </div>
      <ul id={`${id}-list`} role="listbox" className="suggestions" hidden={!expanded} aria-label={label}>
        {suggestions.map((drug, i) => (
          <li
            key={drug.id}
            id={`${id}-option-${i}`}
            role="option"
            aria-selected={i === active}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(localized(drug.name), drug);
            }}
          >
            <span className="drug-name">{localized(drug.name)}</span>
            {drug.ingredients?.length > 0 && (
              <span className="drug-ingredients">{drug.ingredients.map(localized).join(", ")}</span>
            )}
            {drug.category && <span className="drug-category">{localized(drug.category)}</span>}
            {drug.prescription_required && <span className="badge">{t("drugs.prescription")}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
