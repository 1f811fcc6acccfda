import { LANGUAGES, useStrings } from '../i18n/context';

/** Switches the dashboard's language (and with it the page direction). */
export function LanguagePicker({ onChange }: { onChange(lang: string): void }) {
  const t = useStrings();
  return (
    <label class="language">
      <span class="visually-hidden">{t.language}</span>
      <select value={t.lang} onChange={(e) => onChange(e.currentTarget.value)}>
        {LANGUAGES.map((l) => (
          <option key={l.lang} value={l.lang} lang={l.lang} dir={l.dir}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
