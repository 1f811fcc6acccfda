import { useEffect, useMemo, useState } from 'preact/hooks';
import { isApiError } from '../api/ApiError';
import type { Api } from '../api/client';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { useStrings } from '../i18n/context';
import type { InboxSettings, Weekday } from './types';
import './admin.css';

interface DayForm {
  open: boolean;
  from: string;
  to: string;
}

interface Form {
  target: string;
  warn: string;
  business: boolean;
  timeZone: string;
  days: Record<Weekday, DayForm>;
  mode: InboxSettings['assignment']['mode'];
  byType: string;
  digest: string;
}

// Shown from Monday, as most of the product's locales start the working week (the contract's
// WEEKDAYS is in Date#getDay order).
const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const WORKDAY: DayForm = { open: true, from: '09:00', to: '17:00' };

function toForm(s: InboxSettings): Form {
  const days = {} as Record<Weekday, DayForm>;
  for (const day of WEEKDAYS) {
    const range = s.businessHours?.days[day];
    const [from = '09:00', to = '17:00'] = range?.split('-') ?? [];
    // With no business hours yet, offer Monday to Friday, 9 to 5, as the starting point.
    days[day] = s.businessHours
      ? { open: range !== undefined, from, to }
      : { ...WORKDAY, open: day !== 'sat' && day !== 'sun' };
  }
  return {
    target: String(s.replyTargetHours),
    warn: String(s.breachingBeforeHours),
    business: s.businessHours !== null,
    timeZone: s.businessHours?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    days,
    mode: s.assignment.mode,
    byType: Object.entries(s.assignment.byType)
      .map(([type, emails]) => `${type}: ${emails.join(', ')}`)
      .join('\n'),
    digest: s.digestHour === null ? '' : String(s.digestHour),
  };
}

/** `ride: ali@x.example, sara@x.example` per line → `{ ride: [...] }`; the bad line otherwise. */
export function parseRules(text: string): Record<string, string[]> | { bad: string } {
  const rules: Record<string, string[]> = {};
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line) continue;
    const [, type, list] = /^([^:]{1,64}):(.+)$/.exec(line) ?? [];
    const emails = list?.split(/[\s,]+/).filter(Boolean) ?? [];
    if (!type || emails.length === 0) return { bad: line };
    rules[type.trim()] = emails;
  }
  return rules;
}

