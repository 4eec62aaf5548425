/**
 * Sends chat messages over the best channel available: the WebSocket when it is connected, otherwise
 * server-sent events, and plain HTTP when a stream breaks. Every channel carries the client's
 * `sequence`, which makes a resend idempotent: after a reconnect the same message is resumed or
 * resent, never answered twice.
 */
import { ApiError } from "../api/client.js";
import { chat } from "../api/endpoints.js";
import { backoffDelay } from "./backoff.js";
import { ChatSocket, ConnectionStatus, chatSocketUrl } from "./socket.js";
import { consumeChatStream, StreamInterrupted } from "./sse.js";

const HTTP_RETRIES = 3;
const MAX_RESUMES = 2; // a message that keeps losing its socket is finished over HTTP instead

const keyOf = (roomId, sequence) => `${roomId}:${sequence}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Handlers of one message, all optional but onFinal/onError:
 * onReset() — partial text so far is void (the answer restarts on another channel);
 * onTyping(); onDelta(text); onFinal({message_id, room_id, sequence, response}); onError(ApiError).
 */
export class ChatTransport {
  #pending = new Map(); // messages sent on the socket whose final frame has not arrived

  /** `createSocket` (url → WebSocket) is for tests; the browser's WebSocket by default. */
  constructor({ getToken, renewToken, onStatus, onStrayError, createSocket }) {
    this.onStrayError = onStrayError;
    this.socket = new ChatSocket({
      url: chatSocketUrl(),
      createSocket,
      getToken,
      renewToken,
      onStatus: (status) => {
        if (status === ConnectionStatus.FALLBACK) this.#moveToHttp();
        onStatus(status);
      },
      onReady: () => this.#resumeAll(),
      onFrame: (frame) => this.#route(frame),
    });
  }

  start() {
    this.socket.start();
  }

  stop() {
    this.socket.stop();
    this.#pending.clear();
  }

  /** Send `{room_id, text, sequence, lat?, lng?}`; the handlers follow its answer. */
  send(message, handlers) {
    const entry = { message, handlers, resumes: 0, resent: false };
    const key = keyOf(message.room_id, message.sequence);
    this.#pending.set(key, entry);
    if (!this.socket.send({ type: "message", ...message })) {
      this.#pending.delete(key);
      this.#sendOverHttp(entry);
    }
  }

  #route(frame) {
    const entry = this.#pending.get(keyOf(frame.room_id, frame.sequence));
    if (!entry) {
      if (frame.type === "error") this.onStrayError(new ApiError({ status: null, ...frame }));
      return;
    }
    const { handlers } = entry;
    switch (frame.type) {
      case "typing":
        handlers.onTyping?.();
        break;
      case "delta":
        handlers.onDelta?.(frame.text ?? "");
        break;
      case "final":
        this.#pending.delete(keyOf(frame.room_id, frame.sequence));
        handlers.onFinal(frame);
        break;
      case "error":
        if (entry.resumes > 0 && !entry.resent) {
          // The server could not resume it (it never got the message): send it again, same sequence.
          entry.resent = true;
          this.socket.send({ type: "message", ...entry.message });
          break;
        }
        this.#pending.delete(keyOf(frame.room_id, frame.sequence));
        handlers.onError(new ApiError({ status: null, code: frame.code, message: frame.message }));
        break;
      default:
        break;
    }
  }

  /** After a reconnect, ask for the answers whose final frame never arrived. */
  #resumeAll() {
    for (const [key, entry] of this.#pending) {
      if (entry.resumes >= MAX_RESUMES) {
        this.#pending.delete(key);
        this.#sendOverHttp(entry);
        continue;
      }
      entry.resumes += 1;
      entry.handlers.onReset?.();
      this.socket.send({ type: "resume", room_id: entry.message.room_id, sequence: entry.message.sequence });
    }
  }

  /** The socket is gone for now: finish its unanswered messages over HTTP. */
  #moveToHttp() {
    const entries = [...this.#pending.values()];
    this.#pending.clear();
    for (const entry of entries) this.#sendOverHttp(entry);
  }

  async #sendOverHttp({ message, handlers }) {
    const { room_id: roomId, ...body } = message;
    handlers.onReset?.();
    try {
      const response = await chat.stream(roomId, body);
      handlers.onFinal(await consumeChatStream(response, handlers));
      return;
    } catch (error) {
      if (!(error instanceof StreamInterrupted) && !error.isNetwork) {
        handlers.onError(error);
        return;
      }
    }
    // The stream broke or never started: ask over plain HTTP; the same sequence returns the same answer.
    handlers.onReset?.();
    for (let attempt = 0; ; attempt += 1) {
      try {
        handlers.onFinal(await chat.send(roomId, body));
        return;
      } catch (error) {
        if (!error.isNetwork || attempt >= HTTP_RETRIES) {
          handlers.onError(error);
          return;
        }
        await sleep(backoffDelay(attempt));
      }
    }
  }
}
