import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { API_BASE, type ApiClient, type SessionUser } from '../../api.js';
import { Alert } from '../../components/Alert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useDocumentTitle } from '../../components/useDocumentTitle.js';
import { PairedBarChart } from '../../charts/PairedBarChart.js';
import { AdjustedPanel } from './AdjustedPanel.js';
import { AttentionPanel } from './AttentionPanel.js';
import { BenchmarkPanel } from './BenchmarkPanel.js';
import { DataTable } from './DataTable.js';
import { useFormat } from './format.js';
import { GroupsPanel, type View } from './GroupsPanel.js';
import {
  groundLabelOf,
  groupingOf,
  localiseOptions,
  mirrorApi,
  queryString,
  viewFromUrl,
  viewToUrl,
  type MirrorAnswer,
  type MirrorOptions,
  type MirrorQuery,
} from './model.js';
import { Select } from './Select.js';
import { QualityPanel, StoryPanel } from './StoryPanel.js';
import { useSpiegelTexts } from './texts.js';
import { dataOf, useRemote } from './useRemote.js';
import './spiegel.css';

export interface SpiegelPageProps {
  api: ApiClient;
  user: SessionUser;
  onSessionEnded: () => void;
}

const thisYear = (): string => String(new Date().getFullYear());

/** The last complete year, else the latest period (the current year runs to date). */
function defaultPeriod(periods: string[]): string {
  const year = thisYear();
  return [...periods].reverse().find((p) => p < year) ?? periods[periods.length - 1] ?? year;
}

