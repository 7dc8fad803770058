import { getCurrentScope, onBeforeUnmount, onMounted, type Ref } from 'vue'
import type { DraggableEvent, MoveEvent, UseDraggableReturn } from 'vue-draggable-plus'
import { useBoardViewStore } from '../stores/boardView'
import type { Position } from '@shared/domain/moves'

// Only one drag happens at a time on a page, so the restore point can live at module level.
let restore: { item: HTMLElement; from: HTMLElement; next: Node | null } | null = null

function cellOf(el: Element | null): { el: HTMLElement; pos: Position } | null {
  const cell = el?.closest<HTMLElement>('[data-step][data-lane]:not([data-card-id])')
  const step = Number(cell?.dataset.step)
  const lane = cell?.dataset.lane
  return cell && Number.isInteger(step) && lane ? { el: cell, pos: { step, lane } } : null
}

/** The cell under the pointer where the drag ended (mouse, pen or touch). */
function cellAtDrop(evt: DraggableEvent): { el: HTMLElement; pos: Position } | null {
  const original = (evt as unknown as { originalEvent?: Event }).originalEvent
  const point =
    original && 'changedTouches' in original
      ? (original as TouchEvent).changedTouches[0]
      : (original as MouseEvent | undefined)
  if (!point || typeof point.clientX !== 'number') return null
  return cellOf(document.elementFromPoint(point.clientX, point.clientY))
}

// SortableJS is the largest library of the board's page and nothing is dragged before the cards
// are on screen: the board is drawn without it, and it is fetched once the first cell is mounted.
let engine: Promise<typeof import('vue-draggable-plus')> | null = null
function dragEngine(): Promise<typeof import('vue-draggable-plus')> {
  engine ??= import('vue-draggable-plus').catch((err: unknown) => {
    engine = null // the next cell drawn asks again (a dropped link); the keyboard move works meanwhile
    throw err
  })
  return engine
}

/**
 * Makes a board cell a SortableJS drop zone without ever letting Sortable move a card: Vue owns
 * the DOM and the board store owns the truth. `onMove` refuses every insertion (which also keeps
 * the grid from reflowing under the pointer mid-drag, as cells would if the card left its row);
 * on drop the cell under the pointer goes to boardView's requestMove, which moves, asks for a
 * note, or shows the refusal. Cards then re-render from the board store.
 */
export function useCellDrop(el: Ref<HTMLElement | null>): void {
  const view = useBoardViewStore()
  // The engine arrives after setup: its watchers are made in the cell's scope, so they end with it.
  const scope = getCurrentScope()
  let drop: UseDraggableReturn | undefined
  let gone = false

  function onStart(evt: DraggableEvent) {
    restore = { item: evt.item, from: evt.from, next: evt.item.nextSibling }
    const cardId = evt.item.dataset.cardId
    if (cardId) view.startDrag(cardId)
  }

  function onMove(evt: MoveEvent): boolean {
    view.dragOver(cellOf(evt.to)?.pos ?? null)
    return false
  }

  function onEnd(evt: DraggableEvent) {
    const saved = restore
    restore = null
    view.endDrag()
    // Safety net: should Sortable have moved the node after all, put it back before Vue patches
    // (not one Vue took out of the page meanwhile: that would be a card drawn twice).
    if (saved) {
      const { item, from, next } = saved
      if (item.parentNode && (item.parentNode !== from || item.nextSibling !== next)) {
        from.insertBefore(item, next && next.parentNode === from ? next : null)
      }
    }
    const cardId = evt.item.dataset.cardId
    const target = cellAtDrop(evt)
    if (!cardId || !target || !saved || target.el === saved.from) return
    view.requestMove(cardId, target.pos)
  }

  const options = {
    group: 'board-cards',
    // Order inside a cell has no meaning in the SOP; cells are sorted by unit.
    sort: false,
    draggable: '.board-card--draggable',
    // Fallback mode: the same pointer-driven drag for mouse and touch, with the clone on <body>
    // so the board's scroll container does not clip it.
    forceFallback: true,
    fallbackOnBody: true,
    fallbackTolerance: 4,
    // On touch a short press starts the drag, so a quick swipe still scrolls the board.
    delay: 180,
    delayOnTouchOnly: true,
    touchStartThreshold: 6,
    animation: 0,
    ghostClass: 'board-card--ghost',
    chosenClass: 'board-card--chosen',
    fallbackClass: 'board-card--dragged',
    scroll: true,
    scrollSensitivity: 80,
    bubbleScroll: true,
    onStart,
    onMove,
    onEnd,
    immediate: false,
  }

  onMounted(() => {
    dragEngine().then(
      ({ useDraggable }) => {
        if (gone) return
        drop = scope?.run(() => useDraggable(el, options))
        drop?.start()
        view.dragReady = true
      },
      () => {},
    )
  })
  onBeforeUnmount(() => {
    gone = true
    drop?.destroy()
  })
}
