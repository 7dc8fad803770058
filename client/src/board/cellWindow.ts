/**
 * A board cell of many cards draws only those near the screen (useCellWindow.ts): the pure half,
 * which cards, and how tall the room left for the others above and below them is, so that the
 * cell keeps its whole height and the board scrolls as if every card were there.
 */

/** Cells of up to this many cards draw them all; every cycle made through the app has at most 50 units. */
export const WINDOW_FROM = 40
/** Drawn before the cell's place on the screen is known: more than a screen of cards. */
export const FIRST_WINDOW = 24
/** Drawn beyond the screen's edges, in pixels: a fast wheel turn or an arrow key lands on drawn cards. */
export const OVERSCAN_PX = 800

export interface CellWindow {
  /** Index of the first card drawn. */
  from: number
  /** Index after the last card drawn. */
  to: number
  /** Room for the cards above the first drawn (each card's height and the gap after it, less one gap). */
  before: number
  /** Room for the cards after the last drawn, in the same way. */
  after: number
}

export const FIRST: CellWindow = { from: 0, to: FIRST_WINDOW, before: 0, after: 0 }

/**
 * The cards of a cell that meet the band [top, bottom] (pixels from the top of the cell's first
 * card), given each card's height: as last measured, or an estimate for cards never drawn.
 * Always at least one card, so a cell scrolled far past still has something to focus.
 */
export function windowOf(heights: readonly number[], gap: number, top: number, bottom: number): CellWindow {
  const n = heights.length
  let y = 0
  let from = 0
  while (from < n - 1 && y + (heights[from] as number) < top) y += (heights[from++] as number) + gap
  const before = y
  let to = from
  while (to < n && (to === from || y <= bottom)) y += (heights[to++] as number) + gap
  let after = 0
  for (let i = to; i < n; i++) after += (heights[i] as number) + gap
  return { from, to, before: Math.max(0, before - gap), after: Math.max(0, after - gap) }
}

export function sameWindow(a: CellWindow, b: CellWindow): boolean {
  return a.from === b.from && a.to === b.to && Math.abs(a.before - b.before) < 1 && Math.abs(a.after - b.after) < 1
}
