import { describe, expect, it } from 'vitest'
import { sameWindow, windowOf } from './cellWindow'

// Ten cards of 100 px with gaps of 10 px: card i spans [110 i, 110 i + 100].
const TEN = Array.from({ length: 10 }, () => 100)

describe('windowOf', () => {
  it('draws the cards meeting the band, with room for the others of their height and gaps', () => {
    const w = windowOf(TEN, 10, 250, 480)
    // Card 2 spans 220–320, card 4 440–540: both meet the band; card 5 starts at 550.
    expect(w).toEqual({ from: 2, to: 5, before: 210, after: 540 })
    // The cell keeps its whole height: room + gap + drawn cards and gaps + gap + room.
    expect(w.before + 10 + (3 * 100 + 2 * 10) + 10 + w.after).toBe(10 * 100 + 9 * 10)
  })

  it('draws from the first card when the band starts above the cell, and no room before it', () => {
    expect(windowOf(TEN, 10, -800, 150)).toEqual({ from: 0, to: 2, before: 0, after: 870 })
  })

  it('draws to the last card when the band reaches past the cell', () => {
    expect(windowOf(TEN, 10, 900, 3000)).toEqual({ from: 8, to: 10, before: 870, after: 0 })
  })

  it('keeps one card drawn when the band is far below the cell, so there is always one to focus', () => {
    expect(windowOf(TEN, 10, 5000, 6000)).toEqual({ from: 9, to: 10, before: 980, after: 0 })
  })

  it('follows each card its own height', () => {
    expect(windowOf([50, 300, 50, 50], 0, 100, 120)).toEqual({ from: 1, to: 2, before: 50, after: 100 })
  })
})

describe('sameWindow', () => {
  it('ignores a sub-pixel change of the room, not a change of the cards drawn', () => {
    const w = { from: 2, to: 5, before: 210, after: 540 }
    expect(sameWindow(w, { ...w, before: 210.4 })).toBe(true)
    expect(sameWindow(w, { ...w, to: 6 })).toBe(false)
    expect(sameWindow(w, { ...w, after: 560 })).toBe(false)
  })
})
