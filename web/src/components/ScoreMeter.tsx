// A small horizontal 1-7 scale with the cut point and the score marked.
export function ScoreMeter({
  value,
  cut,
  min = 1,
  max = 7,
}: {
  value: number;
  cut: number;
  min?: number;
  max?: number;
}) {
  const W = 300;
  const pad = 10;
  const x = (v: number) => pad + ((Math.max(min, Math.min(max, v)) - min) / (max - min)) * (W - 2 * pad);
  const ticks: number[] = [];
  for (let v = min; v <= max; v++) ticks.push(v);
  return (
    <svg class="meter" viewBox={`0 0 ${W} 44`} aria-hidden="true" focusable="false">
      <rect x={pad} y={12} width={W - 2 * pad} height={8} rx={4} class="meter-track" />
      <rect x={pad} y={12} width={Math.max(0, x(value) - pad)} height={8} rx={4} class="meter-fill" />
      <line x1={x(cut)} x2={x(cut)} y1={6} y2={26} class="meter-cut" />
      <circle cx={x(value)} cy={16} r={7} class="meter-dot" />
      {ticks.map((v) => (
        <text key={v} x={x(v)} y={40} text-anchor="middle" class="meter-tick">
          {v}
        </text>
      ))}
    </svg>
  );
}