function toSettings(f: Form): InboxSettings | { bad: string } {
  const byType = parseRules(f.byType);
  if ('bad' in byType && typeof byType.bad === 'string') return { bad: byType.bad };
  const days: Partial<Record<Weekday, string>> = {};
  for (const day of WEEKDAYS) {
    if (f.days[day].open) days[day] = `${f.days[day].from}-${f.days[day].to}`;
  }
  return {
    replyTargetHours: Number(f.target),
    breachingBeforeHours: Number(f.warn),
    businessHours: f.business ? { timeZone: f.timeZone.trim(), days } : null,
    assignment: { mode: f.mode, byType: byType as Record<string, string[]> },
    digestHour: f.digest === '' ? null : Number(f.digest),
  };
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * Owners only: the inbox's reply target, business hours and time zone, how new follow-ups are
 * assigned, and the daily digest (`PUT /v1/inbox/settings`; the collector validates and says why).
 */
export function Settings({ api, announce }: { api: Api; announce(message: string): void }) {
  const t = useStrings();
  const ts = t.team.settings;
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    void api.settings().then(
      (s) => setForm(toForm(s)),
      () => {},
    );
  }, [api]);
  // Weekday names from the platform, in the pack's language: nothing to translate by hand.
  const dayName = useMemo(() => {
    const fmt = new Intl.DateTimeFormat(t.lang, { weekday: 'long', timeZone: 'UTC' });
    // 2026-01-05 was a Monday.
    return (day: Weekday) => fmt.format(Date.UTC(2026, 0, 5 + WEEKDAYS.indexOf(day)));
  }, [t.lang]);
  const zones = useMemo(() => {
    const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
    return intl.supportedValuesOf?.('timeZone') ?? [];
  }, []);
  if (!form) return null;

  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const setDay = (day: Weekday, patch: Partial<DayForm>) =>
    set({ days: { ...form.days, [day]: { ...form.days[day], ...patch } } });

  const save = async (event: Event) => {
    event.preventDefault();
    setError('');
    const settings = toSettings(form);
    if ('bad' in settings) {
      setError(ts.badRule(settings.bad));
      return;
    }
    setSaving(true);
    try {
      setForm(toForm(await api.saveSettings(settings)));
      announce(ts.saved);
    } catch (e) {
      setError(isApiError(e) ? e.message : t.team.failed);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section class="settings admin" aria-labelledby="settings-title">
      <h2 id="settings-title">{ts.title}</h2>
      <form onSubmit={save}>
        <fieldset>
          <legend>{ts.sla}</legend>
          <Field
            label={ts.replyTarget}
            type="number"
            name="replyTargetHours"
            required
            min={0.25}
            max={1440}
            step={0.25}
            value={form.target}
            onValue={(target) => set({ target })}
          />
          <Field
            label={ts.warnBefore}
            type="number"
            name="breachingBeforeHours"
            required
            min={0}
            max={1440}
            step={0.25}
            value={form.warn}
            onValue={(warn) => set({ warn })}
          />
          <label class="choice">
            <input
              type="checkbox"
              name="businessHours"
              checked={form.business}
              onChange={(e) => set({ business: e.currentTarget.checked })}
            />
            <span>{ts.businessHours}</span>
          </label>
          {form.business && (
            <>
              <Field
                label={ts.timeZone}
                name="timeZone"
                dir="ltr"
                required
                list="raaye-time-zones"
                value={form.timeZone}
                onValue={(timeZone) => set({ timeZone })}
              >
                <datalist id="raaye-time-zones">
                  {zones.map((z) => (
                    <option key={z} value={z} />
                  ))}
                </datalist>
              </Field>
              <table class="days">
                <caption>{ts.days}</caption>
                <thead>
                  <tr>
                    <th scope="col">{ts.day}</th>
                    <th scope="col">{ts.opens}</th>
                    <th scope="col">{ts.closes}</th>
                  </tr>
                </thead>
                <tbody>
                  {WEEKDAYS.map((day) => (
                    <tr key={day}>
                      <th scope="row">
                        <label class="choice">
                          <input
                            type="checkbox"
                            name={`open-${day}`}
                            checked={form.days[day].open}
                            onChange={(e) => setDay(day, { open: e.currentTarget.checked })}
                          />
                          <span>{dayName(day)}</span>
                        </label>
                      </th>
                      <td>
                        <input
                          type="time"
                          aria-label={`${dayName(day)}: ${ts.opens}`}
                          disabled={!form.days[day].open}
                          value={form.days[day].from}
                          onInput={(e) => setDay(day, { from: e.currentTarget.value })}
                        />
                      </td>
                      <td>
                        <input
                          type="time"
                          aria-label={`${dayName(day)}: ${ts.closes}`}
                          disabled={!form.days[day].open}
                          value={form.days[day].to}
                          onInput={(e) => setDay(day, { to: e.currentTarget.value })}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>{ts.assignment}</legend>
          <label>
            {ts.mode}
            <select
              name="assignment"
              value={form.mode}
              onChange={(e) => set({ mode: e.currentTarget.value as Form['mode'] })}
            >
              <option value="round-robin">{ts.modes['round-robin']}</option>
              <option value="none">{ts.modes.none}</option>
            </select>
          </label>
          <label>
            {ts.byType}
            <textarea
              name="byType"
              dir="ltr"
              rows={3}
              aria-describedby="by-type-hint"
              value={form.byType}
              onInput={(e) => set({ byType: e.currentTarget.value })}
            />
          </label>
          <p class="hint" id="by-type-hint">
            {ts.byTypeHint}
          </p>
        </fieldset>
        <label>
          {ts.digest}
          <select
            name="digestHour"
            value={form.digest}
            onChange={(e) => set({ digest: e.currentTarget.value })}
          >
            <option value="">{ts.noDigest}</option>
            {HOURS.map((h) => (
              <option key={h} value={String(h)}>
                {`${String(h).padStart(2, '0')}:00`}
              </option>
            ))}
          </select>
        </label>
        <FormError message={error} />
        <button type="submit" class="primary" disabled={saving}>
          {saving ? t.saving : ts.save}
        </button>
      </form>
    </section>
  );
}
