import { DataTable } from '../../components/DataTable.js';
import { useState } from 'react';
import type { Static } from '@sinclair/typebox';
import type { MarkList } from '../../../server/schemas/werkgevers.js';
import { ApiError } from '../../api.js';
import { AddForm } from '../../components/AddForm.js';
import { Alert } from '../../components/Alert.js';
import { Button } from '../../components/Button.js';
import { Badge } from '../begeleiding/shared.js';
import { PanelSection, str, usePanelData, type AdminCalls, type PanelProps } from './shared.js';
import { useMarkTexts } from './marks-texts.js';
import { useTexts } from './texts.js';

type Mark = Static<typeof MarkList>['items'][number];
type Change = (method: 'POST' | 'PATCH', path: string, body: unknown) => Promise<void>;

// Beheer sees retired marks too (the API answers them to the administrator only).
const load = async (calls: AdminCalls): Promise<Mark[]> => (await calls.employerMarks()).items;

/** The inclusive-employer marks: add, rename, retire (and use again); history stays with the employers. */
export function MarksPanel(props: PanelProps) {
  const tx = useTexts();
  const mx = useMarkTexts();
  const { change, view } = usePanelData(props, load);
  const [notice, setNotice] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const act = async (run: () => Promise<void>, done: string) => {
    setNotice(null);
    await run();
    setNotice({ type: 'ok', text: done });
  };
  return (
    <PanelSection id="keurmerken" title={tx('marks.title')}>
      <p className="utrecht-paragraph">{mx('intro')}</p>
      <div role="status">
        {notice && (
          <Alert type={notice.type}>
            <p className="utrecht-paragraph">{notice.text}</p>
          </Alert>
        )}
      </div>
      {view((marks) => (
        <>
          <MarkTable marks={marks} change={change} act={act} onFailed={(text) => setNotice({ type: 'error', text })} />
          <AddForm
            label={mx('add')}
            submitLabel={mx('save')}
            initial={{ name: '', code: '' }}
            fields={[
              { name: 'name', label: mx('name'), kind: 'text', required: true },
              { name: 'code', label: mx('code'), kind: 'text', required: true, description: mx('codeHelp') },
            ]}
            onSubmit={(v) =>
              act(
                () => change('POST', '/keurmerken', { name: str(v, 'name'), code: str(v, 'code') }),
                mx('added', { name: str(v, 'name') ?? '' }),
              )
            }
          />
        </>
      ))}
    </PanelSection>
  );
}

function MarkTable({
  marks,
  change,
  act,
  onFailed,
}: {
  marks: Mark[];
  change: Change;
  act: (run: () => Promise<void>, done: string) => Promise<void>;
  onFailed: (text: string) => void;
}) {
  const mx = useMarkTexts();
  const toggle = (m: Mark) =>
    act(
      () => change('PATCH', `/keurmerken/${m.id}`, { active: !m.active }),
      mx(m.active ? 'retiredDone' : 'restored', { name: m.name }),
    ).catch((err: unknown) =>
      onFailed(mx('failed', { reason: err instanceof ApiError ? (err.detail ?? err.title) : String(err) })),
    );
  return (
    <DataTable
      caption={mx('caption')}
      captionHidden
      columns={[mx('name'), mx('code'), { label: mx('holders'), numeric: true }, mx('status'), mx('actions')]}
      rows={marks.map((m) => ({
        key: String(m.id),
        header: m.name,
        cells: [
          m.code,
          m.holders,
          <Badge key="status" tone={m.active ? 'ok' : 'neutral'}>
            {m.active ? mx('active') : mx('retired')}
          </Badge>,
          <>
            <Button appearance="secondary-action" onClick={() => void toggle(m)}>
              {mx(m.active ? 'retire' : 'restore', { name: m.name })}
            </Button>
            <AddForm
              label={mx('rename', { name: m.name })}
              submitLabel={mx('save')}
              headingLevel={4}
              initial={{ name: m.name }}
              fields={[{ name: 'name', label: mx('name'), kind: 'text', required: true }]}
              onSubmit={(v) =>
                act(
                  () => change('PATCH', `/keurmerken/${m.id}`, { name: str(v, 'name') }),
                  mx('renamed', { name: str(v, 'name') ?? '' }),
                )
              }
            />
          </>,
        ],
      }))}
    />
  );
}
