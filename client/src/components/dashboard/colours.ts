/** Colour-blind-safe series colours (Okabe–Ito, its black as a grey so that a darker shade of it stays visible). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999']

/**
 * The colour of series `i` as `#rrggbb`: the palette, then each of its colours again a third
 * darker for every further round, so 13 steps and "Selesai" never share a colour.
 */
export function seriesColour(i: number): string {
  const base = PALETTE[i % PALETTE.length] ?? '#999999'
  const keep = (2 / 3) ** Math.floor(i / PALETTE.length)
  const channel = (at: number) => Math.round(parseInt(base.slice(at, at + 2), 16) * keep).toString(16).padStart(2, '0')
  return `#${channel(1)}${channel(3)}${channel(5)}`
}