function ViewChoice({ view, setView }: { view: View; setView: (v: View) => void }) {
  const t = useSpiegelTexts();
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset ks-view">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('view')}</legend>
      {(['composition', 'rate'] as const).map((v) => (
        <div key={v} className="utrecht-form-field utrecht-form-field--radio ks-check">
          <input
            id={`ks-view-${v}`}
            type="radio"
            name="ks-view"
            className="utrecht-radio-button utrecht-radio-button--html-input"
            checked={view === v}
            onChange={() => setView(v)}
          />
          <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`ks-view-${v}`}>
            {t(v === 'composition' ? 'viewComposition' : 'viewRate')}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function Choices({
  options,
  query,
  setQuery,
  scopeLabel,
  ownTeam,
}: {
  options: MirrorOptions;
  query: MirrorQuery;
  setQuery: (q: MirrorQuery) => void;
  scopeLabel: (s: string) => string;
  ownTeam: boolean;
}) {
  const t = useSpiegelTexts();
  const [g1, g2 = '', g3 = ''] = query.grounds;
  const setGrounds = (a: string, b: string, c: string) =>
    setQuery({ ...query, grounds: [a, b, b ? c : ''].filter((x, i, all) => x && all.indexOf(x) === i) });
  const groundOptions = (exclude: string[]) =>
    options.grounds
      .filter((g) => !exclude.includes(g.key))
      .map((g) => (
        <option key={g.key} value={g.key}>
          {g.label}
        </option>
      ));
  return (
    <form className="ks-choices" aria-labelledby="ks-choices-title" onSubmit={(e) => e.preventDefault()}>
      <h2 id="ks-choices-title" className="utrecht-heading-3">
        {t('choices')}
      </h2>
      <p className="utrecht-paragraph utrecht-paragraph--small ks-choices__help">{t('groundHelp')}</p>
      <div className="ks-fields">
        <Select
          label={t('period')}
          value={query.period}
          onChange={(period) => setQuery({ ...query, period })}
          testId="period"
        >
          {options.periods.map((p) => (
            <option key={p} value={p}>
              {p === thisYear() ? t('yearToDate', { year: p }) : p}
            </option>
          ))}
        </Select>
        <Select
          label={t('scope')}
          value={query.scope}
          onChange={(scope) => setQuery({ ...query, scope })}
          testId="scope"
        >
          <option value="">{scopeLabel('')}</option>
          {!ownTeam && options.teams.length > 0 && (
            <optgroup label={t('scopeTeams')}>
              {options.teams.map((tm) => (
                <option key={tm.id} value={`team:${tm.id}`}>
                  {scopeLabel(`team:${tm.id}`)}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={t('scopeWijken')}>
            {options.wijken.map((w) => (
              <option key={w.id} value={`wijk:${w.id}`}>
                {scopeLabel(`wijk:${w.id}`)}
              </option>
            ))}
          </optgroup>
        </Select>
        <Select
          label={t('ground')}
          value={g1}
          onChange={(v) => setGrounds(v, g2 === v ? '' : g2, g3 === v ? '' : g3)}
          testId="ground"
        >
          {groundOptions([])}
        </Select>
        <Select
          label={t('ground2')}
          value={g2}
          onChange={(v) => setGrounds(g1, v, g3 === v ? '' : g3)}
          testId="ground2"
        >
          <option value="">{t('none')}</option>
          {groundOptions([g1])}
        </Select>
        <Select label={t('ground3')} value={g3} onChange={(v) => setGrounds(g1, g2, v)} disabled={!g2} testId="ground3">
          <option value="">{t('none')}</option>
          {groundOptions([g1, g2])}
        </Select>
      </div>
    </form>
  );
}

function Funnel({ answer, stageLabel }: { answer: MirrorAnswer; stageLabel: (k: string) => string }) {
  const t = useSpiegelTexts();
  const f = useFormat();
  const { result } = answer;
  const title = t('funnelChart');
  return (
    <section aria-labelledby="ks-funnel-title" data-testid="funnel">
      <h2 id="ks-funnel-title" className="utrecht-heading-2">
        {t('funnelTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('funnelIntro', { population: f.num(result.population) })}</p>
      {result.protection && result.protection.base > 1 && (
        <p className="utrecht-paragraph utrecht-paragraph--small" data-testid="rounding-note">
          {t('roundingNote', { base: f.num(result.protection.base) })}
        </p>
      )}
      <figure className="ks-figure">
        <figcaption className="ks-figure__caption">{title}</figcaption>
        <PairedBarChart
          title={title}
          description={t('funnelIntro', { population: f.num(result.population) })}
          rows={result.totals.map((s) => ({
            key: s.stage,
            label: stageLabel(s.stage),
            values: [{ value: s.rate, label: f.pct(s.rate, 0) }],
          }))}
          seriesClass={['clear']}
          unit="%"
          missingLabel={t('suppressed', { t: result.threshold })}
          formatTick={(v) => f.num(v)}
        />
      </figure>
      <DataTable
        caption={t('funnelTable')}
        columns={[t('stage'), t('count'), t('rate')]}
        rows={result.totals.map((s) => ({
          header: stageLabel(s.stage),
          cells: [
            s.reached === null ? { text: '', suppressed: true } : { text: f.num(s.reached), numeric: true },
            { text: f.pct(s.rate), numeric: true },
          ],
        }))}
        threshold={result.threshold}
        testId="funnel-table"
      />
    </section>
  );
}

/** /spiegel: the equal-opportunity mirror for team leaders, policy officers and researchers. */
export function SpiegelPage({ api, user, onSessionEnded }: SpiegelPageProps) {
  const t = useSpiegelTexts();
  useDocumentTitle(t('title'));
  const { lang } = useI18n();
  const optionsRemote = useRemote('options', () => mirrorApi(api).options(), onSessionEnded);
  const rawOptions = dataOf(optionsRemote);
  const options = useMemo(() => rawOptions && localiseOptions(rawOptions, lang), [rawOptions, lang]);
  const [query, setQuery] = useState<MirrorQuery | null>(null);
  const [view, setView] = useState<View>('composition');
  // the view lives in the address bar: a shared link opens exactly this view
  useEffect(() => {
    if (!options || query || !options.grounds.length) return;
    const fromUrl = viewFromUrl(window.location.search, options, defaultPeriod(options.periods));
    setQuery(fromUrl.query);
    setView(fromUrl.view);
  }, [options, query]);
  useEffect(() => {
    if (query)
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${viewToUrl(query, view)}`);
  }, [query, view]);
  const remote = useRemote(
    query ? `${queryString(query)}|${lang}` : null,
    () => mirrorApi(api).mirror(query!, lang),
    onSessionEnded,
  );
  const answer = dataOf(remote);
  const ownTeam = user.role === 'teamleider' || user.role === 'consultant';

  const scopeLabel = (scope: string): string => {
    const [kind, id] = scope.split(':');
    const wijk = options?.wijken.find((w) => String(w.id) === id)?.name ?? id;
    if (kind === 'team') return t('scopeTeam', { name: options?.teams.find((tm) => String(tm.id) === id)?.name ?? id });
    if (kind === 'wijk') return ownTeam ? t('scopeOwnTeamWijk', { name: wijk }) : t('scopeWijk', { name: wijk });
    return ownTeam ? `${t('scopeOwnTeam')}${user.teamName ? ` (${user.teamName})` : ''}` : t('scopeMunicipality');
  };
  const stageLabel = (k: string) => options?.stages.find((s) => s.key === k)?.label ?? k;

  if (optionsRemote.status === 'error') {
    return (
      <>
        <PageHeading>{t('title')}</PageHeading>
        <Alert type="error">
          <p className="utrecht-paragraph">{t('failed')}</p>
        </Alert>
      </>
    );
  }
  const grouping = query ? groupingOf(query) : '';
  const groundLabel = options && query ? groundLabelOf(grouping, options.grounds) : '';
  const what = query ? [query.period, scopeLabel(query.scope), groundLabel].join(', ') : '';
  // the files come in the page's language (Dutch unless the app is in English)
  const exportQuery = query ? queryString(query, lang === 'en' ? { taal: 'en' } : {}) : '';

  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('intro')}</p>
      {options && query && (
        <Choices options={options} query={query} setQuery={setQuery} scopeLabel={scopeLabel} ownTeam={ownTeam} />
      )}
      <p className="utrecht-paragraph ks-status" role="status" data-testid="mirror-status">
        {!answer || remote.status === 'loading' ? t('loading') : remote.status === 'ok' ? t('updated', { what }) : ''}
      </p>
      {remote.status === 'error' && (
        <Alert type="error">
          <p className="utrecht-paragraph">{t('failed')}</p>
        </Alert>
      )}
      {options && query && answer && answer.result.population === 0 && (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t('notEnough', { t: answer.result.threshold })}</p>
        </Alert>
      )}
      {options && query && answer && answer.result.population > 0 && (
        <div
          className={remote.status === 'loading' ? 'ks-mirror ks-mirror--busy' : 'ks-mirror'}
          aria-busy={remote.status === 'loading' || undefined}
        >
          <nav className="ks-toc" aria-label={t('sections')}>
            <ul className="ks-toc__list">
              {[
                ['ks-funnel-title', t('funnelTitle')],
                ['ks-groups-title', t('groupsTitle', { ground: groundLabel })],
                ['ks-quality-title', t('qualityTitle')],
                ['ks-benchmark-title', t('benchmarkTitle')],
                ['ks-adjusted-title', t('adjustedTitle')],
                ['ks-attention-title', t('attentionTitle')],
                ['ks-export-title', t('exportTitle')],
              ].map(([id, label]) => (
                <li key={id} className="ks-toc__item">
                  <a className="utrecht-link utrecht-link--html-a" href={`#${id}`}>
                    {label}
                  </a>
                </li>
              ))}
              <li className="ks-toc__item">
                <a className="utrecht-link utrecht-link--html-a" href="/spiegel/verdieping">
                  Verdieping
                </a>
              </li>
            </ul>
          </nav>
          <div className="ks-mirror__top">
            <Funnel answer={answer} stageLabel={stageLabel} />
            <StoryPanel answer={answer} />
          </div>
          <section aria-labelledby="ks-groups-title">
            <h2 id="ks-groups-title" className="utrecht-heading-2">
              {t('groupsTitle', { ground: groundLabel })}
            </h2>
            <ViewChoice view={view} setView={setView} />
            <p className="utrecht-paragraph">{t(view === 'composition' ? 'compositionIntro' : 'rateIntro')}</p>
            <GroupsPanel
              result={answer.result}
              grouping={grouping}
              groundLabel={groundLabel}
              grounds={options.grounds}
              stageLabel={stageLabel}
              view={view}
              testId="groups"
            />
          </section>
          <QualityPanel answer={answer} grounds={options.grounds} chosen={query.grounds} />
          <BenchmarkPanel
            api={api}
            options={options}
            query={query}
            answer={answer}
            scopeLabel={scopeLabel}
            stageLabel={stageLabel}
            onSessionEnded={onSessionEnded}
          />
          <AdjustedPanel
            key={`${query.period}|${query.scope}`}
            api={api}
            options={options}
            query={query}
            onSessionEnded={onSessionEnded}
          />
          <AttentionPanel api={api} options={options} query={query} onSessionEnded={onSessionEnded} />
          <Exports exportQuery={exportQuery} />
        </div>
      )}
    </>
  );
}

/** The downloads: the same view as the page, in four formats, and the link to this view. */
function Exports({ exportQuery }: { exportQuery: string }) {
  const t = useSpiegelTexts();
  const files: [string, string][] = [
    ['html', t('exportHtml')],
    ['pdf', t('exportPdf')],
    ['xlsx', t('exportXlsx')],
    ['csv', t('exportCsv')],
  ];
  return (
    <section aria-labelledby="ks-export-title" data-testid="export">
      <h2 id="ks-export-title" className="utrecht-heading-2">
        {t('exportTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('exportIntro')}</p>
      <ul className="utrecht-link-list utrecht-link-list--html-ul">
        {files.map(([ext, label]) => (
          <li key={ext} className="utrecht-link-list__item">
            <a
              className="utrecht-link utrecht-link--html-a"
              href={`${API_BASE}/spiegel/export.${ext}?${exportQuery}`}
              download
              data-testid={`export-${ext}`}
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
      <p className="utrecht-paragraph utrecht-paragraph--small">{t('shareViewHelp')}</p>
    </section>
  );
}
