/**
 * Shape of resources/calendar/kz-calendar.json (the holiday law as data, Kurban Ait per year,
 * day-off transfers per year) and of the supervisor's overrides. Both are parsed at load; the
 * superRefine checks catch the data mistakes that would silently shift a deadline (a covered year
 * without a Kurban Ait date or without a transfer entry, a date listed twice, a transfer filed
 * under the wrong year).
 */
import { z } from 'zod';
import type { Result } from '../result';
import { dateInYear, localDateSchema, yearOf } from './localDate';

const localizedTextSchema = z.object({ kk: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });
export type CalendarText = z.infer<typeof localizedTextSchema>;

const yearSchema = z.number().int().min(1991).max(2200);

/** Years a fixed holiday applies, inclusive; `until: null` = still in force. */
const periodSchema = z.object({ since: yearSchema, until: yearSchema.nullable() })
  .refine((p) => p.until === null || p.until >= p.since, 'until before since');

export const fixedHolidaySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  periods: z.array(periodSchema).min(1),
  /** Art. 5 of the Law «О праздниках»: a holiday on Sat/Sun gives the next working day off — except religious holidays. */
  movesWhenOnWeekend: z.boolean(),
  name: localizedTextSchema,
  source: z.string().min(1),
  note: z.string().optional(),
}).refine((h) => dateInYear(2000, h.month, h.day) !== null, 'no such day in a leap year');
export type FixedHoliday = z.infer<typeof fixedHolidaySchema>;

export const kurbanAitDateSchema = z.object({
  year: yearSchema,
  date: localDateSchema,
  /** official = announced by ДУМК and confirmed by the Ministry of Labour / sources; estimated = astronomical or preliminary. */
  status: z.enum(['official', 'estimated']),
  source: z.string().min(1),
});
export type KurbanAitDate = z.infer<typeof kurbanAitDateSchema>;

export const transferKindSchema = z.enum(['day-off', 'working-day']);
export type TransferKind = z.infer<typeof transferKindSchema>;

export const decreeTransferSchema = z.object({
  date: localDateSchema,
  kind: transferKindSchema,
  /** The act that made the transfer (decree / ministerial order, adilet reference). */
  decree: z.string().min(1),
});
export type DecreeTransfer = z.infer<typeof decreeTransferSchema>;

export const decreeYearSchema = z.object({
  year: yearSchema,
  /** sourced = the year's acts were found and entered; not-entered = nothing sourced yet (use overrides). */
  status: z.enum(['sourced', 'not-entered']),
  sources: z.array(z.string().min(1)),
  transfers: z.array(decreeTransferSchema),
  note: z.string().optional(),
});
export type DecreeYear = z.infer<typeof decreeYearSchema>;

export const calendarDataSchema = z.object({
  version: z.literal(1),
  /** Years for which the data is complete enough to compute deadlines (Kurban Ait known). */
  coverage: z.object({ from: yearSchema, to: yearSchema }),
  fixedHolidays: z.array(fixedHolidaySchema).min(1),
  kurbanAit: z.object({
    name: localizedTextSchema,
    movesWhenOnWeekend: z.boolean(),
    source: z.string().min(1),
    dates: z.array(kurbanAitDateSchema),
  }),
  decreeTransfers: z.array(decreeYearSchema),
}).superRefine((data, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const { from, to } = data.coverage;
  if (to < from) issue(['coverage'], 'coverage.to before coverage.from');

  const ids = new Set<string>();
  data.fixedHolidays.forEach((h, i) => {
    if (ids.has(h.id)) issue(['fixedHolidays', i, 'id'], `duplicate id ${h.id}`);
    ids.add(h.id);
  });

  const kurbanYears = new Set<number>();
  data.kurbanAit.dates.forEach((k, i) => {
    if (yearOf(k.date) !== k.year) issue(['kurbanAit', 'dates', i, 'date'], `date ${k.date} is not in ${k.year}`);
    if (kurbanYears.has(k.year)) issue(['kurbanAit', 'dates', i, 'year'], `duplicate year ${k.year}`);
    kurbanYears.add(k.year);
  });

  const decreeYears = new Set<number>();
  const transferDates = new Set<string>();
  data.decreeTransfers.forEach((y, i) => {
    if (decreeYears.has(y.year)) issue(['decreeTransfers', i, 'year'], `duplicate year ${y.year}`);
    decreeYears.add(y.year);
    if (y.status === 'not-entered' && y.transfers.length > 0) issue(['decreeTransfers', i], 'not-entered year with transfers');
    y.transfers.forEach((t, j) => {
      // A decree may move a day across New Year (2014: 3 Jan off ← Sat 28 Dec 2013 worked).
      if (Math.abs(yearOf(t.date) - y.year) > 1) issue(['decreeTransfers', i, 'transfers', j, 'date'], `date ${t.date} far from ${y.year}`);
      if (transferDates.has(t.date)) issue(['decreeTransfers', i, 'transfers', j, 'date'], `date ${t.date} listed twice`);
      transferDates.add(t.date);
    });
  });

  for (let year = from; year <= to; year++) {
    if (!kurbanYears.has(year)) issue(['kurbanAit', 'dates'], `covered year ${year} has no Kurban Ait date`);
    if (!decreeYears.has(year)) issue(['decreeTransfers'], `covered year ${year} has no transfer entry (use status not-entered)`);
  }
});
export type CalendarData = z.infer<typeof calendarDataSchema>;

/** A supervisor's entry; it beats the law, the data and the decrees (how a 2026+ decree is entered). */
export const calendarOverrideSchema = z.object({
  date: localDateSchema,
  kind: transferKindSchema,
  note: z.string().trim().min(1),
});
export type CalendarOverride = z.infer<typeof calendarOverrideSchema>;

export const calendarOverridesSchema = z.array(calendarOverrideSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((o, i) => {
    if (seen.has(o.date)) ctx.addIssue({ code: 'custom', path: [i, 'date'], message: `date ${o.date} overridden twice` });
    seen.add(o.date);
  });
});

export type CalendarParseError = { readonly kind: 'invalid-calendar-data' | 'invalid-overrides'; readonly issues: readonly string[] };

function describe(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
}

/** Parses the shipped JSON (already read by the host); a failure means the shipped data is broken. */
export function parseCalendarData(json: unknown): Result<CalendarData, CalendarParseError> {
  const parsed = calendarDataSchema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: { kind: 'invalid-calendar-data', issues: describe(parsed.error) } };
}

/** Parses overrides as stored in the supervisor settings. */
export function parseCalendarOverrides(json: unknown): Result<CalendarOverride[], CalendarParseError> {
  const parsed = calendarOverridesSchema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: { kind: 'invalid-overrides', issues: describe(parsed.error) } };
}
