import { useId } from 'react';
import { Legend } from '../../charts/Legend.js';
import { MatrixChart, type MatrixCellValue } from '../../charts/MatrixChart.js';
import { DataTable, type TableCell, type TableRow } from './DataTable.js';
import { useFormat, type Format } from './format.js';
import {
  cellOf,
  groupLabelOf,
  groupsOf,
  hiddenGroupsOf,
  isClear,
  type GroundOption,
  type MirrorCell,
  type MirrorResult,
} from './model.js';
import { useSpiegelTexts } from './texts.js';

export type View = 'composition' | 'rate';

export interface GroupsPanelProps {
  result: MirrorResult;
  grouping: string;
  groundLabel: string;
  grounds: GroundOption[];
  stageLabel: (key: string) => string;
  /** The stages to show (default: all of the result). */
  stages?: readonly string[];
  view: View;
  /** Chart and table captions (default: the composition or rate texts). */
  chartTitle?: string;
  tableCaption?: string;
  testId: string;
}

/** Every decision moment side by side for every group: a chart, and the table behind it. */
export function GroupsPanel({
  result,
  grouping,
  groundLabel,
  grounds,
  stageLabel,
  stages = result.stages,
  view,
  chartTitle,
  tableCaption,
  testId,
}: GroupsPanelProps) {
  const t = useSpiegelTexts();
  const f = useFormat();
  const noteId = useId();
  // groups of which nothing at all may be shown fold into one line under the table
  const hidden = hiddenGroupsOf(result, grouping, stages);
  const shown = groupsOf(result, grouping).filter((g) => !hidden.has(g.group));
  const label = (c: MirrorCell) => groupLabelOf(c, grounds, t('unknownGroup'));
  const columns = stages.map((s) => ({ key: s, label: stageLabel(s) }));
  const rows = shown.map((g) => ({ key: g.group, label: label(g) }));
  const suppressed = t('suppressed', { t: result.threshold });

  const value = (group: string, stage: string): MatrixCellValue => {
    const c = cellOf(result, grouping, group, stage);
    if (!c) return null;
    if (c.suppressed !== null) return c.suppressed === 'secundair' ? 'secundair' : 'suppressed';
    if (view === 'composition')
      return c.differencePp === null
        ? null
        : { value: c.differencePp, label: f.points(c.differencePp), emphasis: isClear(c) };
    return c.rate === null
      ? null
      : { value: c.rate, lower: c.rateLower, upper: c.rateUpper, label: f.pct(c.rate, 0), emphasis: isClear(c) };
  };

  const tableRows = tableRowsOf({ result, grouping, groups: shown, stages, view, label, f });
  const tableColumns =
    view === 'composition'
      ? [
          t('group'),
          t('count'),
          t('sharePopulation'),
          ...stages.flatMap((s) => [
            t('shareStage', { stage: stageLabel(s) }),
            t('difference', { stage: stageLabel(s) }),
          ]),
        ]
      : [
          t('group'),
          t('count'),
          ...stages.map((s) => `${stageLabel(s)}: ${t('rate').toLowerCase()} (${t('interval')})`),
        ];
  const title = chartTitle ?? t(view === 'composition' ? 'compositionChart' : 'rateChart', { ground: groundLabel });
  const caption = tableCaption ?? t(view === 'composition' ? 'compositionTable' : 'rateTable', { ground: groundLabel });
  const anyClear = result.cells.some((c) => c.ground === grouping && stages.includes(c.stage) && isClear(c));

  return (
    <div className="ks-groups" data-testid={testId}>
      <figure className="ks-figure">
        <figcaption className="ks-figure__caption">{title}</figcaption>
        <div className="ks-figure__scroll" tabIndex={0} role="group" aria-label={title}>
          <MatrixChart
            title={title}
            description={t(view === 'composition' ? 'compositionIntro' : 'rateIntro')}
            columns={columns}
            rows={rows}
            value={value}
            mode={view === 'composition' ? 'diverging' : 'rate'}
            suppressedLabel={suppressed}
            secondaryLabel={t('secondary')}
            scaleLabel={(max) =>
              view === 'composition' ? t('scaleAll', { max: f.num(max) }) : t('scaleNote', { max: f.num(max) })
            }
          />
        </div>
        <Legend
          items={
            view === 'composition'
              ? [
                  { swatch: 'neg', label: t('legendUnder') },
                  { swatch: 'clear', label: t('legendOver') },
                ]
              : [
                  { swatch: 'bar', label: t('rate') },
                  ...(anyClear ? [{ swatch: 'clear' as const, label: t('clearMark') }] : []),
                ]
          }
        />
      </figure>
      <DataTable
        caption={caption}
        columns={tableColumns}
        rows={tableRows}
        threshold={result.threshold}
        testId={`${testId}-table`}
        notes={
          <p className="utrecht-paragraph utrecht-paragraph--small" id={noteId}>
            {anyClear ? `* ${t('clearMark')}. ` : ''}
            {t('unknownNote')}
            {hidden.size > 0 && (
              <>
                {' '}
                <span className="ks-folded" data-testid={`${testId}-folded`}>
                  {t(hidden.size === 1 ? 'foldedOne' : 'folded', { n: hidden.size })}
                </span>
              </>
            )}
          </p>
        }
      />
    </div>
  );
}

interface RowsInput {
  result: MirrorResult;
  grouping: string;
  groups: MirrorCell[];
  stages: readonly string[];
  view: View;
  label: (c: MirrorCell) => string;
  f: Format;
}

/** The table's rows: per group its size and, per stage, the shares and difference, or the chance. */
function tableRowsOf({ result, grouping, groups, stages, view, label, f }: RowsInput): TableRow[] {
  return groups.map((g) => {
    const first = g;
    const popReason =
      result.cells.find((c) => c.ground === grouping && c.group === g.group && c.nPopulation === null)?.suppressed ??
      true;
    const pop: TableCell =
      first.nPopulation === null
        ? { text: '', suppressed: popReason }
        : { text: f.num(first.nPopulation), numeric: true };
    if (view === 'composition') {
      return {
        header: label(g),
        cells: [
          pop,
          {
            text: first.unknown ? '–' : f.pct(first.sharePopulation),
            numeric: true,
            suppressed: first.nPopulation === null,
          },
          ...stages.flatMap((s): TableCell[] => {
            const c = cellOf(result, grouping, g.group, s)!;
            if (c.suppressed !== null)
              return [
                { text: '', suppressed: c.suppressed },
                { text: '', suppressed: c.suppressed },
              ];
            const clear = isClear(c);
            return [
              { text: c.unknown ? '–' : f.pct(c.shareStage), numeric: true },
              {
                text: c.unknown ? '–' : f.points(c.differencePp),
                numeric: true,
                className: clear ? 'ks-cell--clear' : undefined,
                extra: clear ? <span aria-hidden="true">*</span> : undefined,
              },
            ];
          }),
        ],
      };
    }
    return {
      header: label(g),
      cells: [
        pop,
        ...stages.map((s): TableCell => {
          const c = cellOf(result, grouping, g.group, s)!;
          if (c.suppressed !== null) return { text: '', suppressed: c.suppressed };
          const clear = isClear(c);
          return {
            text: c.rate === null ? '–' : `${f.pct(c.rate)} (${f.pct(c.rateLower)}–${f.pct(c.rateUpper)})`,
            numeric: true,
            className: clear ? 'ks-cell--clear' : undefined,
            extra: clear ? <span aria-hidden="true">*</span> : undefined,
          };
        }),
      ],
    };
  });
}
