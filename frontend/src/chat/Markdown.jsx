/** An answer's markdown, rendered safely; citation markers call `onCite(n, button)`. */
import { useMemo } from "react";
import { useI18n } from "../i18n/I18nProvider.jsx";
import { renderMarkdown } from "../lib/markdown.js";

export function Markdown({ text, citationCount = 0, onCite }) {
  const { t } = useI18n();
  const html = useMemo(
    () => renderMarkdown(text, { citationCount, citeLabel: (n) => t("answer.openSource", { n }) }),
    [text, citationCount, t],
  );
  const click = (event) => {
    const button = event.target.closest("button.cite");
    if (button && onCite) onCite(Number(button.dataset.cite), button);
  };
  // The HTML comes from renderMarkdown, which escapes raw HTML and sanitises the result.
  return <div className="markdown" onClick={click} dangerouslySetInnerHTML={{ __html: html }} />;
}
