import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { installBrowserGlobals, jsonResponse } from "./fakes.js";

const net = installBrowserGlobals();
const { api, ApiError } = await import("../src/api/client.js");
const { getAccessToken, getUser, setSession, storedRefreshToken } = await import("../src/api/session.js");

const PAIR = { access_token: "new-access", refresh_token: "new-refresh", user_id: "u", role: "user" };

beforeEach(() => {
  net.calls.length = 0;
  setSession({ access_token: "old-access", refresh_token: "old-refresh", user_id: "u", role: "user" });
});

test("a 401 refreshes once (rotating the stored refresh token) and retries with the new token", async () => {
  net.respond(() => jsonResponse({ error: { code: "unauthorized", message: "expired" } }, 401));
  net.respond(() => jsonResponse(PAIR));
  net.respond(() => jsonResponse({ ok: true }));
  assert.deepEqual(await api("/account/profile"), { ok: true });
  assert.equal(net.calls[1].url, "/api/v1/auth/refresh");
  assert.deepEqual(net.calls[1].body, { refresh_token: "old-refresh" });
  assert.equal(net.calls[2].init.headers.Authorization, "Bearer new-access");
  assert.equal(storedRefreshToken(), "new-refresh");
  assert.equal(getAccessToken(), "new-access");
});

test("a refused refresh ends the session", async () => {
  net.respond(() => jsonResponse({ error: { code: "unauthorized", message: "expired" } }, 401));
  net.respond(() => jsonResponse({ error: { code: "unauthorized", message: "revoked" } }, 401));
  await assert.rejects(api("/account/profile"), (error) => error instanceof ApiError && error.status === 401);
  assert.equal(getUser(), null);
  assert.equal(storedRefreshToken(), null);
});

test("concurrent 401s share one refresh", async () => {
  const unauthorized = () => jsonResponse({ error: { code: "unauthorized", message: "expired" } }, 401);
  net.respond(unauthorized);
  net.respond(unauthorized);
  net.respond(() => jsonResponse(PAIR));
  net.respond(() => jsonResponse(1));
  net.respond(() => jsonResponse(2));
  const results = await Promise.all([api("/a"), api("/b")]);
  assert.deepEqual(results.sort(), [1, 2]);
  assert.equal(net.calls.filter((c) => c.url === "/api/v1/auth/refresh").length, 1);
});

test("errors keep the server's code, message and Retry-After; a dead network is status 0", async () => {
  net.respond(
    () =>
      new Response(JSON.stringify({ error: { code: "rate_limited", message: "slow" }, request_id: "r1" }), {
        status: 429,
        headers: { "Retry-After": "7" },
      }),
  );
  await assert.rejects(api("/x"), (e) => e.status === 429 && e.code === "rate_limited" && e.retryAfter === 7);
  await assert.rejects(api("/x"), (e) => e.isNetwork && e.status === 0);
});

test("query parameters skip empty values; 204 resolves to null", async () => {
  net.respond(() => new Response(null, { status: 204 }));
  assert.equal(await api("/chat/rooms", { query: { q: "", limit: 5, before_id: undefined } }), null);
  assert.equal(net.calls[0].url, "/api/v1/chat/rooms?limit=5");
});
