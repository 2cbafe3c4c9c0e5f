// Small SVG charts for steps 4 and 7. Each is an image with a text alternative; the pages
// put a plain-words summary and the counts beside it.

export interface BarRow {
  label: string;
  value: number; // drawn length, 0..max
  text: string; // shown at the end of the bar ("2 of 3", "67%")
}

// Horizontal bars, label above each bar, so long names fit at 360 px.
export function BarChart({ rows, max, summary, kind = 'accent' }: { rows: BarRow[]; max?: number; summary: string; kind?: string }) {
  const top = max ?? (Math.max(0, ...rows.map((r) => r.value)) || 1);
  const W = 320;
  const rowH = 40;
  const barW = 220;
  return (
    <svg class={`bar-chart bar-chart-${kind}`} viewBox={`0 0 ${W} ${rows.length * rowH + 4}`} role="img" aria-label={summary}>
      {rows.map((r, i) => {
        const y = i * rowH;
        const w = Math.max(r.value > 0 ? 3 : 0, (r.value / top) * barW);
        return (
          <g key={r.label + i}>
            <text class="chart-label" x={0} y={y + 13}>
              {r.label.length > 40 ? r.label.slice(0, 39) + '…' : r.label}
            </text>
            <rect class="chart-track" x={0} y={y + 18} width={barW} height={14} rx={4} />
            <rect class="chart-fill" x={0} y={y + 18} width={w} height={14} rx={4} />
            <text class="chart-value" x={barW + 8} y={y + 30}>
              {r.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

// Two-part bars (for example held vs crossed) with a legend.
export function SplitBarChart({
  rows,
  summary,
  legend,
}: {
  rows: { label: string; a: number; b: number; c?: number }[];
  summary: string;
  legend: [string, string, string?];
}) {
  const top = Math.max(1, ...rows.map((r) => r.a + r.b + (r.c ?? 0)));
  const W = 320;
  const rowH = 40;
  const barW = 220;
  return (
    <figure class="split-chart">
      <svg viewBox={`0 0 ${W} ${rows.length * rowH + 4}`} role="img" aria-label={summary}>
        {rows.map((r, i) => {
          const y = i * rowH;
          const wa = (r.a / top) * barW;
          const wb = (r.b / top) * barW;
          const wc = ((r.c ?? 0) / top) * barW;
          return (
            <g key={r.label + i}>
              <text class="chart-label" x={0} y={y + 13}>
                {r.label.length > 40 ? r.label.slice(0, 39) + '…' : r.label}
              </text>
              <rect class="chart-track" x={0} y={y + 18} width={barW} height={14} rx={4} />
              <rect class="part-a" x={0} y={y + 18} width={wa} height={14} />
              <rect class="part-b" x={wa} y={y + 18} width={wb} height={14} />
              <rect class="part-c" x={wa + wb} y={y + 18} width={wc} height={14} />
              <text class="chart-value" x={barW + 8} y={y + 30}>
                {r.a}/{r.b}
                {r.c !== undefined ? `/${r.c}` : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="chart-legend">
        <span class="chart-key chart-key-a">{legend[0]}</span> <span class="chart-key chart-key-b">{legend[1]}</span>{' '}
        {legend[2] && <span class="chart-key chart-key-c">{legend[2]}</span>}
      </figcaption>
    </figure>
  );
}

// Points over time on a fixed 0-10 scale (practice steadiness).
export function LineChart({ points, summary }: { points: { at: string; value: number }[]; summary: string }) {
  const W = 320;
  const H = 150;
  const left = 26;
  const right = 10;
  const topPad = 10;
  const bottom = 26;
  const plotW = W - left - right;
  const plotH = H - topPad - bottom;
  const x = (i: number) => left + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (v: number) => topPad + plotH - (v / 10) * plotH;
  const date = (s: string) => new Date(s).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });
  return (
    <svg class="line-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
      {[0, 5, 10].map((v) => (
        <g key={v}>
          <line class="chart-grid" x1={left} x2={W - right} y1={y(v)} y2={y(v)} />
          <text class="chart-tick" x={left - 6} y={y(v) + 4} text-anchor="end">
            {v}
          </text>
        </g>
      ))}
      {points.length > 1 && <polyline class="chart-line" points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')} />}
      {points.map((p, i) => (
        <circle key={i} class="chart-point" cx={x(i)} cy={y(p.value)} r={4} />
      ))}
      {points.length > 0 && (
        <>
          <text class="chart-tick" x={x(0)} y={H - 6} text-anchor={points.length > 1 ? 'start' : 'middle'}>
            {date(points[0].at)}
          </text>
          {points.length > 1 && (
            <text class="chart-tick" x={x(points.length - 1)} y={H - 6} text-anchor="end">
              {date(points[points.length - 1].at)}
            </text>
          )}
        </>
      )}
    </svg>
  );
}
