import type { Ref } from 'vue'
import { useDraggable, type DraggableEvent, type MoveEvent } from 'vue-draggable-plus'
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

/**
 * Makes a board cell a SortableJS drop zone without ever letting Sortable move a card: Vue owns
 * the DOM and the board store owns the truth. `onMove` refuses every insertion (which also keeps
 * the grid from reflowing under the pointer mid-drag, as cells would if the card left its row);
 * on drop the cell under the pointer goes to boardView's requestMove, which moves, asks for a
 * note, or shows the refusal. Cards then re-render from the board store.
 */
export function useCellDrop(el: Ref<HTMLElement | null>) {
  const view = useBoardViewStore()

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
    // Safety net: should Sortable have moved the node after all, put it back before Vue patches.
    if (saved) {
      const { item, from, next } = saved
      if (item.parentNode !== from || item.nextSibling !== next) {
        from.insertBefore(item, next && next.parentNode === from ? next : null)
      }
    }
    const cardId = evt.item.dataset.cardId
    const target = cellAtDrop(evt)
    if (!cardId || !target || !saved || target.el === saved.from) return
    view.requestMove(cardId, target.pos)
  }

  return useDraggable(el, {
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
  })
}
