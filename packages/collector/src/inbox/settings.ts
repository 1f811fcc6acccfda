import type { InboxSettings } from '@raaye/protocol';
import * as v from 'valibot';
import { Email } from '../members/schemas';
import { type BusinessHours, parseRange, WEEKDAYS, type Weekday } from '../sla/business-time';
import { isTimeZone } from '../sla/zoned-time';
import type { SqlClient } from '../store/sql-client';

export type { InboxSettings };

export const DEFAULT_SETTINGS: InboxSettings = {
  replyTargetHours: 24,
  breachingBeforeHours: 2,
  businessHours: null,
  assignment: { mode: 'round-robin', byType: {} },
  digestHour: 8,
};

const Hours = v.pipe(v.number(), v.minValue(0), v.maxValue(24 * 60));

export const SettingsSchema = v.strictObject({
  replyTargetHours: v.optional(v.pipe(Hours, v.minValue(0.25))),
  breachingBeforeHours: v.optional(Hours),
  businessHours: v.optional(
    v.nullable(
      v.strictObject({
        timeZone: v.pipe(
          v.string(),
          v.check(isTimeZone, 'must be an IANA time zone like Asia/Karachi'),
        ),
        days: v.pipe(
          v.record(
            v.picklist(WEEKDAYS as unknown as Weekday[]),
            v.pipe(
              v.string(),
              v.check((s) => parseRange(s) !== undefined, 'must look like 09:00-17:00'),
            ),
          ),
          v.check((d) => Object.keys(d).length > 0, 'at least one day must be open'),
        ),
      }),
    ),
  ),
  assignment: v.optional(
    v.strictObject({
      mode: v.optional(v.picklist(['round-robin', 'none'])),
      byType: v.optional(
        v.record(
          v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
          v.pipe(v.array(Email), v.minLength(1), v.maxLength(50)),
        ),
      ),
    }),
  ),
  digestHour: v.optional(
    v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(23))),
  ),
});

/** Fills what `input` leaves out from `base`. */
export function mergeSettings(
  base: InboxSettings,
  input: v.InferOutput<typeof SettingsSchema>,
): InboxSettings {
  return {
    replyTargetHours: input.replyTargetHours ?? base.replyTargetHours,
    breachingBeforeHours: input.breachingBeforeHours ?? base.breachingBeforeHours,
    businessHours:
      input.businessHours === undefined
        ? base.businessHours
        : (input.businessHours as BusinessHours | null),
    assignment: {
      mode: input.assignment?.mode ?? base.assignment.mode,
      byType: input.assignment?.byType
        ? Object.fromEntries(
            Object.entries(input.assignment.byType).map(([k, list]) => [
              k,
              list.map((e) => e.toLowerCase()),
            ]),
          )
        : base.assignment.byType,
    },
    digestHour: input.digestHour === undefined ? base.digestHour : input.digestHour,
  };
}

export async function loadSettings(db: SqlClient, siteId: string): Promise<InboxSettings> {
  const [row] = await db.query<{ settings: string }>(
    'SELECT settings::text AS settings FROM raaye_inbox_settings WHERE site_id = $1',
    [siteId],
  );
  if (!row) return DEFAULT_SETTINGS;
  const parsed = v.safeParse(SettingsSchema, JSON.parse(row.settings));
  return parsed.success ? mergeSettings(DEFAULT_SETTINGS, parsed.output) : DEFAULT_SETTINGS;
}

export async function saveSettings(
  db: SqlClient,
  siteId: string,
  settings: InboxSettings,
  at: string,
): Promise<void> {
  await db.query(
    `INSERT INTO raaye_inbox_settings (site_id, settings, updated_at) VALUES ($1, $2::text::jsonb, $3::timestamptz)
     ON CONFLICT (site_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = EXCLUDED.updated_at`,
    [siteId, JSON.stringify(settings), at],
  );
}
