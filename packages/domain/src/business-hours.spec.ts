import {
  ALWAYS_OPEN_CALENDAR,
  DEFAULT_BUSINESS_CALENDAR,
  addBusinessHours,
  addWallClockHours,
  businessMillisBetween,
  businessMillisRemaining,
  canonicalTimeZone,
  checkTimeZone,
  isBusinessTime,
  nextBusinessOpening,
  staffDueAt,
  validateBusinessCalendar,
  type BusinessCalendar,
  type StaffClockPause,
  type Weekday,
} from './business-hours';
import { seededRandom } from './seeded-random';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const iso = (date: Date | null) => date?.toISOString() ?? null;

const ALL_DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
function everyDay(timeZone: string, start: string, end: string, holidays: string[] = []): BusinessCalendar {
  return { timeZone, week: Object.fromEntries(ALL_DAYS.map((day) => [day, [{ start, end }]])), holidays };
}

const dublin = DEFAULT_BUSINESS_CALENDAR;
const newYork: BusinessCalendar = { ...DEFAULT_BUSINESS_CALENDAR, timeZone: 'America/New_York' };
const workdayWithLunch = [
  { start: '09:00', end: '12:30' },
  { start: '13:30', end: '17:00' },
];
const dublinWithLunch: BusinessCalendar = {
  timeZone: 'Europe/Dublin',
  week: { mon: workdayWithLunch, tue: workdayWithLunch, wed: workdayWithLunch, thu: workdayWithLunch, fri: workdayWithLunch },
  holidays: [],
};
const dublinAroundTheClock = everyDay('Europe/Dublin', '00:00', '24:00');
const dublinSundaysOnly: BusinessCalendar = { timeZone: 'Europe/Dublin', week: { sun: [{ start: '00:00', end: '24:00' }] }, holidays: [] };

// 2026: Jan 12 is a Monday; Dublin is on GMT (UTC+0) in January.
describe('addBusinessHours on Europe/Dublin Mon–Fri 09:00–17:00', () => {
  it.each([
    ['within a day', '2026-01-12T10:00:00.000Z', 3, '2026-01-12T13:00:00.000Z'],
    ['spilling over to the next day', '2026-01-12T15:00:00.000Z', 4, '2026-01-13T11:00:00.000Z'],
    ['a full day ends at closing time, not the next morning', '2026-01-12T09:00:00.000Z', 8, '2026-01-12T17:00:00.000Z'],
    ['before opening', '2026-01-12T07:00:00.000Z', 1, '2026-01-12T10:00:00.000Z'],
    ['from Friday afternoon to Monday', '2026-01-16T16:00:00.000Z', 2, '2026-01-19T10:00:00.000Z'],
    ['from Saturday', '2026-01-17T10:00:00.000Z', 1, '2026-01-19T10:00:00.000Z'],
    ['with fractional hours', '2026-01-12T16:30:00.000Z', 0.75, '2026-01-13T09:15:00.000Z'],
    ['with 0.29 hours (17 minutes 24 seconds)', '2026-01-12T10:00:00.000Z', 0.29, '2026-01-12T10:17:24.000Z'],
    ['zero hours while open is the start itself', '2026-01-12T10:00:00.000Z', 0, '2026-01-12T10:00:00.000Z'],
    ['zero hours on Saturday is the Monday opening', '2026-01-17T10:00:00.000Z', 0, '2026-01-19T09:00:00.000Z'],
    ['zero hours at closing time is the next opening', '2026-01-12T17:00:00.000Z', 0, '2026-01-13T09:00:00.000Z'],
    ['in summer time, 09:00 local is 08:00 UTC', '2026-06-15T08:30:00.000Z', 1, '2026-06-15T09:30:00.000Z'],
  ])('%s', (_case, start, hours, expected) => {
    expect(iso(addBusinessHours(at(start), hours, dublin))).toBe(expected);
  });

  it('skips holidays (Christmas Day and a substitute St Stephen’s Day)', () => {
    const withHolidays = { ...dublin, holidays: ['2026-12-25', '2026-12-28'] };
    // Thu 24 Dec 16:00–17:00 is one hour; Fri 25 holiday, weekend, Mon 28 holiday; Tue 29 09:00 + 2h.
    expect(iso(addBusinessHours(at('2026-12-24T16:00:00Z'), 3, withHolidays))).toBe('2026-12-29T11:00:00.000Z');
    expect(isBusinessTime(at('2026-12-25T12:00:00Z'), withHolidays)).toBe(false);
  });

  it('skips holidays on a seven-day calendar (25 and 26 December closed)', () => {
    const sevenDays = everyDay('Europe/Dublin', '09:00', '17:00', ['2026-12-25', '2026-12-26']);
    expect(iso(addBusinessHours(at('2026-12-24T16:00:00Z'), 3, sevenDays))).toBe('2026-12-27T11:00:00.000Z');
  });

  it('does not count a lunch break', () => {
    // 11:00–12:30 is 1.5 hours, then 13:30 + 0.5.
    expect(iso(addBusinessHours(at('2026-01-12T11:00:00Z'), 2, dublinWithLunch))).toBe('2026-01-12T14:00:00.000Z');
    // Starting during lunch, the clock starts at 13:30.
    expect(iso(addBusinessHours(at('2026-01-12T12:45:00Z'), 1, dublinWithLunch))).toBe('2026-01-12T14:30:00.000Z');
    expect(isBusinessTime(at('2026-01-12T13:00:00Z'), dublinWithLunch)).toBe(false);
    expect(businessMillisBetween(at('2026-01-12T00:00:00Z'), at('2026-01-13T00:00:00Z'), dublinWithLunch)).toBe(7 * HOUR);
  });
});

