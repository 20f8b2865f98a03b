import { todayIso } from '../../../domain/dates.js';
import { RecordForm, type FormValues } from '../../components/RecordForm.js';
import { text } from './EmployerParts.js';
import { useTexts } from './texts.js';

export interface FollowUpBody {
  heldOn: string;
  stillWorking: boolean;
  note: string | null;
  endedOn?: string;
  endReason?: string;
}

/**
 * A follow-up contact after a placement: does the client still work there? When not, the last
 * working day and the reason end the placement (and no further follow-up is due).
 */
export function FollowUpForm({ title, onSubmit }: { title: string; onSubmit: (body: FollowUpBody) => Promise<void> }) {
  const tx = useTexts();
  const stopped = (v: FormValues) => v.stillWorking === 'nee';
  return (
    <RecordForm
      title={title}
      headingLevel={4}
      focusFirst={false}
      submitLabel={tx('followUp.record')}
      initial={{ heldOn: todayIso(), stillWorking: '', endedOn: '', endReason: '', note: '' }}
      fields={[
        { name: 'heldOn', label: tx('heldOn'), kind: 'date', required: true },
        {
          name: 'stillWorking',
          label: tx('followUp.working'),
          kind: 'select',
          required: true,
          options: [
            { value: 'ja', label: tx('followUp.yes') },
            { value: 'nee', label: tx('followUp.no') },
          ],
        },
        { name: 'endedOn', label: tx('followUp.endedOn'), kind: 'date' },
        { name: 'endReason', label: tx('followUp.endReason'), kind: 'text' },
        { name: 'note', label: tx('followUp.note'), kind: 'textarea' },
      ]}
      check={(v) =>
        stopped(v) && !text(v, 'endReason')
          ? { endReason: tx('followUp.reasonNeeded') }
          : ({} as Record<string, string>)
      }
      onSubmit={(v) =>
        onSubmit({
          heldOn: text(v, 'heldOn') ?? '',
          stillWorking: !stopped(v),
          note: text(v, 'note') ?? null,
          ...(stopped(v)
            ? { endReason: text(v, 'endReason') ?? '', ...(text(v, 'endedOn') ? { endedOn: text(v, 'endedOn') } : {}) }
            : {}),
        })
      }
    />
  );
}
