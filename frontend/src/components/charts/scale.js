/**
 * A value axis from 0 for counts and milliseconds: a whole, round step (1, 2 or 5 × 10ⁿ) giving about
 * four intervals, and the ticks up to the first multiple of the step at or above `max`.
 */
export function axis(max, intervals = 4) {
  if (!(max > 0)) return { top: 1, ticks: [0, 1] };
  const raw = max / intervals;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].find((m) => m * magnitude >= raw) * magnitude);
  const count = Math.ceil(max / step - 1e-9);
  return { top: count * step, ticks: Array.from({ length: count + 1 }, (_, i) => i * step) };
}
