/** Axes, grid lines and caption shared by the SVG charts; children draw the bars in plot coordinates. */
import { axis } from "./scale.js";

export const WIDTH = 480;
export const HEIGHT = 220;
export const PAD = { top: 12, right: 8, bottom: 36, left: 44 };
export const PLOT_W = WIDTH - PAD.left - PAD.right;
export const PLOT_H = HEIGHT - PAD.top - PAD.bottom;

/** `render({scale, slot})` draws in plot coordinates: `scale(v)` is a bar height, `slot` a category width. */
export function ChartFrame({ title, summary, labels, max, format = String, render, legend }) {
  const { top, ticks } = axis(max);
  const slot = PLOT_W / Math.max(1, labels.length);
  const scale = (value) => (value / top) * PLOT_H;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}: ${summary}`}>
        <g transform={`translate(${PAD.left},${PAD.top})`}>
          {ticks.map((tick) => (
            <g key={tick} transform={`translate(0,${PLOT_H - scale(tick)})`} className="chart-gridline">
              <line x1={0} x2={PLOT_W} />
              <text x={-6} dy="0.32em" textAnchor="end">
                {format(tick)}
              </text>
            </g>
          ))}
          {render({ scale, slot })}
          {labels.map((label, i) => (
            <text key={label} className="chart-label" x={slot * (i + 0.5)} y={PLOT_H + 16} textAnchor="middle">
              {label}
            </text>
          ))}
        </g>
      </svg>
      {legend}
    </figure>
  );
}
