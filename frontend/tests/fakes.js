/** Browser stand-ins for the unit tests: a WebSocket the test plays the server of, and a fetch whose
 * responses the test queues. */

export class FakeSocket {
  constructor() {
    this.sent = [];
    this.closed = null;
  }
  send(text) {
    this.sent.push(JSON.parse(text));
  }
  close(code) {
    this.closed = code;
  }
  open() {
    this.onopen();
  }
  receive(frame) {
    this.onmessage({ data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    this.onclose({ code });
  }
}

/** Install window/localStorage/fetch globals; `respond(handler)` queues the next fetch answer. */
export function installBrowserGlobals() {
  const store = new Map();
  globalThis.window = { location: { origin: "http://test", protocol: "http:", host: "test" } };
  globalThis.localStorage = {
    getItem: (k) => store.get(k) ?? null,
    setItem: (k, v) => store.set(k, String(v)),
    removeItem: (k) => store.delete(k),
  };
  const queue = [];
  const calls = [];
  globalThis.fetch = async (url, init) => {
    calls.push({ url, init, body: init?.body ? JSON.parse(init.body) : undefined });
    const next = queue.shift();
    if (!next) throw new TypeError("network down");
    return next(url, init);
  };
  return { calls, respond: (handler) => queue.push(handler) };
}

export function sseResponse(...events) {
  const text = events.map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join("");
  return new Response(text, { status: 200, headers: { "Content-Type": "text/event-stream" } });
}

export function jsonResponse(body, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}
