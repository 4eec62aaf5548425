/** Stacked bars: one bar per category, one coloured segment per series; `rows` is `[{category, series, value}]`. */
import { ChartFrame, PLOT_H } from "./ChartFrame.jsx";

export function StackedBarChart({ title, rows, seriesLabel = String, categoryLabel = String }) {
  const categories = [...new Set(rows.map((r) => r.category))].sort();
  const series = [...new Set(rows.map((r) => r.series))].sort();
  const value = (category, name) =>
    rows.filter((r) => r.category === category && r.series === name).reduce((sum, r) => sum + r.value, 0);
  const totals = categories.map((c) => series.reduce((sum, s) => sum + value(c, s), 0));
  const summary = categories.map((c, i) => `${categoryLabel(c)} ${totals[i]}`).join(", ");

  return (
    <ChartFrame
      title={title}
      summary={summary}
      labels={categories.map(categoryLabel)}
      max={Math.max(0, ...totals)}
      render={({ scale, slot }) =>
        categories.map((category, i) => {
          let base = PLOT_H;
          return (
            <g key={category}>
              {series.map((name) => {
                const height = scale(value(category, name));
                base -= height;
                return (
                  <rect
                    key={name}
                    className={`series series-${name}`}
                    x={slot * i + slot * 0.15}
                    width={slot * 0.7}
                    y={base}
                    height={height}
                  >
                    <title>{`${categoryLabel(category)} · ${seriesLabel(name)}: ${value(category, name)}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        })
      }
      legend={
        <ul className="chart-legend">
          {series.map((name) => (
            <li key={name}>
              <span className={`swatch series-${name}`} aria-hidden="true" />
              {seriesLabel(name)}
            </li>
          ))}
        </ul>
      }
    />
  );
}
