import assert from "node:assert/strict";
import { test } from "node:test";
import { messages } from "../src/i18n/messages.js";

test("Korean and English define the same keys with the same placeholders", () => {
  assert.deepEqual(Object.keys(messages.en).sort(), Object.keys(messages.ko).sort());
  const placeholders = (text) => (text.match(/\{\w+\}/g) ?? []).sort();
  for (const key of Object.keys(messages.ko)) {
    assert.deepEqual(placeholders(messages.en[key]), placeholders(messages.ko[key]), key);
  }
});
