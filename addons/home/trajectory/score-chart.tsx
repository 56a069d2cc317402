/** Check-in scores and evaluation results over time as a small accessible SVG (title, description, a table as text alternative) — no chart library. */
import type { Locale, ProgressSeries } from '../../../shared/protocol';
import type { TrajectoryStrings } from './trajectory-strings';

const W = 560;
const H = 200;
const PAD = { l: 28, r: 12, t: 12, b: 28 };
const DAY = 86_400_000;

const fmt = (ms: number, zone: string, locale: Locale) => new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { timeZone: zone, day: 'numeric', month: 'short' }).format(ms);

/** The chart; `zone` is the coach's. @see https://www.w3.org/WAI/tutorials/images/complex/ */
export function ScoreChart({ data, t, locale, zone }: { data: ProgressSeries; t: TrajectoryStrings; locale: Locale; zone: string }) {
  const checkins = data.series.find((s) => s.key === 'checkin')?.points ?? [];
  const evaluations = data.series.find((s) => s.key === 'evaluation')?.points ?? [];
  const all = [...checkins, ...evaluations];
  if (all.length === 0) return <p class="hint">{t.chartEmpty}</p>;
  const times = [...all.map((p) => Date.parse(p.at)), ...data.sessions.map((s) => Date.parse(s.startsAt))];
  const t0 = Math.min(...times) - DAY;
  const t1 = Math.max(...times) + DAY;
  const x = (ms: number) => PAD.l + ((ms - t0) / (t1 - t0)) * (W - PAD.l - PAD.r);
  const y = (v: number) => PAD.t + ((5 - v) / 4) * (H - PAD.t - PAD.b);
  const line = checkins.map((p, i) => `${i ? 'L' : 'M'}${x(Date.parse(p.at)).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  return (
    <figure class="score-chart" data-testid="score-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="sc-title sc-desc" preserveAspectRatio="xMidYMid meet">
        <title id="sc-title">{t.chart}</title>
        <desc id="sc-desc">{t.chartDesc(checkins.length, evaluations.length)}</desc>
        {[1, 2, 3, 4, 5].map((v) => (
          <g>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(v)} y2={y(v)} class={v <= 2 ? 'sc-grid sc-low' : 'sc-grid'} />
            <text x={PAD.l - 8} y={y(v) + 4} text-anchor="end" class="sc-label">
              {v}
            </text>
          </g>
        ))}
        {data.sessions.map((s) => (
          <g>
            <line x1={x(Date.parse(s.startsAt))} x2={x(Date.parse(s.startsAt))} y1={PAD.t} y2={H - PAD.b} class="sc-session" />
            <text x={x(Date.parse(s.startsAt))} y={H - 8} text-anchor="middle" class="sc-label">
              {fmt(Date.parse(s.startsAt), zone, locale)}
            </text>
          </g>
        ))}
        <path d={line} class="sc-line" fill="none" />
        {checkins.map((p) => (
          <circle cx={x(Date.parse(p.at))} cy={y(p.value)} r={5} class={p.value <= 2 ? 'sc-dot sc-dot-low' : 'sc-dot'} />
        ))}
        {evaluations.map((p) => {
          const cx = x(Date.parse(p.at));
          const cy = y(p.value);
          return <path d={`M${cx},${cy - 7} L${cx + 7},${cy} L${cx},${cy + 7} L${cx - 7},${cy} Z`} class="sc-eval" />;
        })}
      </svg>
      <figcaption class="sc-legend">
        <span class="sc-key sc-key-line" aria-hidden="true" /> {t.checkin} <span class="sc-key sc-key-eval" aria-hidden="true" /> {t.evaluation} <span class="sc-key sc-key-session" aria-hidden="true" /> {t.session}
      </figcaption>
      <details>
        <summary>{t.tableCaption}</summary>
        <table class="sc-table">
          <thead>
            <tr>
              <th scope="col">{t.date}</th>
              <th scope="col">{t.series}</th>
              <th scope="col">{t.score}</th>
            </tr>
          </thead>
          <tbody>
            {[...checkins.map((p) => ({ ...p, s: t.checkin })), ...evaluations.map((p) => ({ ...p, s: t.evaluation }))]
              .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
              .map((p) => (
                <tr>
                  <td>{fmt(Date.parse(p.at), zone, locale)}</td>
                  <td>{p.s}</td>
                  <td>{p.value}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
