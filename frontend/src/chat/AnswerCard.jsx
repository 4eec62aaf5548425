/**
 * One assistant answer, streamed or complete: emergency banner first, then the markdown answer with
 * clickable citations, structured results (interactions, hospitals), sources, meta and feedback.
 */
import { useState } from "react";
import { ErrorAlert } from "../components/ErrorAlert.jsx";
import { HospitalList } from "../components/HospitalList.jsx";
import { InteractionList } from "../components/InteractionList.jsx";
import { useI18n } from "../i18n/I18nProvider.jsx";
import { AnswerMeta } from "./AnswerMeta.jsx";
import { EmergencyBanner } from "./EmergencyBanner.jsx";
import { FeedbackForm } from "./FeedbackForm.jsx";
import { Markdown } from "./Markdown.jsx";
import { SourcePanel } from "./SourcePanel.jsx";
import { hasTriageNote, needsEmergencyBanner } from "./triage.js";

function TypingIndicator() {
  const { t } = useI18n();
  return (
    <p className="typing" role="status">
      <span className="typing-dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      {t("chat.typing")}
    </p>
  );
}

function TriageNote({ triage }) {
  const { t } = useI18n();
  return (
    <div className={`triage-note triage-level-${triage.level}`}>
      <p>
        <strong>{t("triage.level", { level: triage.level })}</strong> · {t(`triage.action.${triage.action}`)}
      </p>
      {triage.red_flags?.length > 0 && (
        <p className="red-flags">
          {t("triage.redFlags")}: {triage.red_flags.join(", ")}
        </p>
      )}
    </div>
  );
}

function CitationList({ citations, onOpen }) {
  const { t } = useI18n();
  return (
    <section className="citations" aria-label={t("answer.sources")}>
      <h4>{t("answer.sources")}</h4>
      <ol>
        {citations.map((citation, i) => (
          <li key={`${citation.id}-${i}`}>
            <button type="button" className="link-button" onClick={(e) => onOpen(i + 1, e.currentTarget)}>
              {citation.title}
            </button>
            {citation.source && <span className="citation-source"> — {citation.source}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function AnswerDetails({ response, onCite }) {
  const { t } = useI18n();
  const urgent = needsEmergencyBanner(response.triage);
  return (
    <>
      {response.clarifying_question && (
        <p className="clarifying">
          <span className="label">{t("answer.clarifying")}</span> {response.clarifying_question}
        </p>
      )}
      {!urgent && hasTriageNote(response.triage) && <TriageNote triage={response.triage} />}
      <InteractionList interactions={response.interactions} title={t("interactions.title")} />
      {!urgent && response.hospitals?.length > 0 && (
        <section className="answer-hospitals" aria-label={t("hospitals.title")}>
          <h4>{t("hospitals.title")}</h4>
          <HospitalList hospitals={response.hospitals} />
        </section>
      )}
      {response.citations?.length > 0 && <CitationList citations={response.citations} onOpen={onCite} />}
      {response.disclaimer && <p className="answer-disclaimer">{response.disclaimer}</p>}
      <AnswerMeta response={response} />
    </>
  );
}

export function AnswerCard({ item, location, onRetry }) {
  const { t } = useI18n();
  const [source, setSource] = useState(null); // {n, opener}
  const { response, phase } = item;
  const citations = response?.citations ?? [];
  const text = response?.answer ?? item.text;
  const pending = phase === "waiting" || phase === "typing" || phase === "streaming";

  const openSource = (n, opener) => setSource(citations[n - 1] ? { n, opener } : null);
  const closeSource = () => {
    source?.opener?.focus();
    setSource(null);
  };

  return (
    <article className="message answer" data-phase={phase} aria-busy={pending} aria-label={t("chat.answer")}>
      {response && needsEmergencyBanner(response.triage) && (
        <EmergencyBanner
          triage={response.triage}
          hospitals={response.hospitals}
          location={location}
          live={Boolean(item.local)}
        />
      )}
      {pending && !text && <TypingIndicator />}
      {text && <Markdown text={text} citationCount={citations.length} onCite={openSource} />}
      {source && <SourcePanel citation={citations[source.n - 1]} n={source.n} onClose={closeSource} />}
      {response && <AnswerDetails response={response} onCite={openSource} />}
      {item.error && (
        <ErrorAlert error={item.error}>
          <button type="button" className="button" onClick={() => onRetry(item)}>
            {t("chat.retry")}
          </button>
        </ErrorAlert>
      )}
      {item.messageId && phase === "done" && <FeedbackForm messageId={item.messageId} />}
    </article>
  );
}
