import { useMemo, useState, type KeyboardEvent } from 'react';
import type { CaseloadRow } from '../../api-casefile.js';
import { searchWords, foldText } from '../../../domain/catalogue-search.js';
import { useTexts } from './texts.js';

/** At most this many matches are listed; typing more letters narrows the list. */
const MAX_OPTIONS = 50;

interface Option {
  id: number;
  text: string;
  haystack: string;
}

const collator = new Intl.Collator('nl', { sensitivity: 'base' });

/**
 * A searchable client picker (the WAI-ARIA combobox pattern with a list box): type part of a
 * name or a client number, move with the arrow keys, choose with Enter or a click. Every client
 * appears once; people with the same name are told apart by birth year and client number.
 */
export function ClientPicker({
  id,
  label,
  clients,
  error,
  onChange,
}: {
  id: string;
  label: string;
  clients: readonly Pick<CaseloadRow, 'id' | 'name' | 'birthDate' | 'consultantName'>[];
  error: string | null;
  onChange: (clientId: number | null) => void;
}) {
  const tx = useTexts();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<Option | null>(null);

  const options = useMemo(() => {
    const unique = new Map<number, (typeof clients)[number]>();
    for (const c of clients) unique.set(c.id, c);
    return [...unique.values()]
      .sort((a, b) => collator.compare(a.name, b.name) || a.birthDate.localeCompare(b.birthDate) || a.id - b.id)
      .map((c): Option => {
        const optionText = tx('team.intervisionOption', {
          name: c.name,
          year: c.birthDate.slice(0, 4),
          id: c.id,
          consultant: c.consultantName ?? '—',
        });
        return { id: c.id, text: optionText, haystack: foldText(`${c.name} ${c.id} ${c.birthDate.slice(0, 4)}`) };
      });
  }, [clients, tx]);

  const words = searchWords(chosen ? '' : text);
  const matches = words.length === 0 ? options : options.filter((o) => words.every((w) => o.haystack.includes(w)));
  const shown = matches.slice(0, MAX_OPTIONS);
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${shown[i]?.id}`;

  const choose = (o: Option) => {
    setChosen(o);
    setText(o.text);
    setOpen(false);
    onChange(o.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) setOpen(true);
      else setActive((a) => Math.min(a + 1, shown.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && open && shown[active]) {
      e.preventDefault();
      choose(shown[active]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
    }
  };

  const describedBy = [`${id}-help`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="ks-combobox">
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      <div id={`${id}-help`} className="utrecht-form-field-description">
        {tx('team.intervisionSearchHelp')}
      </div>
      {error && (
        <div id={`${id}-error`} className="utrecht-form-field-error-message">
          {error}
        </div>
      )}
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && shown[active] ? optionId(active) : undefined}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className="utrecht-textbox utrecht-textbox--html-input"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          if (chosen) {
            setChosen(null);
            onChange(null);
          }
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={label}
        className="ks-combobox__list"
        hidden={!open || shown.length === 0}
      >
        {shown.map((o, i) => (
          <li
            key={o.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className="ks-combobox__option"
            // mousedown, not click: choose before the input loses the focus and closes the list
            onMouseDown={(e) => {
              e.preventDefault();
              choose(o);
            }}
          >
            {o.text}
          </li>
        ))}
      </ul>
      <p className="utrecht-paragraph ks-muted ks-combobox__count" role="status">
        {chosen
          ? tx('team.intervisionChosen', { name: chosen.text })
          : words.length > 0
            ? tx('team.intervisionMatches', { count: matches.length })
            : ''}
        {!chosen && matches.length > MAX_OPTIONS && words.length > 0 ? ` ${tx('team.intervisionMore')}` : ''}
      </p>
    </div>
  );
}
