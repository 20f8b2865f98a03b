import type { MirrorCell, MirrorResult } from './funnel.js';
import { INTERSECTION_SEPARATOR, groupingLabel } from './funnel.js';
import { groundDef, groupLabel, type GroundDef } from './grounds.js';
import { stageDef, type StageDef } from './stages.js';
import type { Narrative } from './narrative.js';
import { isClear } from './narrative.js';
import type { BenchmarkRow, PeriodComparisonRow } from './benchmark.js';
import { dutchDate, nl, pctNl, pointsNl } from './format.js';
import { NATIONAL_CAVEAT } from './caveats.js';
import { formatValue, roundAs, type MirrorReport, type ReportTable } from './report-model.js';
import { namesFor } from './narrative.js';
import { reportTexts, type ReportLang } from './report-texts.js';

export interface HtmlReportInput {
  title: string;
  subtitle: string;
  result: MirrorResult;
  narrative: Narrative;
  benchmark?: BenchmarkRow[];
  /** Comparison with another period or team. */
  comparison?: { label: string; rows: PeriodComparisonRow[] };
  extraGrounds?: readonly GroundDef[];
  extraStages?: readonly StageDef[];
  generatedAt?: string;
}

export const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function label(c: MirrorCell, extra: readonly GroundDef[]): string {
  const keys = c.ground.split(INTERSECTION_SEPARATOR);
  return c.groups
    .map((g, i) => {
      const d = groundDef(keys[i], extra);
      return d ? groupLabel(d, g) : g;
    })
    .join(' · ');
}

/** A horizontal bar chart of rates with 95% intervals, one bar per group, as inline SVG. */
export function rateChartSvg(
  cells: readonly MirrorCell[],
  groupName: (c: MirrorCell) => string,
  caption: string,
  pct: (value: number) => string = (v) => pctNl(v, 1),
): string {
  const rows = cells.filter((c) => !c.unknown);
  const rowH = 22,
    left = 230,
    width = 560,
    plotW = width - left - 60;
  const height = rows.length * rowH + 34;
  const top = Math.max(1, ...rows.map((c) => c.rateUpper ?? c.rate ?? 0));
  const max = [5, 10, 20, 25, 40, 50, 60, 80, 100].find((v) => v >= top) ?? 100;
  const scale = (v: number) => left + (v / max) * plotW;
  const bars = rows
    .map((c, i) => {
      const y = 8 + i * rowH;
      const name = `<text x="${left - 8}" y="${y + 14}" text-anchor="end">${esc(groupName(c))}</text>`;
      if (c.rate === null)
        return `${name}<text x="${left + 4}" y="${y + 14}" class="muted">&lt; drempel, niet getoond</text>`;
      const clear = isClear(c);
      return (
        `${name}<rect x="${left}" y="${y + 3}" width="${Math.max(1, scale(c.rate) - left).toFixed(1)}" height="14" class="${clear ? 'bar clear' : 'bar'}"/>` +
        `<line x1="${scale(c.rateLower!).toFixed(1)}" x2="${scale(c.rateUpper!).toFixed(1)}" y1="${y + 10}" y2="${y + 10}" class="ci"/>` +
        `<line x1="${scale(c.rateLower!).toFixed(1)}" x2="${scale(c.rateLower!).toFixed(1)}" y1="${y + 5}" y2="${y + 15}" class="ci"/>` +
        `<line x1="${scale(c.rateUpper!).toFixed(1)}" x2="${scale(c.rateUpper!).toFixed(1)}" y1="${y + 5}" y2="${y + 15}" class="ci"/>` +
        `<text x="${(scale(c.rateUpper!) + 6).toFixed(1)}" y="${y + 14}">${pct(c.rate)}</text>`
      );
    })
    .join('');
  const axisY = rows.length * rowH + 14;
  const ticks = [0, max / 2, max]
    .map(
      (v) => `<text x="${scale(v).toFixed(1)}" y="${axisY + 14}" text-anchor="middle" class="muted">${nl(v)}%</text>`,
    )
    .join('');
  return (
    `<svg role="img" aria-label="${esc(caption)}" viewBox="0 0 ${width} ${height + 10}" width="100%" style="max-width:${width}px">` +
    `<title>${esc(caption)}</title>${bars}<line x1="${left}" x2="${left + plotW}" y1="${axisY}" y2="${axisY}" class="axis"/>${ticks}</svg>`
  );
}

