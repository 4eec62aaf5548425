/**
 * The chat WebSocket: authenticates with the access token, keeps the line alive with pings, and
 * reconnects with exponential backoff and jitter. After repeated failures it reports the `fallback`
 * status, so that callers send over HTTP while it keeps trying in the background.
 */
import { backoffDelay } from "./backoff.js";

export const ConnectionStatus = Object.freeze({
  CONNECTING: "connecting",
  CONNECTED: "connected",
  RECONNECTING: "reconnecting",
  FALLBACK: "fallback",
});

export const PING_INTERVAL_MS = 20_000;
const AUTH_REJECTED = 4401;
const PING_TIMEOUT = 4000;
const FALLBACK_AFTER_FAILURES = 2;

export function chatSocketUrl(location = window.location) {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws/chat`;
}

export class ChatSocket {
  #socket = null;
  #status = null;
  #stopped = true;
  #failures = 0; // consecutive attempts that never reached "ready"
  #retryTimer = null;
  #pingTimer = null;
  #awaitingPong = false;

  /**
   * @param {object} options
   * @param {string} options.url
   * @param {() => string|null} options.getToken the current access token
   * @param {() => Promise<unknown>} options.renewToken refresh the access token (rejects when the session is over)
   * @param {(status: string) => void} options.onStatus
   * @param {() => void} options.onReady authenticated, after every (re)connect
   * @param {(frame: object) => void} options.onFrame every server frame but ready/pong
   * @param {(url: string) => WebSocket} [options.createSocket]
   */
  constructor({ url, getToken, renewToken, onStatus, onReady, onFrame, createSocket }) {
    Object.assign(this, { url, getToken, renewToken, onStatus, onReady, onFrame });
    this.createSocket = createSocket ?? ((u) => new WebSocket(u));
  }

  get status() {
    return this.#status;
  }

  get isReady() {
    return this.#status === ConnectionStatus.CONNECTED;
  }

  start() {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#open();
  }

  stop() {
    this.#stopped = true;
    clearTimeout(this.#retryTimer);
    this.#stopPing();
    const socket = this.#socket;
    this.#socket = null;
    socket?.close(1000);
  }

  /** Try again at once, e.g. when the browser comes back online. */
  retryNow() {
    if (this.#stopped || this.#socket) return;
    clearTimeout(this.#retryTimer);
    this.#open();
  }

  /** Send a frame if the socket is authenticated; returns whether it was sent. */
  send(frame) {
    if (!this.isReady) return false;
    this.#socket.send(JSON.stringify(frame));
    return true;
  }

  #setStatus(status) {
    if (status === this.#status) return;
    this.#status = status;
    this.onStatus(status);
  }

  #open() {
    const socket = this.createSocket(this.url);
    this.#socket = socket;
    let ready = false;
    socket.onopen = () => socket.send(JSON.stringify({ type: "auth", token: this.getToken() }));
    socket.onmessage = (event) => {
      let frame;
      try {
        frame = JSON.parse(event.data);
      } catch {
        return;
      }
      if (frame.type === "ready") {
        ready = true;
        this.#failures = 0;
        this.#setStatus(ConnectionStatus.CONNECTED);
        this.#startPing();
        this.onReady();
      } else if (frame.type === "pong") {
        this.#awaitingPong = false;
      } else {
        this.onFrame(frame);
      }
    };
    socket.onclose = (event) => this.#closed(socket, ready, event.code);
    if (this.#status === null) this.#setStatus(ConnectionStatus.CONNECTING);
  }

  #closed(socket, wasReady, code) {
    if (this.#socket !== socket) return;
    this.#socket = null;
    this.#stopPing();
    if (!wasReady) this.#failures += 1;
    this.#setStatus(
      this.#failures >= FALLBACK_AFTER_FAILURES ? ConnectionStatus.FALLBACK : ConnectionStatus.RECONNECTING,
    );
    if (code === AUTH_REJECTED) {
      this.renewToken().then(
        () => this.#scheduleReconnect(),
        () => this.stop(),
      );
    } else {
      this.#scheduleReconnect();
    }
  }

  #scheduleReconnect() {
    if (this.#stopped) return;
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.#open(), backoffDelay(this.#failures));
  }

  #startPing() {
    this.#awaitingPong = false;
    this.#pingTimer = setInterval(() => {
      if (this.#awaitingPong) {
        // A dead line may take minutes to report its close: give up on it now.
        const socket = this.#socket;
        socket.close(PING_TIMEOUT);
        this.#closed(socket, true, PING_TIMEOUT);
        return;
      }
      this.#awaitingPong = this.send({ type: "ping" });
    }, PING_INTERVAL_MS);
  }

  #stopPing() {
    clearInterval(this.#pingTimer);
    this.#pingTimer = null;
  }
}
