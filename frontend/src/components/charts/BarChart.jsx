/** One bar per category: `data` is `[{label, value}]`. */
import { ChartFrame, PLOT_H } from "./ChartFrame.jsx";

export function BarChart({ title, data, format = String, className = "" }) {
  const max = Math.max(0, ...data.map((d) => d.value));
  const summary = data.map((d) => `${d.label} ${format(d.value)}`).join(", ");
  return (
    <ChartFrame
      title={title}
      summary={summary}
      labels={data.map((d) => d.label)}
      max={max}
      format={format}
      render={({ scale, slot }) =>
        data.map((d, i) => {
          const height = scale(d.value);
          return (
            <g key={d.label} className={`chart-bar ${className} bar-${i}`}>
              <rect x={slot * i + slot * 0.2} width={slot * 0.6} y={PLOT_H - height} height={height} rx={2}>
                <title>{`${d.label}: ${format(d.value)}`}</title>
              </rect>
              {d.value > 0 && (
                <text x={slot * (i + 0.5)} y={PLOT_H - height - 4} textAnchor="middle" className="chart-value">
                  {format(d.value)}
                </text>
              )}
            </g>
          );
        })
      }
    />
  );
}