function cellTable(
  result: MirrorResult,
  grouping: string,
  extra: readonly GroundDef[],
  extraStages: readonly StageDef[] | undefined,
): string {
  const cells = result.cells.filter((c) => c.ground === grouping);
  const stages = result.stages;
  const groups = [...new Map(cells.map((c) => [c.group, c])).values()];
  const t = result.threshold;
  const head = `<tr><th scope="col">Groep</th><th scope="col">Aantal</th><th scope="col">Aandeel bevolking</th>${stages.map((s) => `<th scope="col">${esc(stageDef(s, extraStages).label)}<br><span class="sub">aandeel · verschil · kans</span></th>`).join('')}</tr>`;
  const body = groups
    .map((g) => {
      const first = cells.find((c) => c.group === g.group)!;
      const pop = first.nPopulation === null ? `&lt; ${t}` : nl(first.nPopulation);
      const tds = stages
        .map((s) => {
          const c = cells.find((x) => x.group === g.group && x.stage === s)!;
          if (c.suppressed === 'secundair') return '<td class="supp">x</td>';
          if (c.suppressed !== null) return `<td class="supp">&lt; ${t}</td>`;
          if (c.unknown) return `<td class="muted">${pctNl(c.rate, 1)}</td>`;
          const mark = isClear(c) ? ' class="clear"' : '';
          return `<td${mark}>${pctNl(c.shareStage)} · ${pointsNl(c.differencePp)} · ${pctNl(c.rate, 1)} <span class="sub">(${pctNl(c.rateLower, 1)}–${pctNl(c.rateUpper, 1)})</span></td>`;
        })
        .join('');
      return `<tr><th scope="row">${esc(label(first, extra))}</th><td>${pop}</td><td>${first.unknown ? '–' : pctNl(first.sharePopulation)}</td>${tds}</tr>`;
    })
    .join('');
  return `<table><caption>${esc(groupingLabel(grouping, extra))}: aandeel in elke fase tegen aandeel in de bevolking (verschil in procentpunten) en de kans per groep met 95%-betrouwbaarheidsinterval</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

export const CSS = `
body{font-family:"Noto Sans","Noto Sans Variable","Segoe UI",Arial,sans-serif;color:#1a1a1a;max-width:1100px;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.8rem;margin-bottom:0}h2{margin-top:2.2rem;border-bottom:2px solid #24578f;padding-bottom:.2rem}
.lead{font-size:1.15rem;color:#333}.story{background:#eef4fa;border-left:4px solid #24578f;padding:.6rem 1rem;margin:1rem 0}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.85rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #c8c8c8;padding:.3rem .45rem;text-align:left;vertical-align:top}thead th{background:#f2f2f2}
td.clear{background:#fff2cc}td.supp{color:#555;font-style:italic}.sub{font-size:.75rem;color:#555;font-weight:normal}.muted{fill:#555;color:#555}
svg text{font-size:12px;fill:#1a1a1a}svg .bar{fill:#7aa6d6}svg .bar.clear{fill:#24578f}svg .ci{stroke:#1a1a1a;stroke-width:1.2}svg .axis{stroke:#999}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:1rem}figure{margin:0}figcaption{font-weight:600;font-size:.9rem}
footer{margin-top:3rem;font-size:.8rem;color:#555}.caveat{background:#fff8e1;border-left:4px solid #8a6d00;padding:.5rem .8rem;font-size:.9rem}td.num{text-align:right;font-variant-numeric:tabular-nums}.notes{font-size:.85rem;color:#333}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,figure{break-inside:avoid}.charts{grid-template-columns:1fr 1fr}}
`;

/** The self-contained, printable HTML report (no scripts, no external files). */
export function mirrorToHtml(input: HtmlReportInput): string {
  const { result, narrative } = input;
  const extra = input.extraGrounds ?? [];
  const story = narrative.sections
    .map((s) => `<h3>${esc(s.title)}</h3><ul>${s.sentences.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`)
    .join('');
  const funnel =
    `<table><caption>De trechter: hoeveel mensen elke fase bereikten</caption><thead><tr><th scope="col">Fase</th><th scope="col">Betekenis</th><th scope="col">Aantal</th><th scope="col">Kans</th></tr></thead><tbody>` +
    result.totals
      .map((t) => {
        const d = stageDef(t.stage, input.extraStages);
        return `<tr><th scope="row">${esc(d.label)}</th><td>${esc(d.description)}</td><td>${t.reached === null ? `&lt; ${result.threshold}` : nl(t.reached)}</td><td>${pctNl(t.rate, 1)}</td></tr>`;
      })
      .join('') +
    `</tbody></table>`;
  const perGround = result.groupings
    .map((g) => {
      const charts = result.stages
        .map((s) => {
          const cells = result.cells.filter((c) => c.ground === g && c.stage === s);
          const caption = `${stageDef(s, input.extraStages).label}: kans per groep (${groupingLabel(g, extra).toLowerCase()})`;
          return `<figure><figcaption>${esc(caption)}</figcaption>${rateChartSvg(cells, (c) => label(c, extra), caption)}</figure>`;
        })
        .join('');
      return `<section><h2>${esc(groupingLabel(g, extra))}</h2>${cellTable(result, g, extra, input.extraStages)}<div class="charts">${charts}</div></section>`;
    })
    .join('');
  const bench = input.benchmark?.length
    ? `<section><h2>Vergelijking met Nederland (CBS 2018)</h2><table><caption>Verschil tussen aandeel in de fase en aandeel in de bevolking (procentpunten), hier en landelijk; en de kans per groep</caption><thead><tr><th scope="col">Kenmerk</th><th scope="col">Groep</th><th scope="col">Fase</th><th scope="col">Verschil hier</th><th scope="col">Verschil landelijk</th><th scope="col">Kans hier</th><th scope="col">Kans landelijk</th></tr></thead><tbody>` +
      input.benchmark
        .map(
          (b) =>
            `<tr><td>${esc(groupingLabel(b.ground))}</td><td>${esc(b.nationalGroup)}</td><td>${esc(stageDef(b.stage).label)}</td><td>${pointsNl(b.localDifferencePp, 1)}</td><td>${pointsNl(b.nationalDifferencePp, 1)}</td><td>${pctNl(b.localRate, 1)}</td><td>${pctNl(b.nationalRate, 1)}</td></tr>`,
        )
        .join('') +
      `</tbody></table><p class="caveat">${esc(NATIONAL_CAVEAT.nl)}</p></section>`
    : '';
  const cmp = input.comparison;
  const comparison =
    cmp && cmp.rows.length
      ? `<section><h2>Vergelijking met ${esc(cmp.label)}</h2><table><caption>Kans per groep hier en in ${esc(cmp.label)}, het verschil in procentpunten en een toets van dat verschil</caption><thead><tr><th scope="col">Kenmerk</th><th scope="col">Groep</th><th scope="col">Fase</th><th scope="col">Kans hier</th><th scope="col">Kans ${esc(cmp.label)}</th><th scope="col">Verschil</th><th scope="col">p</th></tr></thead><tbody>` +
        cmp.rows
          .map(
            (r) =>
              `<tr><td>${esc(groupingLabel(r.ground, extra))}</td><td>${esc(r.group)}</td><td>${esc(stageDef(r.stage, input.extraStages).label)}</td><td>${r.rate === null ? `&lt; ${result.threshold}` : pctNl(r.rate, 1)}</td><td>${r.otherRate === null ? `&lt; ${result.threshold}` : pctNl(r.otherRate, 1)}</td><td>${pointsNl(r.change, 1)}</td><td>${r.p === null ? '–' : r.p < 0.001 ? '&lt; 0,001' : nl(r.p, 3)}</td></tr>`,
          )
          .join('') +
        `</tbody></table></section>`
      : '';
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(input.title)}</title><style>${CSS}</style></head><body>
<header><h1>${esc(input.title)}</h1><p class="lead">${esc(input.subtitle)}</p></header>
<main>
<section class="story" aria-labelledby="verhaal"><h2 id="verhaal">Het verhaal achter de cijfers</h2><p><strong>${esc(narrative.headline)}</strong></p>${story}</section>
<section><h2>De trechter</h2>${funnel}</section>
${perGround}
${bench}
${comparison}
<section><h2>Zo leest u dit</h2><ul>
<li><strong>Aandeel</strong>: welk deel van de mensen in een fase tot deze groep hoort. <strong>Verschil</strong>: dat aandeel min het aandeel van de groep in de hele bevolking, in procentpunten. Negatief betekent ondervertegenwoordigd.</li>
<li><strong>Kans</strong>: welk deel van de groep de fase bereikte, met een 95%-betrouwbaarheidsinterval (Wilson). Een geel vakje is een duidelijk verschil met de rest: na correctie voor het aantal vergelijkingen (Benjamini-Hochberg) p &lt; 0,05 en minstens 10% hoger of lager.</li>
<li>"&lt; ${result.threshold}": minder dan ${result.threshold} mensen. "x": genoeg mensen, maar met dit cijfer zou u een verborgen klein aantal kunnen terugrekenen. Beide tonen we niet.</li>
${result.protection && result.protection.base > 1 ? `<li>Alle aantallen zijn afgerond op veelvouden van ${result.protection.base}. Percentages, verhoudingen en toetsen zijn berekend uit de afgeronde aantallen, zodat niemand door cijfers van elkaar af te trekken iets over één persoon te weten komt.</li>` : ''}
</ul></section>
</main>
<footer>Gemaakt met Kansenspiegel${input.generatedAt ? ` op ${esc(dutchDate(input.generatedAt))}` : ''}. Drempel voor kleine aantallen: ${result.threshold}.</footer>
</body></html>`;
}

function reportTableHtml(t: ReportTable, id: string, lang: ReportLang): string {
  const head = t.columns.map((c) => `<th scope="col">${esc(c.label)}</th>`).join('');
  const body = t.rows
    .map((row) => {
      const cells = row.map((v, i) => {
        const kind = t.columns[i].kind;
        const text = esc(formatValue(v, kind, lang));
        if (i === 0) return `<th scope="row">${text}</th>`;
        const cls = kind === 'text' ? '' : typeof v === 'number' ? ' class="num"' : ' class="supp num"';
        return `<td${cls}>${text}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('');
  const caveat = t.key === 'national';
  const notes = t.notes.map((n) => `<p class="${caveat ? 'caveat' : 'notes'}">${esc(n)}</p>`).join('');
  return `<section aria-labelledby="${id}" data-table="${t.key}"><h2 id="${id}">${esc(t.name)}</h2><table><caption>${esc(t.title)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${notes}</section>`;
}

/**
 * The council report: every section of the page for one view (story, funnel, groups with
 * charts, data quality, the national comparison with its caveat, the adjusted comparison and the
 * attention mirror) and the method notes, in the report's language; self-contained and
 * printable, no scripts.
 */
export function reportToHtml(
  report: MirrorReport,
  result: MirrorResult,
  grouping: string,
  extra: readonly GroundDef[] = [],
): string {
  const { narrative, lang } = report;
  const tx = reportTexts(lang);
  const names = namesFor(lang, { extraGrounds: extra });
  const groupName = (c: MirrorCell) =>
    c.groups.map((g, i) => names.group(c.ground.split(INTERSECTION_SEPARATOR)[i], g)).join(' · ');
  const pct = (v: number) => `${formatValue(roundAs(v, 'pct'), 'pct', lang)}%`;
  const story = narrative.sections
    .map((s) => `<h3>${esc(s.title)}</h3><ul>${s.sentences.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`)
    .join('');
  const charts = result.stages
    .map((s) => {
      const cells = result.cells.filter((c) => c.ground === grouping && c.stage === s && c.suppressed === null);
      const caption = tx.chartCaption(names.stage(s).label, names.ground(grouping));
      return cells.length
        ? `<figure><figcaption>${esc(caption)}</figcaption>${rateChartSvg(cells, groupName, caption, pct)}</figure>`
        : '';
    })
    .join('');
  const tables = report.tables
    .map((t, i) => {
      const html = reportTableHtml(t, `sectie-${i + 1}`, lang);
      return t.key === 'groups' ? html.replace('</section>', `<div class="charts">${charts}</div></section>`) : html;
    })
    .join('\n');
  const subtitle = tx.subtitle(report, formatValue(report.population, 'count', lang));
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(`${report.title} ${report.municipality} ${report.period}`)}</title><style>${CSS}</style></head><body>
<header><h1>${esc(report.title)}</h1><p class="lead">${esc(subtitle)}</p></header>
<main>
<section class="story" aria-labelledby="verhaal"><h2 id="verhaal">${esc(tx.storyTitle)}</h2><p><strong>${esc(narrative.headline)}</strong></p>${story}</section>
${tables}
<section aria-labelledby="methode"><h2 id="methode">${esc(tx.methodTitle)}</h2><ul>${report.methodNotes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></section>
</main>
<footer>${esc(tx.footer(report.generatedOn, report.threshold))}</footer>
</body></html>`;
}
