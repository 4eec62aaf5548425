/** The chat: conversation list beside the streamed conversation and the message box. */
import { useEffect, useRef, useState } from "react";
import { ConnectionBadge } from "../chat/ConnectionBadge.jsx";
import { Composer } from "../chat/Composer.jsx";
import { MessageList } from "../chat/MessageList.jsx";
import { RoomSidebar } from "../chat/RoomSidebar.jsx";
import { needsEmergencyBanner } from "../chat/triage.js";
import { useChatTransport } from "../chat/useChatTransport.js";
import { useRoomMessages } from "../chat/useRoomMessages.js";
import { useRooms } from "../chat/useRooms.js";
import { ErrorAlert } from "../components/ErrorAlert.jsx";
import { useI18n } from "../i18n/I18nProvider.jsx";
import { navigate } from "../lib/router.js";
import { useGeolocation } from "../lib/useGeolocation.js";
import { usePageTitle } from "../lib/usePageTitle.js";

const TITLE_LENGTH = 40;
const EXAMPLES = ["chat.example1", "chat.example2", "chat.example3"];

function titleFrom(text) {
  const line = text.split("\n")[0].trim();
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1)}…` : line;
}

function Welcome({ onPick }) {
  const { t } = useI18n();
  return (
    <div className="welcome">
      <h2>{t("chat.welcomeTitle")}</h2>
      <p>{t("chat.welcomeBody")}</p>
      <ul className="examples">
        {EXAMPLES.map((key) => (
          <li key={key}>
            <button type="button" className="button" onClick={() => onPick(t(key))}>
              {t(key)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Ask for the position once when a fresh answer is an emergency, so the next answers list nearby ERs. */
function useLocationOnEmergency(items, { status, request }) {
  const urgent = items.some(
    (item) => item.local && item.phase === "done" && needsEmergencyBanner(item.response?.triage),
  );
  const asked = useRef(false);
  useEffect(() => {
    if (urgent && status === "idle" && !asked.current) {
      asked.current = true;
      request();
    }
  }, [urgent, status, request]);
}

export function ChatPage({ params }) {
  const { t } = useI18n();
  const roomId = params.roomId;
  const location = useGeolocation();
  const [notice, setNotice] = useState(null);
  const { transport, status } = useChatTransport(setNotice);
  const rooms = useRooms();
  const conversation = useRoomMessages(roomId, transport, {
    createRoom: (text) => rooms.create(titleFrom(text)),
    onAnswered: rooms.reload,
  });
  const [draft, setDraft] = useState("");
  const [sidebarOpen, setSidebarOpen] = useState(false);
  const inputRef = useRef(null);
  const toggleRef = useRef(null);
  const closeRef = useRef(null);
  const activeRoom = rooms.rooms.find((room) => String(room.id) === roomId);
  usePageTitle(activeRoom?.title ?? t("chat.title"));
  useLocationOnEmergency(conversation.items, location);

  useEffect(() => setSidebarOpen(false), [roomId]);
  useEffect(() => {
    if (sidebarOpen) closeRef.current?.focus();
  }, [sidebarOpen]);
  const closeSidebar = () => {
    setSidebarOpen(false);
    toggleRef.current?.focus();
  };

  const send = async () => {
    const text = draft.trim();
    setDraft("");
    setNotice(null);
    try {
      await conversation.send(text, location.coords);
    } catch (error) {
      setDraft(text);
      setNotice(error);
    }
  };

  const pickExample = (text) => {
    setDraft(text);
    inputRef.current?.focus();
  };

  return (
    <div className={`chat-layout${sidebarOpen ? " sidebar-open" : ""}`}>
      {/* On a phone the list covers the conversation: following a link or pressing Escape closes it. */}
      <aside
        className="chat-sidebar"
        id="chat-sidebar"
        aria-label={t("rooms.title")}
        onClick={(e) => e.target.closest("a") && setSidebarOpen(false)}
        onKeyDown={(e) => e.key === "Escape" && closeSidebar()}
      >
        <button type="button" ref={closeRef} className="button small sidebar-close" onClick={closeSidebar}>
          {t("common.close")}
        </button>
        <RoomSidebar
          rooms={rooms}
          activeId={roomId}
          onDeleted={(id) => id === roomId && navigate("/chat", { replace: true })}
        />
      </aside>
      <section className="conversation" aria-labelledby="conversation-title">
        <header className="conversation-header">
          <button
            type="button"
            ref={toggleRef}
            className="button sidebar-toggle"
            aria-expanded={sidebarOpen}
            aria-controls="chat-sidebar"
            onClick={() => setSidebarOpen((open) => !open)}
          >
            {t("rooms.title")}
          </button>
          <h1 id="conversation-title">{activeRoom?.title || t("chat.title")}</h1>
          <ConnectionBadge status={status} />
        </header>
        <ErrorAlert error={conversation.error} />
        {conversation.loading ? (
          <p className="hint center">{t("common.loading")}</p>
        ) : conversation.items.length === 0 ? (
          <Welcome onPick={pickExample} />
        ) : (
          <MessageList
            items={conversation.items}
            hasMore={conversation.hasMore}
            loadingOlder={conversation.loadingOlder}
            onLoadOlder={conversation.loadOlder}
            location={location}
            onRetry={(item) => conversation.retry(item, location.coords)}
          />
        )}
        <ErrorAlert error={notice} />
        <Composer draft={draft} setDraft={setDraft} onSend={send} location={location} inputRef={inputRef} />
      </section>
    </div>
  );
}
