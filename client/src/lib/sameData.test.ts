import { describe, expect, it } from 'vitest'
import { copyData, sameData } from './sameData'

describe('sameData', () => {
  it.each<[unknown, unknown, boolean]>([
    [1, 1, true],
    ['a', 'b', false],
    [null, null, true],
    [null, {}, false],
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: undefined }, true],
    [{ a: 1 }, { a: 1, b: null }, false],
    [[1, 2], [2, 1], false],
    [[], {}, false],
    [{ 1: { open: '07:30' } }, { 1: { open: '07:31' } }, false],
  ])('%j vs %j', (a, b, same) => {
    expect(sameData(a, b)).toBe(same)
    expect(sameData(b, a)).toBe(same)
  })
})

describe('copyData', () => {
  it('copies deeply, also through reactive proxies', async () => {
    const { reactive } = await import('vue')
    const source = reactive({ week: { 1: { open: '07:30', breaks: [{ start: '12:00', end: '13:00' }] } } })
    const copy = copyData(source)
    expect(copy).toEqual({ week: { 1: { open: '07:30', breaks: [{ start: '12:00', end: '13:00' }] } } })
    copy.week[1].breaks[0]!.end = '12:30'
    expect(source.week[1].breaks[0]!.end).toBe('13:00')
  })
})
