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
    </section>
  );
}
