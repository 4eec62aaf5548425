import assert from "node:assert/strict";
import { test } from "node:test";
import { backoffDelay } from "../src/chat/backoff.js";

test("grows exponentially between half and all of the ceiling", () => {
  assert.equal(backoffDelay(0, { random: () => 0 }), 250);
  assert.equal(backoffDelay(0, { random: () => 1 }), 500);
  assert.equal(backoffDelay(3, { random: () => 0 }), 2000);
  assert.equal(backoffDelay(3, { random: () => 1 }), 4000);
});

test("never exceeds the cap", () => {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    assert.ok(backoffDelay(attempt) <= 30_000);
  }
  assert.equal(backoffDelay(20, { random: () => 0 }), 15_000);
});
