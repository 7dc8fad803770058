import { computed, onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue'
import type { CardDto } from '@shared/protocol/board'
import { FIRST, OVERSCAN_PX, WINDOW_FROM, sameWindow, windowOf, type CellWindow } from './cellWindow'

/**
 * Which of a cell's cards are drawn. A cell of up to WINDOW_FROM cards draws them all; a larger
 * one (a board of thousands) only those within OVERSCAN_PX of the board's visible area, with
 * empty room of the others' height above and below, so that mounting, a move's re-render and a
 * drag's restyling cost what is near the screen, not what the cell holds. The cards not drawn are
 * taken as tall as the average of those drawn, measured anew each time: a height kept from an
 * earlier draw goes stale when the cards' look changes (a timer's line, a badge, a font), and a
 * cell of 48 kept too little room for them. The browser's scroll anchoring keeps the view still
 * when the estimate above it is corrected.
 *
 * While `held()` (a card is being dragged) the drawn cards stay as they are: the board scrolls
 * under a drag, and a card the drag holds must not be unmounted under it.
 */
export function useCellWindow(el: Ref<HTMLElement | null>, cards: Ref<readonly CardDto[]>, held: () => boolean) {
  const windowed = computed(() => cards.value.length > WINDOW_FROM)
  const range = shallowRef<CellWindow>(FIRST)
  const shown = computed(() => (windowed.value ? cards.value.slice(range.value.from, range.value.to) : cards.value))

  let scroller: HTMLElement | null = null
  let resized: ResizeObserver | null = null
  let frame = 0

  /** The drawn cards' heights, by card id. */
  function measure(cell: HTMLElement): Map<string, number> {
    const heights = new Map<string, number>()
    for (const child of cell.children) {
      const id = (child as HTMLElement).dataset.cardId
      if (id) heights.set(id, (child as HTMLElement).offsetHeight)
    }
    return heights
  }

  function update(): void {
    frame = 0
    const cell = el.value
    if (!windowed.value || !cell || !scroller || held()) return
    const heights = measure(cell)
    const style = getComputedStyle(cell)
    const gap = parseFloat(style.rowGap) || 0
    let sum = 0
    for (const height of heights.values()) sum += height
    const estimate = heights.size > 0 ? sum / heights.size : parseFloat(style.fontSize) * 5.5
    const list = cards.value.map((card) => heights.get(card.id) ?? estimate)
    // The band on screen, in pixels from the top of the cell's first card.
    const offset = cell.getBoundingClientRect().top + (parseFloat(style.paddingTop) || 0) - scroller.getBoundingClientRect().top
    const next = windowOf(list, gap, -offset - OVERSCAN_PX, -offset + scroller.clientHeight + OVERSCAN_PX)
    if (!sameWindow(next, range.value)) range.value = next
  }

  function schedule(): void {
    if (!frame) frame = requestAnimationFrame(update)
  }

  // After each change of the list (a move, a filter): drawn in the same place, measured next frame.
  watch(cards, schedule, { flush: 'post' })
  watch(held, (now) => now || schedule())

  // Only a cell that windows follows the board's scrolling and sizes: the board's other cells,
  // some seventy, listen to nothing.
  function follow(on: boolean): void {
    if (on && !scroller) {
      scroller = el.value?.closest<HTMLElement>('.board-scroll') ?? null
      if (!scroller) return
      scroller.addEventListener('scroll', schedule, { passive: true })
      // The screen's size, and the rows above this cell growing or shrinking, move the band too.
      resized = new ResizeObserver(schedule)
      resized.observe(scroller)
      if (scroller.firstElementChild) resized.observe(scroller.firstElementChild)
      // Its drawn cards growing (a timer's line, a badge) change the estimate of the others.
      if (el.value) resized.observe(el.value)
      schedule()
    } else if (!on && scroller) {
      scroller.removeEventListener('scroll', schedule)
      resized?.disconnect()
      scroller = null
      resized = null
    }
  }
  onMounted(() => follow(windowed.value))
  watch(windowed, follow, { flush: 'post' })
  onBeforeUnmount(() => {
    follow(false)
    if (frame) cancelAnimationFrame(frame)
  })

  return {
    /** The cards to draw, in the cell's order. */
    shown,
    /** Room above the first drawn card and below the last, in pixels; 0 when all are drawn. */
    before: computed(() => (windowed.value && range.value.from > 0 ? range.value.before : 0)),
    after: computed(() => (windowed.value && range.value.to < cards.value.length ? range.value.after : 0)),
    windowed,
    range,
  }
}
