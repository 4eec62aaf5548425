/** The conversation as a log: user messages as plain text, answers as AnswerCards; keeps the end in view. */
import { useEffect, useRef } from "react";
import { useI18n } from "../i18n/I18nProvider.jsx";
import { AnswerCard } from "./AnswerCard.jsx";

const NEAR_BOTTOM_PX = 120;

function UserMessage({ item }) {
  const { t } = useI18n();
  return (
    <article className="message question" aria-label={t("chat.you")}>
      <p>{item.content}</p>
    </article>
  );
}

export function MessageList({ items, hasMore, loadingOlder, onLoadOlder, location, onRetry }) {
  const { t } = useI18n();
  const listRef = useRef(null);
  const stickToBottom = useRef(true);
  const lastItem = items.at(-1);

  // Follow the streamed answer unless the reader has scrolled up to read something else.
  useEffect(() => {
    const list = listRef.current;
    if (list && stickToBottom.current) list.scrollTop = list.scrollHeight;
  }, [items.length, lastItem?.text, lastItem?.phase]);

  const scroll = () => {
    const list = listRef.current;
    stickToBottom.current = list.scrollHeight - list.scrollTop - list.clientHeight < NEAR_BOTTOM_PX;
  };

  return (
    <div className="message-list" ref={listRef} onScroll={scroll} role="log" aria-live="polite" aria-label={t("chat.log")}>
      {hasMore && (
        <button type="button" className="button load-older" onClick={onLoadOlder} disabled={loadingOlder}>
          {loadingOlder ? t("common.loading") : t("chat.loadOlder")}
        </button>
      )}
      {items.map((item) =>
        item.role === "assistant" ? (
          <AnswerCard key={item.key} item={item} location={location} onRetry={onRetry} />
        ) : (
          <UserMessage key={item.key} item={item} />
        ),
      )}
    </div>
  );
}
