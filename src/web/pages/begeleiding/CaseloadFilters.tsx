import type { CaseloadRow } from '../../api-casefile.js';
import { FormField } from '../../components/FormField.js';
import { useTexts } from './texts.js';

export type SortKey = 'name' | 'last' | 'next' | 'ladder';
export type StatusFilter = '' | CaseloadRow['status'];

export interface Filters {
  search: string;
  consultant: string;
  status: StatusFilter;
  sort: SortKey;
  stapel: boolean;
  intensief: boolean;
  meetmoment: boolean;
}

export const NO_FILTERS: Filters = {
  search: '',
  consultant: '',
  status: '',
  sort: 'name',
  stapel: false,
  intensief: false,
  meetmoment: false,
};

/** The search, choices and signal filters above the caseload. */
export function CaseloadFilters({
  filters,
  set,
  team,
  consultants,
}: {
  filters: Filters;
  set: <K extends keyof Filters>(key: K, value: Filters[K]) => void;
  team: boolean;
  consultants: [string, string][];
}) {
  const tx = useTexts();
  return (
    <form
      className="ks-filters"
      role="search"
      aria-label={tx('caseload.filterForm')}
      onSubmit={(e) => e.preventDefault()}
    >
      <FormField id="ks-caseload-search" label={tx('caseload.search')}>
        {(control) => (
          <input
            {...control}
            type="search"
            className="utrecht-textbox utrecht-textbox--html-input"
            value={filters.search}
            onChange={(e) => set('search', e.target.value)}
          />
        )}
      </FormField>
      {team && (
        <FormField id="ks-caseload-consultant" label={tx('caseload.consultant')}>
          {(control) => (
            <select
              {...control}
              className="utrecht-select utrecht-select--html-select"
              value={filters.consultant}
              onChange={(e) => set('consultant', e.target.value)}
            >
              <option value="">{tx('caseload.allConsultants')}</option>
              {consultants.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormField id="ks-caseload-status" label={tx('caseload.status')}>
        {(control) => (
          <select
            {...control}
            className="utrecht-select utrecht-select--html-select"
            value={filters.status}
            onChange={(e) => set('status', e.target.value as StatusFilter)}
          >
            <option value="">{tx('caseload.allStatuses')}</option>
            <option value="actief">{tx('status.actief')}</option>
            <option value="on-hold">{tx('status.on-hold')}</option>
            <option value="uitgestroomd">{tx('status.uitgestroomd')}</option>
          </select>
        )}
      </FormField>
      <FormField id="ks-caseload-sort" label={tx('caseload.sort')}>
        {(control) => (
          <select
            {...control}
            className="utrecht-select utrecht-select--html-select"
            value={filters.sort}
            onChange={(e) => set('sort', e.target.value as SortKey)}
          >
            <option value="name">{tx('caseload.sort.name')}</option>
            <option value="last">{tx('caseload.sort.last')}</option>
            <option value="next">{tx('caseload.sort.next')}</option>
            <option value="ladder">{tx('caseload.sort.ladder')}</option>
          </select>
        )}
      </FormField>
      <fieldset className="utrecht-form-fieldset ks-filters__flags">
        <legend className="utrecht-form-fieldset__legend utrecht-form-label">{tx('caseload.filters')}</legend>
        {(['stapel', 'intensief', 'meetmoment'] as const).map((flag) => (
          <div key={flag} className="ks-choice">
            <input
              id={`ks-flag-${flag}`}
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input"
              checked={filters[flag]}
              onChange={(e) => set(flag, e.target.checked)}
              aria-describedby={`ks-flag-${flag}-help`}
            />
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={`ks-flag-${flag}`}>
              {tx(`caseload.flag.${flag}`)}
            </label>
            <span id={`ks-flag-${flag}-help`} className="ks-help">
              {' '}
              ({tx(`caseload.flag.${flag}Help`)})
            </span>
          </div>
        ))}
      </fieldset>
    </form>
  );
}
