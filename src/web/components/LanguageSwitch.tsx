import { LANGS, LANG_NAMES, useI18n } from '../i18n/i18n.js';
import { cx } from './cx.js';

/** NL / EN: each button is named in its own language ("NL Nederlands", "EN English"). */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div role="group" aria-label={t('language.label')} className="ks-language-switch">
      {LANGS.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === lang}
          onClick={() => setLang(option)}
          className={cx('utrecht-button', 'utrecht-button--subtle', 'ks-language-switch__button')}
        >
          {option.toUpperCase()}
          <span className="ks-visually-hidden"> {LANG_NAMES[option]}</span>
        </button>
      ))}
    </div>
  );
}
