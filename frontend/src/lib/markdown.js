/**
 * Markdown to safe HTML for answers. Raw HTML in the text is shown as text (never interpreted), links
 * and images keep only http(s) addresses, citation markers `[n]` become buttons, and DOMPurify checks
 * the result once more.
 */
import DOMPurify from "dompurify";
import { Marked } from "marked";

const SAFE_URL = /^https?:\/\//i;

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function citationExtension(count, label) {
  return {
    name: "citation",
    level: "inline",
    start: (src) => src.indexOf("["),
    tokenizer(src) {
      const match = /^\[(\d{1,3})\]/.exec(src);
      const n = match && Number(match[1]);
      if (!match || n < 1 || n > count) return undefined;
      return { type: "citation", raw: match[0], n };
    },
    renderer: ({ n }) =>
      `<button type="button" class="cite" data-cite="${n}" aria-label="${escapeHtml(label(n))}">[${n}]</button>`,
  };
}

const renderer = {
  html: ({ text }) => escapeHtml(text),
  link({ href, title, tokens }) {
    const text = this.parser.parseInline(tokens);
    if (!SAFE_URL.test(href)) return text;
    const titleAttr = title ? ` title="${escapeHtml(title)}"` : "";
    return `<a href="${escapeHtml(href)}"${titleAttr}>${text}</a>`;
  },
  // Answers carry no pictures: an image becomes a link to it, so nothing loads by itself.
  image({ href, text }) {
    if (!SAFE_URL.test(href)) return escapeHtml(text);
    return `<a href="${escapeHtml(href)}">${escapeHtml(text || href)}</a>`;
  },
};

const PURIFY = {
  ALLOWED_URI_REGEXP: SAFE_URL,
  FORBID_TAGS: ["img", "style", "form", "input", "iframe", "svg", "math"],
};

// Every surviving link opens in a new tab and gives the target no handle on this page.
DOMPurify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A") {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer nofollow");
  }
});

/**
 * Render `text` to sanitised HTML. Markers `[1]`…`[citationCount]` become `button.cite[data-cite]`
 * labelled by `citeLabel(n)`; other bracketed numbers stay as text.
 */
export function renderMarkdown(text, { citationCount = 0, citeLabel = (n) => `[${n}]` } = {}) {
  const marked = new Marked({
    gfm: true,
    breaks: true,
    renderer,
    extensions: [citationExtension(citationCount, citeLabel)],
  });
  return DOMPurify.sanitize(marked.parse(text ?? ""), PURIFY);
}