describe('daylight-saving changes', () => {
  // Europe/Dublin: clocks go forward Sun 29 Mar 2026 01:00 UTC (GMT → IST, UTC+1) and back Sun 25 Oct 2026 01:00 UTC.
  // America/New_York: forward Sun 8 Mar 2026 07:00 UTC (EST → EDT), back Sun 1 Nov 2026 06:00 UTC.
  it.each([
    ['Dublin spring forward', dublin, '2026-03-27T15:00:00.000Z', '2026-03-30T10:00:00.000Z'],
    ['Dublin fall back', dublin, '2026-10-23T14:00:00.000Z', '2026-10-26T11:00:00.000Z'],
    ['New York spring forward', newYork, '2026-03-06T20:00:00.000Z', '2026-03-09T15:00:00.000Z'],
    ['New York fall back', newYork, '2026-10-30T19:00:00.000Z', '2026-11-02T16:00:00.000Z'],
  ])('%s: 4 business hours from Friday 15:00 local end Monday 11:00 local', (_case, calendar, fridayThreePm, mondayElevenAm) => {
    expect(iso(addBusinessHours(at(fridayThreePm), 4, calendar))).toBe(mondayElevenAm);
    expect(businessMillisBetween(at(fridayThreePm), at(mondayElevenAm), calendar)).toBe(4 * HOUR);
  });

  it('keeps 09:00 local as opening time on both sides of a change', () => {
    expect(iso(nextBusinessOpening(at('2026-03-28T12:00:00Z'), dublin))).toBe('2026-03-30T08:00:00.000Z');
    expect(iso(nextBusinessOpening(at('2026-10-24T12:00:00Z'), dublin))).toBe('2026-10-26T09:00:00.000Z');
    expect(iso(nextBusinessOpening(at('2026-03-07T12:00:00Z'), newYork))).toBe('2026-03-09T13:00:00.000Z');
  });

  it('counts real hours on a 24x7 calendar over the spring-forward night', () => {
    expect(iso(addBusinessHours(at('2026-03-28T22:00:00Z'), 5, dublinAroundTheClock))).toBe('2026-03-29T03:00:00.000Z');
    expect(businessMillisBetween(at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'), dublinAroundTheClock)).toBe(48 * HOUR);
  });

  it('makes a local day 23 real hours long when clocks spring forward', () => {
    expect(businessMillisBetween(at('2026-03-28T00:00:00Z'), at('2026-03-31T00:00:00Z'), dublinSundaysOnly)).toBe(23 * HOUR);
    // Sunday 29 Mar runs 00:00Z–23:00Z; the last hour comes from Sunday 5 Apr, which starts at 23:00Z on the 4th.
    expect(iso(addBusinessHours(at('2026-03-28T12:00:00Z'), 24, dublinSundaysOnly))).toBe('2026-04-05T00:00:00.000Z');
  });

  it('makes a local day 25 real hours long when clocks fall back', () => {
    expect(businessMillisBetween(at('2026-10-24T00:00:00Z'), at('2026-10-27T00:00:00Z'), dublinSundaysOnly)).toBe(25 * HOUR);
    expect(iso(addBusinessHours(at('2026-10-24T12:00:00Z'), 24, dublinSundaysOnly))).toBe('2026-10-25T23:00:00.000Z');
  });

  it('opens an interval starting in the spring-forward gap at the first valid instant after it', () => {
    const earlySunday: BusinessCalendar = { timeZone: 'America/New_York', week: { sun: [{ start: '02:30', end: '04:00' }] }, holidays: [] };
    // 02:30 does not exist on 8 Mar: 02:00 EST (07:00Z) is followed by 03:00 EDT.
    expect(iso(nextBusinessOpening(at('2026-03-08T00:00:00Z'), earlySunday))).toBe('2026-03-08T07:00:00.000Z');
    expect(businessMillisBetween(at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'), earlySunday)).toBe(1 * HOUR);
    expect(businessMillisBetween(at('2026-03-01T00:00:00Z'), at('2026-03-02T00:00:00Z'), earlySunday)).toBe(1.5 * HOUR);
  });

  it('drops an interval lying wholly inside the spring-forward gap', () => {
    const calendar: BusinessCalendar = {
      timeZone: 'America/New_York',
      week: { sun: [{ start: '02:10', end: '02:50' }], mon: [{ start: '09:00', end: '10:00' }] },
      holidays: [],
    };
    expect(iso(nextBusinessOpening(at('2026-03-08T00:00:00Z'), calendar))).toBe('2026-03-09T13:00:00.000Z');
  });

  it('starts an interval at a repeated fall-back time at its first occurrence', () => {
    const earlySunday: BusinessCalendar = { timeZone: 'America/New_York', week: { sun: [{ start: '01:30', end: '03:00' }] }, holidays: [] };
    // 01:30 EDT (05:30Z) until 03:00 EST (08:00Z): 1.5 local hours, 2.5 real ones.
    expect(iso(nextBusinessOpening(at('2026-11-01T00:00:00Z'), earlySunday))).toBe('2026-11-01T05:30:00.000Z');
    expect(businessMillisBetween(at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z'), earlySunday)).toBe(2.5 * HOUR);
  });
});

describe('ALWAYS_OPEN_CALENDAR and addWallClockHours', () => {
  it('adds plain elapsed time', () => {
    expect(iso(addBusinessHours(at('2026-01-17T22:15:00Z'), 10, ALWAYS_OPEN_CALENDAR))).toBe('2026-01-18T08:15:00.000Z');
    expect(iso(addWallClockHours(at('2026-03-28T22:00:00Z'), 5))).toBe('2026-03-29T03:00:00.000Z');
    expect(iso(addWallClockHours(at('2026-01-12T10:00:00Z'), 1.5))).toBe('2026-01-12T11:30:00.000Z');
    expect(isBusinessTime(at('2026-01-17T03:00:00Z'), ALWAYS_OPEN_CALENDAR)).toBe(true);
  });

  it('rounds fractional hours to whole milliseconds instead of truncating float error', () => {
    // 0.29 * 3600000 is 1043999.9999999999 in floating point.
    expect(iso(addWallClockHours(new Date(0), 0.29))).toBe('1970-01-01T00:17:24.000Z');
    expect(iso(addBusinessHours(new Date(0), 0.29, ALWAYS_OPEN_CALENDAR))).toBe('1970-01-01T00:17:24.000Z');
  });

  it('cannot be changed by a caller', () => {
    expect(() => DEFAULT_BUSINESS_CALENDAR.holidays.push('2026-12-25')).toThrow(TypeError);
    expect(DEFAULT_BUSINESS_CALENDAR.holidays).toEqual([]);
  });
});

describe('isBusinessTime and nextBusinessOpening', () => {
  it('counts opening time as open and closing time as closed', () => {
    expect(isBusinessTime(at('2026-01-12T09:00:00.000Z'), dublin)).toBe(true);
    expect(isBusinessTime(at('2026-01-12T16:59:59.999Z'), dublin)).toBe(true);
    expect(isBusinessTime(at('2026-01-12T17:00:00.000Z'), dublin)).toBe(false);
    expect(isBusinessTime(at('2026-01-12T08:59:59.999Z'), dublin)).toBe(false);
  });

  it('returns the instant itself when open, else the next opening', () => {
    expect(iso(nextBusinessOpening(at('2026-01-12T12:34:56.789Z'), dublin))).toBe('2026-01-12T12:34:56.789Z');
    expect(iso(nextBusinessOpening(at('2026-01-16T17:00:00Z'), dublin))).toBe('2026-01-19T09:00:00.000Z');
  });
});

describe('businessMillisBetween', () => {
  it('counts only business time in [from, to)', () => {
    expect(businessMillisBetween(at('2026-01-16T16:00:00Z'), at('2026-01-19T10:00:00Z'), dublin)).toBe(2 * HOUR);
    expect(businessMillisBetween(at('2026-01-12T00:00:00Z'), at('2026-01-19T00:00:00Z'), dublin)).toBe(40 * HOUR);
    expect(businessMillisBetween(at('2026-01-17T00:00:00Z'), at('2026-01-18T00:00:00Z'), dublin)).toBe(0);
  });

  it('is 0 when to is not after from', () => {
    expect(businessMillisBetween(at('2026-01-12T12:00:00Z'), at('2026-01-12T10:00:00Z'), dublin)).toBe(0);
    expect(businessMillisBetween(at('2026-01-12T12:00:00Z'), at('2026-01-12T12:00:00Z'), dublin)).toBe(0);
  });
});

describe('consistency over random starts (seeded, reproducible)', () => {
  const calendars: [string, BusinessCalendar][] = [
    ['Dublin', dublin],
    ['New York', newYork],
    ['Dublin with lunch', dublinWithLunch],
    ['Dublin 24x7', dublinAroundTheClock],
    ['Dublin Sundays only', dublinSundaysOnly],
    ['Dublin seven days with holidays', everyDay('Europe/Dublin', '09:00', '17:00', ['2026-03-29', '2026-10-25', '2026-12-25'])],
  ];
  const yearStart = Date.UTC(2026, 0, 1);
  const yearLength = 365 * 24 * HOUR;

  it.each(calendars)('%s: businessMillisBetween(start, addBusinessHours(start, h)) is h hours', (_name, calendar) => {
    const random = seededRandom(20260329);
    for (let run = 0; run < 150; run++) {
      const start = new Date(yearStart + Math.floor(random() * yearLength));
      const hours = Math.floor(random() * 200) / 4; // 0 to 49.75 in quarter hours
      const due = addBusinessHours(start, hours, calendar);
      expect({ start: iso(start), hours, elapsed: businessMillisBetween(start, due, calendar) }).toEqual({
        start: iso(start),
        hours,
        elapsed: hours * HOUR,
      });
      expect(isBusinessTime(nextBusinessOpening(start, calendar), calendar)).toBe(true);
      // Adding in two steps lands on the same instant when the second step is not zero.
      const firstStep = Math.floor(random() * hours * 4) / 4;
      if (firstStep < hours) {
        const inTwoSteps = addBusinessHours(addBusinessHours(start, firstStep, calendar), hours - firstStep, calendar);
        expect({ start: iso(start), hours, firstStep, due: iso(inTwoSteps) }).toEqual({ start: iso(start), hours, firstStep, due: iso(due) });
      }
    }
  });
});

describe('staffDueAt', () => {
  const pause = (pausedAt: string, resumedAt: string | null): StaffClockPause => ({
    pausedAt: at(pausedAt),
    resumedAt: resumedAt === null ? null : at(resumedAt),
  });
  const mondayTen = at('2026-01-12T10:00:00Z');
  const mondayTwo = at('2026-01-12T14:00:00Z');

  it('is escalation plus the business hours when never paused', () => {
    expect(iso(staffDueAt(mondayTen, 4, dublin, []))).toBe('2026-01-12T14:00:00.000Z');
    expect(iso(staffDueAt(mondayTwo, 4, dublin, []))).toBe('2026-01-13T10:00:00.000Z');
  });

  it('extends the deadline by a pause within a business day', () => {
    expect(iso(staffDueAt(mondayTen, 4, dublin, [pause('2026-01-12T11:00:00Z', '2026-01-12T12:00:00Z')]))).toBe(
      '2026-01-12T15:00:00.000Z',
    );
  });

  it('extends the deadline only by the business time inside a pause across days', () => {
    // Ran 14:00–16:00 Monday, paused until Tuesday 10:00 (1h Mon + 1h Tue of business time), then 2h more.
    expect(iso(staffDueAt(mondayTwo, 4, dublin, [pause('2026-01-12T16:00:00Z', '2026-01-13T10:00:00Z')]))).toBe(
      '2026-01-13T12:00:00.000Z',
    );
    // Paused only overnight: no business time lost.
    expect(iso(staffDueAt(mondayTwo, 4, dublin, [pause('2026-01-12T18:00:00Z', '2026-01-13T08:00:00Z')]))).toBe(
      '2026-01-13T10:00:00.000Z',
    );
  });

  it('has no deadline while a pause is open', () => {
    expect(staffDueAt(mondayTen, 4, dublin, [pause('2026-01-12T11:00:00Z', null)])).toBeNull();
    expect(
      staffDueAt(mondayTen, 4, dublin, [pause('2026-01-12T11:00:00Z', '2026-01-12T11:30:00Z'), pause('2026-01-12T12:00:00Z', null)]),
    ).toBeNull();
  });

  it('merges overlapping pauses given in any order', () => {
    const pauses = [
      pause('2026-01-12T11:30:00Z', '2026-01-12T12:30:00Z'),
      pause('2026-01-12T11:00:00Z', '2026-01-12T12:00:00Z'),
      pause('2026-01-12T11:15:00Z', '2026-01-12T11:45:00Z'),
    ];
    // Together 11:00–12:30: 1.5 hours, not the 2.5 the pauses add up to.
    expect(iso(staffDueAt(mondayTen, 4, dublin, pauses))).toBe('2026-01-12T15:30:00.000Z');
  });

  it('counts only the part of a pause after escalation', () => {
    expect(iso(staffDueAt(mondayTen, 4, dublin, [pause('2026-01-12T09:00:00Z', '2026-01-12T11:00:00Z')]))).toBe(
      '2026-01-12T15:00:00.000Z',
    );
  });

  it('does not move a deadline already passed when the pause began', () => {
    expect(iso(staffDueAt(mondayTen, 4, dublin, [pause('2026-01-12T15:00:00Z', '2026-01-13T15:00:00Z')]))).toBe(
      '2026-01-12T14:00:00.000Z',
    );
  });

  it('rejects a pause that resumes before it began', () => {
    expect(() => staffDueAt(mondayTen, 4, dublin, [pause('2026-01-12T12:00:00Z', '2026-01-12T11:00:00Z')])).toThrow(RangeError);
  });
});

describe('businessMillisRemaining', () => {
  const due = at('2026-01-19T10:00:00Z'); // Monday 10:00

  it('counts business time left before the deadline', () => {
    expect(businessMillisRemaining(at('2026-01-16T16:00:00Z'), due, dublin)).toBe(2 * HOUR);
    expect(businessMillisRemaining(at('2026-01-17T12:00:00Z'), due, dublin)).toBe(1 * HOUR);
    expect(businessMillisRemaining(due, due, dublin)).toBe(0);
  });

  it('is the negative wall-clock time overdue after the deadline', () => {
    expect(businessMillisRemaining(at('2026-01-19T10:30:00Z'), due, dublin)).toBe(-0.5 * HOUR);
    // Overdue since Friday 17:00, now Saturday 10:00: strictly negative though no business time passed.
    expect(businessMillisRemaining(at('2026-01-17T10:00:00Z'), at('2026-01-16T17:00:00Z'), dublin)).toBe(-17 * HOUR);
  });
});

describe('validateBusinessCalendar', () => {
  it('accepts the built-in calendars, lunch breaks, touching intervals and 24:00', () => {
    expect(validateBusinessCalendar(DEFAULT_BUSINESS_CALENDAR)).toEqual([]);
    expect(validateBusinessCalendar(ALWAYS_OPEN_CALENDAR)).toEqual([]);
    expect(validateBusinessCalendar(dublinWithLunch)).toEqual([]);
    const touching = {
      timeZone: 'America/New_York',
      week: { sat: [{ start: '12:30', end: '24:00' }, { start: '00:00', end: '12:30' }] },
      holidays: ['2026-12-25', '2028-02-29'],
    };
    expect(validateBusinessCalendar(touching)).toEqual([]);
  });

  it('names each invalid field', () => {
    const calendar = {
      timeZone: 'Europe/Dubln',
      week: {
        mon: [{ start: '9:00', end: '17:00' }],
        tue: [{ start: '09:00', end: '08:00' }],
        wed: [
          { start: '09:00', end: '17:00' },
          { start: '10:00', end: '11:00' },
          { start: '12:00', end: '13:00' },
        ],
        thu: [{ start: '24:00', end: '24:00' }],
        fri: [{ start: '09:00', end: '25:00' }],
        funday: [],
      },
      holidays: ['2026-12-25', '2026-02-30', '25/12/2026', 20261225],
    };
    expect(validateBusinessCalendar(calendar).map((error) => error.field)).toEqual([
      'calendar.timeZone',
      'calendar.week.mon[0].start',
      'calendar.week.tue[0]',
      'calendar.week.wed[1]',
      'calendar.week.wed[2]',
      'calendar.week.thu[0].start',
      'calendar.week.fri[0].end',
      'calendar.week.funday',
      'calendar.holidays[1]',
      'calendar.holidays[2]',
      'calendar.holidays[3]',
    ]);
  });

  it('explains what to fix', () => {
    const errors = validateBusinessCalendar({
      timeZone: 'Europe/Dubln',
      week: { mon: [{ start: '9:00', end: '17:00' }], wed: [{ start: '09:00', end: '17:00' }, { start: '12:00', end: '13:00' }] },
      holidays: ['2026-02-30'],
    });
    expect(errors).toEqual([
      { field: 'calendar.timeZone', message: expect.stringContaining('"Europe/Dubln" is not known; use an IANA name such as "Europe/Dublin"') },
      { field: 'calendar.week.mon[0].start', message: expect.stringContaining('"9:00" must be local time as HH:MM') },
      { field: 'calendar.week.wed[1]', message: expect.stringContaining('12:00–13:00 overlaps 09:00–17:00') },
      { field: 'calendar.holidays[0]', message: expect.stringContaining('"2026-02-30" is not a real date as YYYY-MM-DD') },
    ]);
  });

  it('requires an object with all three parts', () => {
    expect(validateBusinessCalendar(null).map((error) => error.field)).toEqual(['calendar']);
    expect(validateBusinessCalendar({}).map((error) => error.field)).toEqual(['calendar.timeZone', 'calendar.week', 'calendar.holidays']);
  });

  it('rejects a week without working hours, and the arithmetic throws instead of looping', () => {
    const closed: BusinessCalendar = { timeZone: 'Europe/Dublin', week: { mon: [], sat: [] }, holidays: [] };
    expect(validateBusinessCalendar(closed)).toEqual([{ field: 'calendar.week', message: expect.stringContaining('no working hours') }]);
    expect(() => addBusinessHours(at('2026-01-12T10:00:00Z'), 1, closed)).toThrow(/Invalid business calendar: calendar\.week/);
    expect(() => isBusinessTime(at('2026-01-12T10:00:00Z'), closed)).toThrow(/Invalid business calendar/);
  });

  it('throws rather than looping when holidays close every working day for years', () => {
    const mondays: string[] = [];
    for (let day = Date.UTC(2026, 0, 5); day < Date.UTC(2031, 0, 1); day += 7 * 24 * HOUR) {
      mondays.push(new Date(day).toISOString().slice(0, 10));
    }
    const mondaysOnly: BusinessCalendar = { timeZone: 'Europe/Dublin', week: { mon: [{ start: '09:00', end: '17:00' }] }, holidays: mondays };
    expect(validateBusinessCalendar(mondaysOnly)).toEqual([]);
    expect(() => addBusinessHours(at('2026-01-01T00:00:00Z'), 1, mondaysOnly)).toThrow(/no working time in the 1098 days/);
  });

  it('rejects hours and dates that make no sense', () => {
    expect(() => addBusinessHours(at('2026-01-12T10:00:00Z'), -1, dublin)).toThrow(RangeError);
    expect(() => addBusinessHours(at('2026-01-12T10:00:00Z'), Number.NaN, dublin)).toThrow(RangeError);
    expect(() => addWallClockHours(at('2026-01-12T10:00:00Z'), Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => addBusinessHours(new Date('not a date'), 1, dublin)).toThrow(/start is not a valid date/);
  });
});

describe('checkTimeZone', () => {
  it('accepts IANA names and refuses offsets, unknown names and blanks', () => {
    expect(checkTimeZone('Europe/Dublin', 'timeZone')).toEqual([]);
    expect(checkTimeZone('UTC', 'timeZone')).toEqual([]);
    expect(canonicalTimeZone('europe/dublin')).toBe('Europe/Dublin');
    for (const bad of ['Mars/Olympus', '+01:00', ' ', 42]) {
      expect(checkTimeZone(bad, 'timeZone')).toEqual([{ field: 'timeZone', message: expect.stringMatching(/^Time zone/) }]);
    }
  });
});
