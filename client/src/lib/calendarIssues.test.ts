import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR, type WorkCalendar } from '@shared/time/calendar'
import { WorkCalendarSchema } from '@shared/time/schema'
import { calendarIssues } from './calendarIssues'

function issuesOf(edit: (cal: WorkCalendar) => void) {
  const cal = structuredClone(DEFAULT_CALENDAR)
  edit(cal)
  const result = WorkCalendarSchema.safeParse(cal)
  if (result.success) throw new Error('expected the calendar to be refused')
  return [...calendarIssues(result.error).values()].map((i) => [i.path, i.kind])
}

describe('calendarIssues', () => {
  it('accepts the shipped calendar', () => {
    expect(WorkCalendarSchema.safeParse(DEFAULT_CALENDAR).success).toBe(true)
  })

  it.each<[string, (cal: WorkCalendar) => void, [string, string]]>([
    ['a closing time before opening', (c) => (c.week[1] = { open: '16:00', close: '07:30', breaks: [] }), ['week.1.close', 'closeAfterOpen']],
    ['an empty clock', (c) => (c.week[2] = { open: '', close: '16:00', breaks: [] }), ['week.2.open', 'clock']],
    ['a break ending before it starts', (c) => (c.week[3] = { open: '07:30', close: '16:00', breaks: [{ start: '13:00', end: '12:00' }] }), ['week.3.breaks.0.end', 'breakEnd']],
    ['a break outside office hours', (c) => (c.week[4] = { open: '07:30', close: '16:00', breaks: [{ start: '06:00', end: '07:00' }] }), ['week.4.breaks.0', 'breakInside']],
    [
      'overlapping breaks',
      (c) => (c.week[5] = { open: '07:30', close: '16:30', breaks: [{ start: '11:00', end: '12:00' }, { start: '11:30', end: '13:00' }] }),
      ['week.5.breaks.1.start', 'breakOrder'],
    ],
    ['a week without office', (c) => (c.week = { 1: null, 2: null, 3: null, 4: null, 5: null, 6: null, 7: null }), ['week', 'week']],
    ['a holiday twice', (c) => c.holidays.push({ ...c.holidays[0]! }), [`holidays.${DEFAULT_CALENDAR.holidays.length}.date`, 'dateDuplicate']],
    ['a day that does not exist', (c) => (c.holidays[0]!.date = '2026-02-30'), ['holidays.0.date', 'date']],
    ['a holiday without a name', (c) => (c.holidays[1]!.name = '  '), ['holidays.1.name', 'name']],
    ['a holiday without a source', (c) => (c.holidays[2]!.source = ''), ['holidays.2.source', 'source']],
    ['an override ending before it starts', (c) => (c.overrides[0]!.to = '2024-01-01'), ['overrides.0.to', 'dateRange']],
    ['overlapping overrides', (c) => c.overrides.push({ ...c.overrides[0]!, id: 'copy' }), [`overrides.${DEFAULT_CALENDAR.overrides.length}.from`, 'overlap']],
    ['an override id taken twice', (c) => c.overrides.push({ ...c.overrides[0]!, from: '2030-01-01', to: '2030-01-02' }), [`overrides.${DEFAULT_CALENDAR.overrides.length}.id`, 'id']],
  ])('%s', (_what, edit, expected) => {
    expect(issuesOf(edit)).toContainEqual(expected)
  })

  it('carries what the sentence names: the clashing holiday, the overlapped special hours', () => {
    const cal = structuredClone(DEFAULT_CALENDAR)
    const first = cal.holidays[0]!
    cal.holidays.push({ ...first })
    cal.overrides.push({ ...cal.overrides[0]!, id: 'copy' })
    const result = WorkCalendarSchema.safeParse(cal)
    if (result.success) throw new Error('expected the calendar to be refused')
    const issues = calendarIssues(result.error)
    expect(issues.get(`holidays.${DEFAULT_CALENDAR.holidays.length}.date`)?.params).toEqual({ rule: 'date_taken', date: first.date, name: first.name })
    expect(issues.get(`overrides.${DEFAULT_CALENDAR.overrides.length}.from`)?.params).toEqual({ rule: 'overlap', name: cal.overrides[0]!.name })
  })
})
