import { nextTick } from 'vue'

/**
 * Puts keyboard focus back on a card after it moved: the card is re-rendered in its new cell,
 * so the element that had focus no longer exists.
 */
export async function focusCard(cardId: string): Promise<void> {
  await nextTick()
  const el = document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(cardId)}"]`)
  el?.focus()
  el?.scrollIntoView({ block: 'nearest', inline: 'nearest' })
}

export type Direction = 'up' | 'down' | 'left' | 'right'

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' }

/** The direction an arrow key names, or null for any other key. */
export function arrowOf(key: string): Direction | null {
  return ARROWS[key] ?? null
}

/**
 * The element of `candidates` nearest to `from` in `direction`, by their boxes on screen: the
 * grid of cells and cards has no simpler order (cells hold several cards, lanes differ in height).
 * Distance along the direction counts once, sideways offset twice, so "right" prefers the card
 * in the same row of the next column over a nearer one two rows down.
 */
export function nearestIn<T extends Element>(from: Element, candidates: Iterable<T>, direction: Direction): T | null {
  const a = from.getBoundingClientRect()
  const ax = a.left + a.width / 2
  const ay = a.top + a.height / 2
  let best: T | null = null
  let bestScore = Infinity
  for (const el of candidates) {
    if (el === from) continue
    const b = el.getBoundingClientRect()
    const dx = b.left + b.width / 2 - ax
    const dy = b.top + b.height / 2 - ay
    const along = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx)
    if (along <= 1) continue
    const score = along + 2 * across
    if (score < bestScore) {
      bestScore = score
      best = el
    }
  }
  return best
}
