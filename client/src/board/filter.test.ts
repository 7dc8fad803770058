import { describe, expect, it } from 'vitest'
import { MONEV_KINERJA } from '@shared/sop/balangan'
import { DEFAULT_CALENDAR } from '@shared/time/calendar'
import type { CardDto } from '@shared/protocol/board'
import { testCard } from './testCard'
import { cardMatches, filterFromQuery, filterToQuery, isFiltering, NO_FILTER } from './filter'

const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`)
const entered = at('2027-01-11 08:00').toISOString()
const entry = { ...testCard().lastEntry, at: entered }
const card = (over: Partial<CardDto> = {}): CardDto => testCard({ unit: { id: 'ppik', name: 'Bidang Pengadaan', shortName: 'PPIK' }, enteredStepAt: entered, checklist: [false], lastEntry: entry, ...over })

const ctx = (local: string) => ({ template: MONEV_KINERJA, calendar: DEFAULT_CALENDAR, now: at(local).getTime() })

describe('board filter', () => {
  it('reads the URL, dropping unknown states and repeats, and writes back only what is set', () => {
    const f = filterFromQuery({ unit: 'ppik', state: 'overdue,bogus,overdue,returned', q: '  mutasi ', card: 'x' })
    expect(f).toEqual({ unit: 'ppik', lane: '', states: ['overdue', 'returned'], q: 'mutasi' })
    expect(filterToQuery(f, { card: 'x', lane: 'old' })).toEqual({ card: 'x', unit: 'ppik', state: 'overdue,returned', q: 'mutasi' })
    expect(filterToQuery(NO_FILTER, { unit: 'ppik', card: 'x' })).toEqual({ card: 'x' })
    expect(isFiltering(NO_FILTER)).toBe(false)
    expect(isFiltering(f)).toBe(true)
  })

  it('matches unit, lane and search (names and the latest note), all parts together', () => {
    const c = card({ lastNote: { at: '', by: 'A', text: 'Menunggu data SIASN' } })
    const f = { ...NO_FILTER }
    expect(cardMatches(c, { ...f, unit: 'ppik' }, ctx('2027-01-11 08:05'))).toBe(true)
    expect(cardMatches(c, { ...f, unit: 'psdm' }, ctx('2027-01-11 08:05'))).toBe(false)
    expect(cardMatches(c, { ...f, lane: 'kepala_bidang' }, ctx('2027-01-11 08:05'))).toBe(false)
    expect(cardMatches(c, { ...f, q: 'pengadaan' }, ctx('2027-01-11 08:05'))).toBe(true)
    expect(cardMatches(c, { ...f, q: 'siasn' }, ctx('2027-01-11 08:05'))).toBe(true)
    expect(cardMatches(c, { ...f, unit: 'ppik', q: 'mutasi' }, ctx('2027-01-11 08:05'))).toBe(false)
  })

  it('judges the clock states at the given instant, a dispensation included, and a return by the last move', () => {
    const c = card()
    const overdue = { ...NO_FILTER, states: ['overdue' as const] }
    expect(cardMatches(c, overdue, ctx('2027-01-11 08:10'))).toBe(false)
    expect(cardMatches(c, { ...NO_FILTER, states: ['at_risk'] }, ctx('2027-01-11 08:13'))).toBe(true)
    expect(cardMatches(c, overdue, ctx('2027-01-11 08:16'))).toBe(true)
    // 15 + 5 menit: not late at 08.16.
    expect(cardMatches(card({ extended: 5 }), overdue, ctx('2027-01-11 08:16'))).toBe(false)
    // Saturday: the office is closed, the clock paused.
    expect(cardMatches(c, { ...NO_FILTER, states: ['paused'] }, ctx('2027-01-09 10:00'))).toBe(true)
    const returned = card({ lastEntry: { ...entry, kind: 'return', from: { step: 11, lane: 'sekretaris' }, to: { step: 10, lane: 'kepala_bidang' }, note: 'Perbaiki' } })
    expect(cardMatches(returned, { ...NO_FILTER, states: ['returned', 'overdue'] }, ctx('2027-01-11 08:05'))).toBe(true)
    expect(cardMatches(c, { ...NO_FILTER, states: ['returned'] }, ctx('2027-01-11 08:05'))).toBe(false)
  })
})
