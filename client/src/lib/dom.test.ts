import { describe, expect, it } from 'vitest'
import { nearestIn } from './dom'

/** A stand-in with only what nearestIn reads: its box on screen. */
function box(name: string, left: number, top: number, width = 100, height = 60) {
  return { name, getBoundingClientRect: () => ({ left, top, width, height }) } as unknown as Element & { name: string }
}

describe('nearestIn', () => {
  // Two columns; the left one holds three cards, the right one a card level with the middle one.
  const a = box('a', 0, 0)
  const b = box('b', 0, 70)
  const c = box('c', 0, 140)
  const d = box('d', 150, 75)
  const all = [a, b, c, d]

  it('goes down and up a column card by card', () => {
    expect(nearestIn(a, all, 'down')?.name).toBe('b')
    expect(nearestIn(b, all, 'down')?.name).toBe('c')
    expect(nearestIn(c, all, 'up')?.name).toBe('b')
  })

  it('goes sideways to the card level with it, not to a nearer one in another row', () => {
    expect(nearestIn(b, all, 'right')?.name).toBe('d')
    expect(nearestIn(d, all, 'left')?.name).toBe('b')
  })

  it('finds nothing past the edge', () => {
    expect(nearestIn(a, all, 'up')).toBeNull()
    expect(nearestIn(d, all, 'right')).toBeNull()
  })
})
