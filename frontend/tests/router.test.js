import assert from "node:assert/strict";
import { test } from "node:test";
import { matchRoute, parseHash } from "../src/lib/router.js";

const PATTERNS = ["/chat", "/chat/:roomId", "/tools/hospitals"];

test("parseHash splits path and query, defaulting to /", () => {
  assert.equal(parseHash("").path, "/");
  const { path, query } = parseHash("#/tools/hospitals?city=busan");
  assert.equal(path, "/tools/hospitals");
  assert.equal(query.get("city"), "busan");
});

test("matchRoute extracts parameters and refuses other shapes", () => {
  assert.deepEqual(matchRoute("/chat", PATTERNS), { pattern: "/chat", params: {} });
  assert.deepEqual(matchRoute("/chat/42", PATTERNS), { pattern: "/chat/:roomId", params: { roomId: "42" } });
  assert.equal(matchRoute("/chat/42/x", PATTERNS), null);
  assert.equal(matchRoute("/admin", PATTERNS), null);
});
