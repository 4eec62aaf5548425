import assert from "node:assert/strict";
import { test } from "node:test";
import { axis } from "../src/components/charts/scale.js";

test("round, whole steps covering the maximum", () => {
  assert.deepEqual(axis(22), { top: 30, ticks: [0, 10, 20, 30] });
  assert.deepEqual(axis(910), { top: 1000, ticks: [0, 500, 1000] });
  assert.deepEqual(axis(3), { top: 3, ticks: [0, 1, 2, 3] });
  assert.deepEqual(axis(1), { top: 1, ticks: [0, 1] });
});

test("an empty chart still has an axis", () => {
  assert.deepEqual(axis(0), { top: 1, ticks: [0, 1] });
});
