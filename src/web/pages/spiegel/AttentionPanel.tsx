import type { ApiClient } from '../../api.js';
import { Alert } from '../../components/Alert.js';
import { GroupsPanel } from './GroupsPanel.js';
import { groundLabelOf, groupingOf, mirrorApi, queryString, type MirrorOptions, type MirrorQuery } from './model.js';
import { useSpiegelTexts } from './texts.js';
import { dataOf, useRemote } from './useRemote.js';

const ATTENTION_STAGES = ['contact_4', 'onder_op_de_stapel'];

/** Contact intensity and "onder op de stapel" per group; per team (policy) or per consultant (team leader only). */
export function AttentionPanel({
  api,
  options,
  query,
  onSessionEnded,
}: {
  api: ApiClient;
  options: MirrorOptions;
  query: MirrorQuery;
  onSessionEnded: () => void;
}) {
  const t = useSpiegelTexts();
  const remote = useRemote(queryString(query), () => mirrorApi(api).attention(query), onSessionEnded);
  const data = dataOf(remote);
  const stageLabel = (k: string) => options.stages.find((s) => s.key === k)?.label ?? k;
  const grouping = groupingOf(query);
  return (
    <section aria-labelledby="ks-attention-title" data-testid="attention">
      <h2 id="ks-attention-title" className="utrecht-heading-2">
        {t('attentionTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('attentionIntro')}</p>
      {remote.status === 'error' && (
        <Alert type="error">
          <p className="utrecht-paragraph">{t('failed')}</p>
        </Alert>
      )}
      {data && data.result.cells.length > 0 && (
        <>
          <GroupsPanel
            result={data.result}
            grouping={grouping}
            groundLabel={groundLabelOf(grouping, options.grounds)}
            grounds={options.grounds}
            stageLabel={stageLabel}
            stages={ATTENTION_STAGES}
            view="rate"
            chartTitle={t('attentionChart', { ground: groundLabelOf(grouping, options.grounds) })}
            tableCaption={t('attentionTable', { ground: groundLabelOf(grouping, options.grounds) })}
            testId="attention-groups"
          />
          {data.result.groupings.includes('team') && (
            <>
              <h3 className="utrecht-heading-3">{t('perTeam')}</h3>
              <GroupsPanel
                result={data.result}
                grouping="team"
                groundLabel="Team"
                grounds={options.grounds}
                stageLabel={stageLabel}
                stages={ATTENTION_STAGES}
                view="rate"
                chartTitle={t('attentionChart', { ground: 'Team' })}
                tableCaption={t('attentionTable', { ground: 'Team' })}
                testId="attention-team"
              />
            </>
          )}
          {data.result.groupings.includes('klantmanager') && (
            <>
              <h3 className="utrecht-heading-3">{t('perConsultant')}</h3>
              <p className="utrecht-paragraph">{t('perConsultantIntro')}</p>
              <GroupsPanel
                result={data.result}
                grouping="klantmanager"
                groundLabel="Klantmanager"
                grounds={options.grounds}
                stageLabel={stageLabel}
                stages={ATTENTION_STAGES}
                view="rate"
                chartTitle={t('attentionChart', { ground: 'Klantmanager' })}
                tableCaption={t('attentionTable', { ground: 'Klantmanager' })}
                testId="attention-consultant"
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
