import assert from "node:assert/strict";
import { test } from "node:test";
import { ChatSocket, ConnectionStatus, PING_INTERVAL_MS } from "../src/chat/socket.js";
import { FakeSocket } from "./fakes.js";

function harness(t, overrides = {}) {
  t.mock.timers.enable({ apis: ["setTimeout", "setInterval"] });
  const sockets = [];
  const statuses = [];
  const frames = [];
  let readyCount = 0;
  let token = "access-1";
  const socket = new ChatSocket({
    url: "ws://test/ws/chat",
    getToken: () => token,
    renewToken: async () => {
      token = "access-2";
    },
    onStatus: (s) => statuses.push(s),
    onReady: () => (readyCount += 1),
    onFrame: (f) => frames.push(f),
    createSocket: () => {
      const fake = new FakeSocket();
      sockets.push(fake);
      return fake;
    },
    ...overrides,
  });
  return { socket, sockets, statuses, frames, ready: () => readyCount };
}

test("authenticates first, reports connected on ready, forwards other frames", (t) => {
  const h = harness(t);
  h.socket.start();
  const ws = h.sockets[0];
  ws.open();
  assert.deepEqual(ws.sent[0], { type: "auth", token: "access-1" });
  assert.equal(h.socket.send({ type: "message" }), false, "nothing but auth before ready");
  ws.receive({ type: "ready", user_id: "u" });
  assert.equal(h.socket.status, ConnectionStatus.CONNECTED);
  assert.equal(h.ready(), 1);
  ws.receive({ type: "delta", room_id: 1, sequence: 1, text: "x" });
  assert.deepEqual(h.frames, [{ type: "delta", room_id: 1, sequence: 1, text: "x" }]);
  assert.equal(h.socket.send({ type: "message" }), true);
});

test("reconnects after a drop, and falls back to HTTP after repeated failures", (t) => {
  const h = harness(t);
  h.socket.start();
  h.sockets[0].open();
  h.sockets[0].receive({ type: "ready" });
  h.sockets[0].drop();
  assert.equal(h.socket.status, ConnectionStatus.RECONNECTING);
  t.mock.timers.tick(30_000);
  assert.equal(h.sockets.length, 2);
  h.sockets[1].drop();
  assert.equal(h.socket.status, ConnectionStatus.RECONNECTING);
  t.mock.timers.tick(30_000);
  h.sockets[2].drop();
  assert.equal(h.socket.status, ConnectionStatus.FALLBACK);
  t.mock.timers.tick(30_000);
  h.sockets[3].open();
  h.sockets[3].receive({ type: "ready" });
  assert.equal(h.socket.status, ConnectionStatus.CONNECTED);
  assert.equal(h.ready(), 2);
});

test("a 4401 close renews the token before reconnecting", async (t) => {
  const h = harness(t);
  h.socket.start();
  h.sockets[0].open();
  h.sockets[0].drop(4401);
  await Promise.resolve();
  await Promise.resolve();
  t.mock.timers.tick(30_000);
  h.sockets[1].open();
  assert.deepEqual(h.sockets[1].sent[0], { type: "auth", token: "access-2" });
});

test("pings every 20 s and gives up on a line that stops answering", (t) => {
  const h = harness(t);
  h.socket.start();
  h.sockets[0].open();
  h.sockets[0].receive({ type: "ready" });
  t.mock.timers.tick(PING_INTERVAL_MS);
  assert.deepEqual(h.sockets[0].sent.at(-1), { type: "ping" });
  h.sockets[0].receive({ type: "pong" });
  t.mock.timers.tick(PING_INTERVAL_MS);
  assert.deepEqual(h.sockets[0].sent.at(-1), { type: "ping" });
  t.mock.timers.tick(PING_INTERVAL_MS); // no pong this time
  assert.equal(h.sockets[0].closed, 4000);
  assert.equal(h.socket.status, ConnectionStatus.RECONNECTING);
});

test("stop closes the socket and schedules nothing more", (t) => {
  const h = harness(t);
  h.socket.start();
  h.sockets[0].open();
  h.socket.stop();
  assert.equal(h.sockets[0].closed, 1000);
  t.mock.timers.tick(60_000);
  assert.equal(h.sockets.length, 1);
});
