import { describe, expect, it } from 'vitest'
import { durationParts, formatDays, formatDuration } from './duration'

const ID = { d: 'hari', h: 'j', m: 'm', s: 'dtk' }
const MIN = 60_000
const HOUR = 60 * MIN

describe('durationParts', () => {
  it.each([
    [0, { hours: 0, minutes: 0, seconds: 0 }],
    [999, { hours: 0, minutes: 0, seconds: 0 }],
    [59_999, { hours: 0, minutes: 0, seconds: 59 }],
    [HOUR + 20 * MIN + 30_000, { hours: 1, minutes: 20, seconds: 0 }],
    [-(2 * HOUR + 5 * MIN), { hours: 2, minutes: 5, seconds: 0 }],
    [37.5 * HOUR, { hours: 37, minutes: 30, seconds: 0 }],
    [Number.NaN, { hours: 0, minutes: 0, seconds: 0 }],
  ])('%d ms', (ms, parts) => {
    expect(durationParts(ms)).toEqual(parts)
  })
})

describe('formatDuration', () => {
  /** The expected texts are written with plain spaces; a number and its unit are bound by a no-break space. */
  const bound = (text: string) => text.replace(/(\d) /g, '$1\u00a0')

  it.each([
    [0, '0 m'],
    [400, '0 m'],
    [45_000, '45 dtk'],
    [MIN, '1 m'],
    [40 * MIN + 59_000, '40 m'],
    [HOUR, '1 j'],
    [HOUR + 20 * MIN, '1 j 20 m'],
    [15 * HOUR, '15 j'],
    [-(2 * HOUR + 5 * MIN), '2 j 5 m'],
    [-30_000, '30 dtk'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms, ID)).toBe(bound(text))
  })

  it.each([
    [0, '0 m'],
    [400, '1 dtk'],
    [59_000, '59 dtk'],
    [59_500, '1 m'],
    [MIN + 1, '2 m'],
    [HOUR - 1, '1 j'],
    [7 * HOUR + 15 * MIN + 1, '7 j 16 m'],
  ])('rounded up: %d ms → %s', (ms, text) => {
    expect(formatDuration(ms, ID, 'ceil')).toBe(bound(text))
  })

  it.each([
    [13 * MIN + 20_000, '13 m', '2 m'],
    [14 * MIN, '14 m', '1 m'],
    [14 * MIN + 1_000, '14 m', '59 dtk'],
  ])('used %d ms of 15 m: "%s" used, "%s" left', (used, usedText, leftText) => {
    expect(formatDuration(used, ID)).toBe(bound(usedText))
    expect(formatDuration(15 * MIN - used, ID, 'ceil')).toBe(bound(leftText))
  })

  it('uses the words it is given', () => {
    expect(formatDuration(HOUR + 5 * MIN, { d: 'd', h: 'h', m: 'min', s: 's' })).toBe('1\u00a0h 5\u00a0min')
  })

  it('never leaves a number without its unit at a line break, but lets the groups wrap', () => {
    const text = formatDuration(HOUR + 20 * MIN, ID)
    expect(text.split(' ')).toEqual(['1\u00a0j', '20\u00a0m'])
  })
})

describe('formatDays', () => {
  it('says whole working days and the hours beyond them, each number bound to its unit', () => {
    expect(formatDays({ days: 4, restMs: 3 * HOUR + 20 * MIN }, ID)).toBe('4\u00a0hari 3\u00a0j')
    expect(formatDays({ days: 4, restMs: 3 * HOUR + 20 * MIN }, ID, 'ceil')).toBe('4\u00a0hari 4\u00a0j')
    expect(formatDays({ days: 2, restMs: 0 }, ID)).toBe('2\u00a0hari')
  })

  it('under a day, speaks as formatDuration', () => {
    expect(formatDays({ days: 0, restMs: 5 * HOUR + 5 * MIN }, ID)).toBe(formatDuration(5 * HOUR + 5 * MIN, ID))
  })
})
