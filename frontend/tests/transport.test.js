import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { installBrowserGlobals, FakeSocket, jsonResponse, sseResponse } from "./fakes.js";

const net = installBrowserGlobals();
const { ChatTransport } = await import("../src/chat/transport.js");
const { setSession } = await import("../src/api/session.js");

const ROOM = "r".repeat(36);
const FINAL = { message_id: 9, room_id: ROOM, sequence: 1, response: { answer: "답" } };

function connectedTransport() {
  const sockets = [];
  const statuses = [];
  const transport = new ChatTransport({
    getToken: () => "access",
    renewToken: async () => {},
    onStatus: (s) => statuses.push(s),
    onStrayError: () => {},
    createSocket: () => {
      const fake = new FakeSocket();
      sockets.push(fake);
      return fake;
    },
  });
  transport.start();
  sockets[0].open();
  sockets[0].receive({ type: "ready", user_id: "u" });
  return { transport, sockets, statuses };
}

function recorder() {
  const events = [];
  let settle;
  const done = new Promise((resolve) => (settle = resolve));
  return {
    events,
    done,
    handlers: {
      onReset: () => events.push("reset"),
      onTyping: () => events.push("typing"),
      onDelta: (text) => events.push(`delta:${text}`),
      onFinal: (final) => (events.push(`final:${final.message_id}`), settle()),
      onError: (error) => (events.push(`error:${error.code}`), settle()),
    },
  };
}

beforeEach(() => {
  net.calls.length = 0;
  setSession({ access_token: "access", refresh_token: "refresh", user_id: "u", role: "user" });
});

test("over a ready socket: message frame, then typing, deltas and final are routed by room and sequence", async () => {
  const { transport, sockets } = connectedTransport();
  const r = recorder();
  transport.send({ room_id: ROOM, text: "두통", sequence: 1 }, r.handlers);
  assert.deepEqual(sockets[0].sent.at(-1), { type: "message", room_id: ROOM, text: "두통", sequence: 1 });
  sockets[0].receive({ type: "typing", room_id: ROOM, sequence: 1 });
  sockets[0].receive({ type: "delta", room_id: ROOM, sequence: 2, text: "other message" });
  sockets[0].receive({ type: "delta", room_id: ROOM, sequence: 1, text: "A" });
  sockets[0].receive({ type: "final", ...FINAL });
  await r.done;
  assert.deepEqual(r.events, ["typing", "delta:A", "final:9"]);
  transport.stop();
});

test("after a reconnect the unanswered message is resumed; if the server never got it, resent", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout", "setInterval"] });
  const { transport, sockets } = connectedTransport();
  const r = recorder();
  transport.send({ room_id: ROOM, text: "두통", sequence: 1 }, r.handlers);
  sockets[0].drop();
  t.mock.timers.tick(1000);
  sockets[1].open();
  sockets[1].receive({ type: "ready" });
  assert.deepEqual(sockets[1].sent.at(-1), { type: "resume", room_id: ROOM, sequence: 1 });
  sockets[1].receive({ type: "error", room_id: ROOM, sequence: 1, code: "not_answered", message: "send again" });
  assert.deepEqual(sockets[1].sent.at(-1), { type: "message", room_id: ROOM, text: "두통", sequence: 1 });
  sockets[1].receive({ type: "final", ...FINAL });
  await r.done;
  assert.deepEqual(r.events, ["reset", "final:9"]);
  transport.stop();
});

test("without a socket the message streams over SSE with the same body", async () => {
  const transport = new ChatTransport({
    getToken: () => "access",
    renewToken: async () => {},
    onStatus: () => {},
    onStrayError: () => {},
    createSocket: () => new FakeSocket(),
  });
  net.respond(() => sseResponse(["typing", {}], ["delta", { text: "A" }], ["final", FINAL]));
  const r = recorder();
  transport.send({ room_id: ROOM, text: "두통", sequence: 1, lat: 37.5, lng: 127 }, r.handlers);
  await r.done;
  assert.equal(net.calls[0].url, `/api/v1/chat/rooms/${ROOM}/stream`);
  assert.deepEqual(net.calls[0].body, { text: "두통", sequence: 1, lat: 37.5, lng: 127 });
  assert.equal(net.calls[0].init.headers.Authorization, "Bearer access");
  assert.deepEqual(r.events, ["reset", "typing", "delta:A", "final:9"]);
});

test("a stream cut short is finished by a plain POST with the same sequence", async () => {
  const transport = new ChatTransport({
    getToken: () => "access",
    renewToken: async () => {},
    onStatus: () => {},
    onStrayError: () => {},
    createSocket: () => new FakeSocket(),
  });
  net.respond(() => sseResponse(["typing", {}], ["delta", { text: "A" }]));
  net.respond(() => jsonResponse(FINAL));
  const r = recorder();
  transport.send({ room_id: ROOM, text: "두통", sequence: 7 }, r.handlers);
  await r.done;
  assert.equal(net.calls[1].url, `/api/v1/chat/rooms/${ROOM}/messages`);
  assert.equal(net.calls[1].body.sequence, 7);
  assert.deepEqual(r.events, ["reset", "typing", "delta:A", "reset", "final:9"]);
});

test("an API refusal is reported, not retried", async () => {
  const transport = new ChatTransport({
    getToken: () => "access",
    renewToken: async () => {},
    onStatus: () => {},
    onStrayError: () => {},
    createSocket: () => new FakeSocket(),
  });
  net.respond(() => jsonResponse({ error: { code: "not_found", message: "no room" }, request_id: "x" }, 404));
  const r = recorder();
  transport.send({ room_id: ROOM, text: "두통", sequence: 1 }, r.handlers);
  await r.done;
  assert.equal(net.calls.length, 1);
  assert.deepEqual(r.events, ["reset", "error:not_found"]);
});
