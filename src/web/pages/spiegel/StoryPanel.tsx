import { DataTable } from './DataTable.js';
import { useFormat } from './format.js';
import { groundLabelOf, type GroundOption, type MirrorAnswer } from './model.js';
import { useSpiegelTexts } from './texts.js';

/** Het verhaal achter de cijfers: the engine's plain-Dutch story, as it came from the API. */
export function StoryPanel({ answer }: { answer: MirrorAnswer }) {
  const t = useSpiegelTexts();
  const { narrative } = answer;
  return (
    <aside className="ks-story" aria-labelledby="ks-story-title" data-testid="story">
      <h2 id="ks-story-title" className="utrecht-heading-2">
        {t('storyTitle')}
      </h2>
      <p className="utrecht-paragraph">
        <strong>{narrative.headline}</strong>
      </p>
      {narrative.sections.map((s) => (
        <section key={s.title}>
          <h3 className="utrecht-heading-3">{s.title}</h3>
          <ul className="utrecht-unordered-list">
            {s.sentences.map((x) => (
              <li key={x} className="utrecht-unordered-list__item">
                {x}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}

/** What is missing or wrong in the records the figures come from. */
export function QualityPanel({
  answer,
  grounds,
  chosen,
}: {
  answer: MirrorAnswer;
  grounds: GroundOption[];
  chosen: string[];
}) {
  const t = useSpiegelTexts();
  const f = useFormat();
  const { quality, result } = answer;
  const count = (n: number | null) => (n === null ? { text: '', suppressed: true } : { text: f.num(n), numeric: true });
  const share = (n: number | null) => ({
    text: n === null || result.population === 0 ? '–' : f.pct((100 * n) / result.population),
    numeric: true,
  });
  const unknownOf = (ground: string): number | null => {
    const cell = result.cells.find((c) => c.ground === ground && c.unknown && c.stage === result.stages[0]);
    if (!cell) return 0;
    return cell.nPopulation;
  };
  const rows = [
    { header: t('qualityMissingDiagnosis'), n: quality.missingDiagnosis, ofPopulation: true },
    { header: t('qualityWithoutConversation'), n: quality.withoutConversation, ofPopulation: true },
    { header: t('qualityImpossibleDates'), n: quality.impossibleDates, ofPopulation: true },
    ...chosen.map((g) => ({
      header: t('qualityUnknown', { ground: groundLabelOf(g, grounds) }),
      n: unknownOf(g),
      ofPopulation: true,
    })),
  ];
  return (
    <section aria-labelledby="ks-quality-title" data-testid="quality">
      <h2 id="ks-quality-title" className="utrecht-heading-2">
        {t('qualityTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('qualityIntro')}</p>
      <DataTable
        caption={t('qualityTable')}
        columns={[t('qualityWhat'), t('count'), t('qualityShare')]}
        rows={rows.map((r) => ({ header: r.header, cells: [count(r.n), r.ofPopulation ? share(r.n) : { text: '–' }] }))}
        threshold={result.threshold}
        testId="quality-table"
      />
      {quality.factSources && <FactSourcesTable quality={quality} threshold={result.threshold} />}
    </section>
  );
}

/** Register or questionnaire: where the facts behind migration background and the like come from. */
function FactSourcesTable({ quality, threshold }: { quality: MirrorAnswer['quality']; threshold: number }) {
  const t = useSpiegelTexts();
  const f = useFormat();
  const count = (n: number | null) => (n === null ? { text: '', suppressed: true } : { text: f.num(n), numeric: true });
  return (
    <section aria-labelledby="ks-sources-title" data-testid="fact-sources">
      <h3 id="ks-sources-title" className="utrecht-heading-3">
        {t('sourcesTitle')}
      </h3>
      <p className="utrecht-paragraph">{t('sourcesIntro')}</p>
      <p className="utrecht-paragraph">
        <strong>{t('sourcesRule')}</strong>
      </p>
      <DataTable
        caption={t('sourcesTable')}
        columns={[
          t('sourcesWhat'),
          t('sourcesRegister'),
          t('sourcesQuestionnaire'),
          t('sourcesUnknown'),
          t('sourcesDiffer'),
        ]}
        rows={(quality.factSources ?? []).map((s) => ({
          header: t(`fact_${s.fact}` as Parameters<typeof t>[0]),
          cells: [count(s.register), count(s.questionnaire), count(s.unknown), count(s.differ)],
        }))}
        threshold={threshold}
        notes={<p className="utrecht-paragraph">{t('sourcesDifferNote')}</p>}
        testId="fact-sources-table"
      />
    </section>
  );
}
