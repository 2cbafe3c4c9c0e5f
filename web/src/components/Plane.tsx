// The anxiety x avoidance plane: avoidance across, anxiety up, the cut lines, the four
// regions, and a dated trail of results ending at the current one. Plain SVG; colours
// come from classes in the stylesheet (the CSP forbids inline styles).
import { fmtScore, fmtShortDate, STYLES } from '../format';

export interface PlanePoint {
  id: number;
  anxiety: number;
  avoidance: number;
  date: string | null; // ISO
}

interface Props {
  points: PlanePoint[]; // oldest first; the last one is "this result" unless currentId says
  currentId?: number;
  cut: number;
  min?: number;
  max?: number;
  idBase: string; // unique prefix for <title>/<desc> ids
  title: string;
  small?: boolean;
}

const W = 420;
const H = 420;
const L = 56;
const R = 14;
const T = 14;
const B = 56;
const PW = W - L - R;
const PH = H - T - B;

export function Plane({ points, currentId, cut, min = 1, max = 7, idBase, title, small }: Props) {
  const x = (v: number) => L + ((clamp(v, min, max) - min) / (max - min)) * PW;
  const y = (v: number) => T + ((max - clamp(v, min, max)) / (max - min)) * PH;
  const cx = x(cut);
  const cy = y(cut);
  const ticks: number[] = [];
  for (let v = min; v <= max; v++) ticks.push(v);
  const current = points.find((p) => p.id === currentId) ?? points[points.length - 1];
  const trail = points.length > 1 ? points : [];
  const desc = describe(points, current, cut);

  return (
    <figure class={`plane${small ? ' plane-small' : ''}`}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby={`${idBase}-title ${idBase}-desc`}
        class="plane-svg"
      >
        <title id={`${idBase}-title`}>{title}</title>
        <desc id={`${idBase}-desc`}>{desc}</desc>
        <defs>
          <marker
            id={`${idBase}-arrow`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" class="plane-arrowhead" />
          </marker>
        </defs>
        {/* Regions: preoccupied top-left, fearful top-right, secure bottom-left, dismissing bottom-right. */}
        <rect x={L} y={T} width={cx - L} height={cy - T} class="region region-preoccupied" />
        <rect x={cx} y={T} width={L + PW - cx} height={cy - T} class="region region-fearful" />
        <rect x={L} y={cy} width={cx - L} height={T + PH - cy} class="region region-secure" />
        <rect x={cx} y={cy} width={L + PW - cx} height={T + PH - cy} class="region region-dismissing" />
        {ticks.map((v) => (
          <g key={v} aria-hidden="true">
            <line x1={x(v)} x2={x(v)} y1={T} y2={T + PH} class="grid" />
            <line x1={L} x2={L + PW} y1={y(v)} y2={y(v)} class="grid" />
            <text x={x(v)} y={T + PH + 18} class="tick" text-anchor="middle">
              {v}
            </text>
            <text x={L - 10} y={y(v) + 5} class="tick" text-anchor="end">
              {v}
            </text>
          </g>
        ))}
        <rect x={L} y={T} width={PW} height={PH} class="plane-frame" />
        <line x1={cx} x2={cx} y1={T} y2={T + PH} class="cut" />
        <line x1={L} x2={L + PW} y1={cy} y2={cy} class="cut" />
        <g aria-hidden="true" class="region-labels">
          <RegionLabel x={L + 10} y={T + 22} anchor="start" from="top" name={STYLES.preoccupied.name} />
          <RegionLabel x={L + PW - 10} y={T + 22} anchor="end" from="top" name={STYLES.fearful.name} />
          <RegionLabel x={L + 10} y={T + PH - 12} anchor="start" from="bottom" name={STYLES.secure.name} />
          <RegionLabel x={L + PW - 10} y={T + PH - 12} anchor="end" from="bottom" name={STYLES.dismissing.name} />
        </g>
        <text x={L + PW / 2} y={H - 10} class="axis-title" text-anchor="middle">
          Avoidance →
        </text>
        <text
          x={16}
          y={T + PH / 2}
          class="axis-title"
          text-anchor="middle"
          transform={`rotate(-90 16 ${T + PH / 2})`}
        >
          Anxiety →
        </text>
        {trail.length > 1 &&
          trail.slice(1).map((p, i) => {
            const a = trail[i];
            // Stop the line short of the dot so the arrowhead stays visible.
            const x1 = x(a.avoidance);
            const y1 = y(a.anxiety);
            const x2 = x(p.avoidance);
            const y2 = y(p.anxiety);
            const len = Math.hypot(x2 - x1, y2 - y1);
            if (len < 1) return null;
            const shrink = Math.min(len / 2 - 0.5, 11);
            const ux = (x2 - x1) / len;
            const uy = (y2 - y1) / len;
            return (
              <line
                key={`seg-${p.id}`}
                x1={x1 + ux * 6}
                y1={y1 + uy * 6}
                x2={x2 - ux * shrink}
                y2={y2 - uy * shrink}
                class="trail-line"
                marker-end={len > 24 ? `url(#${idBase}-arrow)` : undefined}
              />
            );
          })}
        {points.map((p) => {
          const isCurrent = p === current;
          return (
            <g key={p.id} class={isCurrent ? 'point point-current' : 'point point-earlier'}>
              <circle cx={x(p.avoidance)} cy={y(p.anxiety)} r={isCurrent ? 9 : 5.5}>
                <title>
                  {`${fmtShortDate(p.date)}: anxiety ${fmtScore(p.anxiety)}, avoidance ${fmtScore(p.avoidance)}`}
                </title>
              </circle>
            </g>
          );
        })}
        {points.length > 1 &&
          placeLabels(points, current, x, y, { left: L, top: T, right: L + PW, bottom: T + PH }).map((lb) => (
            <text
              key={`label-${lb.id}`}
              x={lb.x}
              y={lb.y}
              class={lb.current ? 'point-label point-label-current' : 'point-label'}
              text-anchor={lb.anchor}
              aria-hidden="true"
            >
              {lb.text}
            </text>
          ))}
      </svg>
      <figcaption class="plane-legend">
        <span class="legend-item">
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
            <circle cx="10" cy="10" r="7" class="legend-current" />
          </svg>
          {points.length > 1 ? 'Latest result' : 'This result'}
        </span>
        {points.length > 1 && (
          <span class="legend-item">
            <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
              <circle cx="10" cy="10" r="5" class="legend-earlier" />
            </svg>
            Earlier results, joined in date order
          </span>
        )}
        <span class="legend-item">
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
            <line x1="0" y1="10" x2="20" y2="10" class="legend-cut" />
          </svg>
          Cut point ({cut})
        </span>
      </figcaption>
    </figure>
  );
}

// A region name, broken after its hyphen onto two lines so it fits beside the cut line.
function RegionLabel(props: { x: number; y: number; anchor: 'start' | 'end'; from: 'top' | 'bottom'; name: string }) {
  const i = props.name.indexOf('-');
  const lines = i === -1 ? [props.name] : [props.name.slice(0, i + 1), props.name.slice(i + 1)];
  const lineH = 17;
  const y0 = props.from === 'top' ? props.y : props.y - (lines.length - 1) * lineH;
  return (
    <text x={props.x} y={y0} class="region-label" text-anchor={props.anchor}>
      {lines.map((line, k) => (
        <tspan key={k} x={props.x} dy={k === 0 ? 0 : lineH}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface PlacedLabel {
  id: number;
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
  current: boolean;
}

// Greedy label placement: newest first, try right, left, above, below; skip a label that
// would cover another label or a point (its date is still in the point's <title> and in
// the table beside the map).
function placeLabels(
  points: PlanePoint[],
  current: PlanePoint | undefined,
  x: (v: number) => number,
  y: (v: number) => number,
  frame: { left: number; top: number; right: number; bottom: number },
): PlacedLabel[] {
  const charW = 7.4;
  const h = 14;
  // The region names sit in the four corners; keep date labels off them.
  const cornerW = 110;
  const cornerH = 42;
  const corners: Box[] = [
    { x1: frame.left, y1: frame.top, x2: frame.left + cornerW, y2: frame.top + cornerH },
    { x1: frame.right - cornerW, y1: frame.top, x2: frame.right, y2: frame.top + cornerH },
    { x1: frame.left, y1: frame.bottom - 28, x2: frame.left + 70, y2: frame.bottom },
    { x1: frame.right - cornerW, y1: frame.bottom - cornerH, x2: frame.right, y2: frame.bottom },
  ];
  const taken: Box[] = corners.concat(points.map((p) => {
    const r = p === current ? 11 : 7;
    const px = x(p.avoidance);
    const py = y(p.anxiety);
    return { x1: px - r, y1: py - r, x2: px + r, y2: py + r };
  }));
  // Points along the trail lines, so labels avoid sitting on a line.
  const samples: [number, number][] = [];
  for (let i = 1; i < points.length; i++) {
    const ax = x(points[i - 1].avoidance);
    const ay = y(points[i - 1].anxiety);
    const bx = x(points[i].avoidance);
    const by = y(points[i].anxiety);
    const n = Math.max(2, Math.ceil(Math.hypot(bx - ax, by - ay) / 4));
    for (let k = 0; k <= n; k++) samples.push([ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n]);
  }
  const hits = (b: Box) =>
    b.x1 < frame.left + 2 || b.x2 > frame.right - 2 || b.y1 < frame.top + 2 || b.y2 > frame.bottom - 2 ||
    taken.some((t) => b.x1 < t.x2 && b.x2 > t.x1 && b.y1 < t.y2 && b.y2 > t.y1) ||
    samples.some(([sx, sy]) => sx > b.x1 - 1 && sx < b.x2 + 1 && sy > b.y1 - 1 && sy < b.y2 + 1);
  const out: PlacedLabel[] = [];
  const order = [...points].reverse();
  for (const p of order) {
    const text = fmtShortDate(p.date);
    if (!text) continue;
    const isCurrent = p === current;
    const r = isCurrent ? 13 : 9;
    const px = x(p.avoidance);
    const py = y(p.anxiety);
    const w = text.length * charW;
    const candidates: { box: Box; x: number; y: number; anchor: PlacedLabel['anchor'] }[] = [
      { box: { x1: px + r, y1: py - h / 2, x2: px + r + w, y2: py + h / 2 }, x: px + r, y: py + 5, anchor: 'start' },
      { box: { x1: px - r - w, y1: py - h / 2, x2: px - r, y2: py + h / 2 }, x: px - r, y: py + 5, anchor: 'end' },
      { box: { x1: px - w / 2, y1: py - r - h, x2: px + w / 2, y2: py - r }, x: px, y: py - r - 3, anchor: 'middle' },
      { box: { x1: px - w / 2, y1: py + r, x2: px + w / 2, y2: py + r + h }, x: px, y: py + r + 11, anchor: 'middle' },
    ];
    const spot = candidates.find((c) => !hits(c.box));
    if (!spot) continue;
    taken.push(spot.box);
    out.push({ id: p.id, text, x: spot.x, y: spot.y, anchor: spot.anchor, current: isCurrent });
  }
  return out;
}

function clamp(v: number, lo: number, hi: number) {
  return Math.max(lo, Math.min(hi, v));
}

function regionOf(p: PlanePoint, cut: number): string {
  // A score exactly on the cut point counts as lower (as the server places it).
  const anx = p.anxiety > cut;
  const av = p.avoidance > cut;
  if (!anx && !av) return STYLES.secure.name;
  if (anx && !av) return STYLES.preoccupied.name;
  if (!anx && av) return STYLES.dismissing.name;
  return STYLES.fearful.name;
}

function describe(points: PlanePoint[], current: PlanePoint | undefined, cut: number): string {
  const base = `A map with avoidance across and anxiety upward, each from 1 to 7, split at ${cut} into four regions: Secure (low anxiety, low avoidance), Anxious-preoccupied (high anxiety, low avoidance), Dismissive-avoidant (low anxiety, high avoidance) and Fearful-avoidant (high on both).`;
  if (!current) return `${base} No results yet.`;
  const now = `The latest point, from ${fmtShortDate(current.date)}, has anxiety ${fmtScore(current.anxiety)} and avoidance ${fmtScore(current.avoidance)}, in the ${regionOf(current, cut)} region.`;
  if (points.length < 2) return `${base} ${now}`;
  const first = points[0];
  return `${base} ${now} ${points.length} results are joined in date order, starting from ${fmtShortDate(first.date)} at anxiety ${fmtScore(first.anxiety)} and avoidance ${fmtScore(first.avoidance)}.`;
}
