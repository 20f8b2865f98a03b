import type { TimeToStepAnswerT } from '../../../server/schemas/verdieping.js';

const COLOURS = ['#01689b', '#b3541e', '#39870c', '#76232f', '#5a5a5a'];

/** Kaplan–Meier curves as percentage that took the step per month; an SVG with a text title. */
export function KmChart({ data, title, xLabel }: { data: TimeToStepAnswerT; title: string; xLabel: string }) {
  const w = 560,
    h = 260,
    left = 44,
    bottom = 36,
    top = 10,
    right = 130;
  const shown = data.groups.filter((g) => !g.suppressed && g.curve.length > 0);
  const x = (m: number) => left + (m / 24) * (w - left - right);
  const y = (pct: number) => top + (1 - pct / 100) * (h - top - bottom);
  return (
    <figure className="ks-km">
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={title} width="100%" style={{ maxWidth: w }}>
        {[0, 25, 50, 75, 100].map((p) => (
          <g key={p}>
            <line x1={left} x2={w - right} y1={y(p)} y2={y(p)} stroke="#ddd" />
            <text x={left - 6} y={y(p) + 4} fontSize="11" textAnchor="end">
              {p}%
            </text>
          </g>
        ))}
        {[0, 6, 12, 18, 24].map((m) => (
          <text key={m} x={x(m)} y={h - bottom + 16} fontSize="11" textAnchor="middle">
            {m}
          </text>
        ))}
        <text x={(left + w - right) / 2} y={h - 4} fontSize="11" textAnchor="middle">
          {xLabel}
        </text>
        {shown.map((g, i) => {
          const pts = g.curve.filter((c) => c.reached !== null);
          let d = '';
          pts.forEach((c, k) => {
            d += k === 0 ? `M${x(c.month)},${y(c.reached!)}` : `H${x(c.month)}V${y(c.reached!)}`;
          });
          const last = pts[pts.length - 1];
          return (
            <g key={g.group}>
              <path d={d} fill="none" stroke={COLOURS[i % COLOURS.length]} strokeWidth="2.5" />
              {last && (
                <text x={x(last.month) + 6} y={y(last.reached!) + 4} fontSize="11" fill={COLOURS[i % COLOURS.length]}>
                  {g.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="utrecht-paragraph">{title}</figcaption>
    </figure>
  );
}
