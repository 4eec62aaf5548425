/**
 * Delay before reconnect attempt `attempt` (0-based): exponential growth capped at `maxMs`, with
 * "equal jitter" (half fixed, half random) so that many clients cut off together do not return together.
 */
export function backoffDelay(attempt, { baseMs = 500, maxMs = 30_000, random = Math.random } = {}) {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
