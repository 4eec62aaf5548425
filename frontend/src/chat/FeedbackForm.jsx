/** Rate an answer 1–5 stars with an optional comment. */
import { useId, useState } from "react";
import { chat } from "../api/endpoints.js";
import { ErrorAlert } from "../components/ErrorAlert.jsx";
import { useI18n } from "../i18n/I18nProvider.jsx";

const SCORES = [1, 2, 3, 4, 5];

export function FeedbackForm({ messageId }) {
  const { t } = useI18n();
  const id = useId();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState("");
  const [state, setState] = useState({ status: "idle", error: null });

  if (state.status === "sent") {
    return (
      <p className="feedback-thanks" role="status">
        {t("feedback.thanks")}
      </p>
    );
  }

  const submit = async (event) => {
    event.preventDefault();
    setState({ status: "sending", error: null });
    try {
      await chat.feedback(messageId, score, comment.trim());
      setState({ status: "sent", error: null });
    } catch (error) {
      setState({ status: "idle", error });
    }
  };

  return (
    <form className="feedback" onSubmit={submit}>
      <fieldset>
        <legend>{t("feedback.question")}</legend>
        <div className="stars">
          {SCORES.map((n) => (
            <span key={n} className="star">
              <input
                type="radio"
                id={`${id}-${n}`}
                name={`${id}-score`}
                value={n}
                checked={score === n}
                onChange={() => setScore(n)}
                className="visually-hidden"
              />
              <label htmlFor={`${id}-${n}`} className={n <= score ? "filled" : undefined}>
                <span aria-hidden="true">★</span>
                <span className="visually-hidden">{t("feedback.stars", { n })}</span>
              </label>
            </span>
          ))}
        </div>
      </fieldset>
      {score > 0 && (
        <div className="feedback-comment">
          <label htmlFor={`${id}-comment`}>{t("feedback.comment")}</label>
          <textarea
            id={`${id}-comment`}
            rows={2}
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <button type="submit" className="button" disabled={state.status === "sending"}>
            {t("feedback.submit")}
          </button>
        </div>
      )}
      <ErrorAlert error={state.error} />
    </form>
  );
}
