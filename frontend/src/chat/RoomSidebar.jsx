/** Conversation list: start a new one, search, open, rename in place, delete with confirmation. */
import { useState } from "react";
import { ConfirmButton } from "../components/ConfirmButton.jsx";
import { ErrorAlert } from "../components/ErrorAlert.jsx";
import { useI18n } from "../i18n/I18nProvider.jsx";
import { formatDateTime } from "../lib/format.js";

function RenameForm({ room, onSave, onCancel }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(room.title ?? "");
  const submit = (event) => {
    event.preventDefault();
    if (title.trim()) onSave(title.trim());
  };
  return (
    <form className="rename-form" onSubmit={submit}>
      <label htmlFor={`rename-${room.id}`} className="visually-hidden">
        {t("rooms.newTitle")}
      </label>
      <input
        id={`rename-${room.id}`}
        value={title}
        maxLength={200}
        autoFocus
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => e.key === "Escape" && onCancel()}
      />
      <button type="submit" className="button">
        {t("common.save")}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t("common.cancel")}
      </button>
    </form>
  );
}

function RoomItem({ room, active, onRename, onDelete, onFailure }) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState(false);
  const title = room.title || t("rooms.untitled");
  const run = (action) => action().catch(onFailure);

  if (editing) {
    return (
      <li className="room editing">
        <RenameForm
          room={room}
          onCancel={() => setEditing(false)}
          onSave={(newTitle) => run(() => onRename(room.id, newTitle)).finally(() => setEditing(false))}
        />
      </li>
    );
  }
  return (
    <li className={`room${active ? " active" : ""}`}>
      <a href={`#/chat/${room.id}`} aria-current={active ? "page" : undefined} className="room-link">
        <span className="room-title">{title}</span>
        <span className="room-date">{formatDateTime(room.updated_at, lang)}</span>
      </a>
      <div className="room-actions">
        <button
          type="button"
          className="button small"
          onClick={() => setEditing(true)}
          aria-label={t("rooms.renameNamed", { title })}
        >
          {t("rooms.rename")}
        </button>
        <ConfirmButton
          className="small"
          label={t("common.delete")}
          confirmLabel={t("common.delete")}
          question={t("rooms.deleteQuestion", { title })}
          onConfirm={() => run(() => onDelete(room.id))}
        />
      </div>
    </li>
  );
}

export function RoomSidebar({ rooms, activeId, onDeleted }) {
  const { t } = useI18n();
  const [failure, setFailure] = useState(null);
  const remove = async (id) => {
    await rooms.remove(id);
    onDeleted(String(id));
  };
  return (
    <div className="rooms">
      <a className="button primary new-chat" href="#/chat">
        {t("rooms.new")}
      </a>
      <div className="field">
        <label htmlFor="room-search">{t("rooms.search")}</label>
        <input
          id="room-search"
          type="search"
          value={rooms.query}
          onChange={(e) => rooms.setQuery(e.target.value)}
          placeholder={t("rooms.searchPlaceholder")}
          maxLength={100}
        />
      </div>
      <ErrorAlert error={rooms.error ?? failure} />
      {rooms.loading && rooms.rooms.length === 0 && <p className="hint">{t("common.loading")}</p>}
      {!rooms.loading && rooms.rooms.length === 0 && (
        <p className="hint">{rooms.query ? t("rooms.noMatch") : t("rooms.empty")}</p>
      )}
      <ul className="room-list" aria-label={t("rooms.title")}>
        {rooms.rooms.map((room) => (
          <RoomItem
            key={room.id}
            room={room}
            active={String(room.id) === activeId}
            onRename={rooms.rename}
            onDelete={remove}
            onFailure={setFailure}
          />
        ))}
      </ul>
    </div>
  );
}
