/**
 * The messages of one room: history (newest page first, older pages on demand) plus the messages sent
 * from this page, whose answers stream in through the transport. Room ids are strings, as the API
 * and the route have them.
 */
import { useCallback, useEffect, useReducer, useRef } from "react";
import { chat } from "../api/endpoints.js";
import { navigate } from "../lib/router.js";

const PAGE = 50;

function fromServer(message) {
  const base = { key: `m${message.id}`, id: message.id, role: message.role, sequence: message.sequence };
  if (message.role !== "assistant") return { ...base, content: message.content };
  return {
    ...base,
    text: message.content,
    response: message.response,
    messageId: message.id,
    phase: "done",
    error: null,
  };
}

/** The next client sequence: one past the highest this room has seen. */
export function nextSequence(items) {
  return items.reduce((max, item) => Math.max(max, item.sequence ?? 0), 0) + 1;
}

const EMPTY = { roomId: null, items: [], loading: false, loadingOlder: false, hasMore: false, error: null };

function reducer(state, action) {
  if (action.type === "open") {
    return { ...EMPTY, roomId: action.roomId, loading: Boolean(action.roomId) && !action.fresh };
  }
  if (action.roomId !== state.roomId) return state; // a late reply for a room no longer shown
  switch (action.type) {
    case "loading-older":
      return { ...state, loadingOlder: true };
    case "loaded": {
      const loaded = action.messages.map(fromServer);
      const kept = action.older ? state.items : state.items.filter((item) => item.local);
      return {
        ...state,
        items: [...loaded, ...kept],
        loading: false,
        loadingOlder: false,
        hasMore: action.messages.length >= PAGE,
        error: null,
      };
    }
    case "failed":
      return { ...state, loading: false, loadingOlder: false, error: action.error };
    case "sent": {
      const { sequence, text } = action;
      const question = { key: `s${sequence}q`, role: "user", local: true, sequence, content: text };
      const answer = {
        key: `s${sequence}a`,
        role: "assistant",
        local: true,
        sequence,
        question: text,
        text: "",
        response: null,
        phase: "waiting",
        error: null,
      };
      return { ...state, items: [...state.items, question, answer] };
    }
    case "answer":
      return {
        ...state,
        items: state.items.map((item) =>
          item.local && item.role === "assistant" && item.sequence === action.sequence ? action.update(item) : item,
        ),
      };
    default:
      return state;
  }
}

/**
 * @param {string|undefined} roomId the room in the route (undefined: a new conversation)
 * @param {import("./transport.js").ChatTransport} transport
 * @param {{createRoom: (firstText: string) => Promise<{id}>, onAnswered?: (roomId: string) => void}} options
 */
export function useRoomMessages(roomId, transport, { createRoom, onAnswered }) {
  const [state, dispatch] = useReducer(reducer, EMPTY);
  const current = useRef(state);
  current.current = state;
  const adopted = useRef(null); // a room this hook created and already shows
  const answered = useRef(onAnswered);
  answered.current = onAnswered;

  useEffect(() => {
    if (roomId && roomId === adopted.current) {
      adopted.current = null;
      return;
    }
    dispatch({ type: "open", roomId });
    if (!roomId) return;
    chat.messages(roomId, { limit: PAGE }).then(
      (messages) => dispatch({ type: "loaded", roomId, messages }),
      (error) => dispatch({ type: "failed", roomId, error }),
    );
  }, [roomId]);

  const transmit = useCallback(
    (id, sequence, text, coords) => {
      const update = (fn) => dispatch({ type: "answer", roomId: id, sequence, update: fn });
      const location = coords ? { lat: coords.lat, lng: coords.lng } : {};
      transport.send(
        { room_id: id, text, sequence, ...location },
        {
          onReset: () => update((item) => ({ ...item, text: "", phase: "waiting", error: null })),
          onTyping: () => update((item) => (item.phase === "waiting" ? { ...item, phase: "typing" } : item)),
          onDelta: (delta) => update((item) => ({ ...item, text: item.text + delta, phase: "streaming" })),
          onFinal: (result) => {
            update((item) => ({
              ...item,
              phase: "done",
              text: result.response?.answer ?? item.text,
              response: result.response,
              messageId: result.message_id,
            }));
            answered.current?.(id);
          },
          onError: (error) => update((item) => ({ ...item, phase: "failed", error })),
        },
      );
    },
    [transport],
  );

  /** Send `text` (creating the room first for a new conversation); rejects if the room cannot be made. */
  const send = useCallback(
    async (text, coords) => {
      let id = current.current.roomId;
      let items = current.current.items;
      if (!id) {
        const room = await createRoom(text);
        id = String(room.id);
        items = [];
        adopted.current = id;
        dispatch({ type: "open", roomId: id, fresh: true });
        navigate(`/chat/${id}`);
      }
      const sequence = nextSequence(items);
      dispatch({ type: "sent", roomId: id, sequence, text });
      transmit(id, sequence, text, coords);
    },
    [createRoom, transmit],
  );

  /** Ask again for a failed answer, with the same sequence so the server never answers twice. */
  const retry = useCallback(
    (item, coords) => {
      const id = current.current.roomId;
      dispatch({ type: "answer", roomId: id, sequence: item.sequence, update: (it) => ({ ...it, phase: "waiting", error: null }) });
      transmit(id, item.sequence, item.question, coords);
    },
    [transmit],
  );

  const loadOlder = useCallback(() => {
    const { roomId: id, items } = current.current;
    const oldest = items.find((item) => item.id !== undefined);
    if (!id || !oldest) return;
    dispatch({ type: "loading-older", roomId: id });
    chat.messages(id, { limit: PAGE, beforeId: oldest.id }).then(
      (messages) => dispatch({ type: "loaded", roomId: id, messages, older: true }),
      (error) => dispatch({ type: "failed", roomId: id, error }),
    );
  }, []);

  return { ...state, send, retry, loadOlder };
}
