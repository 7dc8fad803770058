import { describe, expect, it } from 'vitest'
import { PALETTE, seriesColour } from './colours'

describe('seriesColour', () => {
  it('starts with the palette itself', () => {
    expect(Array.from({ length: PALETTE.length }, (_, i) => seriesColour(i))).toEqual(PALETTE.map((c) => c.toLowerCase()))
  })

  it('gives 13 steps and "Selesai" fourteen different colours', () => {
    const colours = Array.from({ length: 14 }, (_, i) => seriesColour(i))
    expect(new Set(colours).size).toBe(14)
    colours.forEach((c) => expect(c).toMatch(/^#[0-9a-f]{6}$/))
  })
})
