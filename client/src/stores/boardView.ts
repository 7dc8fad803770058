import { computed, onScopeDispose, ref, watch } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { Position } from '@shared/domain/moves'
import type { CardDto } from '@shared/protocol/board'
import { useCardMove } from '../board/useCardMove'
import { cardMatches, isFiltering, NO_FILTER, type BoardFilter } from '../board/filter'
import { useBoardStore } from './board'

const LAYOUT_KEY = 'papan.board.layout'
/** How the grid is drawn, kept per browser: compact cards fitted to the screen's width, empty lanes and steps folded. */
interface BoardLayout {
  compact: boolean
  collapseEmpty: boolean
}

function savedLayout(): BoardLayout {
  try {
    const saved = JSON.parse(localStorage.getItem(LAYOUT_KEY) ?? '{}') as Partial<BoardLayout>
    return { compact: saved.compact === true, collapseEmpty: saved.collapseEmpty === true }
  } catch {
    return { compact: false, collapseEmpty: false }
  }
}

/** A state filter (terlambat, hampir habis, dijeda) is judged again this often as the clocks run. */
const FILTER_CLOCK_MS = 30_000

/**
 * How the user is working the open board: the card whose panel or move menu is open, the card
 * being dragged and the cell under it, and a move waiting for its note. The cards themselves
 * belong to the board store; moves from drops, the move menu and the card panel go through the
 * one useCardMove, which shows them on the board store's cards.
 */
export const useBoardViewStore = defineStore('boardView', () => {
  const board = useBoardStore()
  /** Entry point for drops, menu buttons and keys: moves, asks for a note, or says why not. */
  const {
    noteRequest: moveRequest,
    request: requestMove,
    confirmNote: confirmMoveNote,
    cancelNote: cancelMoveNote,
    advanceMany,
    undoMany,
  } = useCardMove({
    cardOf: (cardId) => board.cards[cardId],
    templateOf: () => board.template,
    actor: () => board.actor,
    isPending: (cardId) => !!board.pending[cardId],
    sent: board.beginMove,
    settled: board.settleMove,
    refused: board.rollbackMove,
    heard: board.applyHeard,
    undoWindowMs: () => board.undoWindowMs,
  })

  const openCardId = ref<string | null>(null)
  const moveMenuCardId = ref<string | null>(null)
  const dragCardId = ref<string | null>(null)
  /** The drag engine is loaded and on the cells (composables/useCellDrop.ts fetches it after the first draw). */
  const dragReady = ref(false)
  /** The cell under the pointer during a drag, outlined more strongly than the other targets. */
  const dragTarget = ref<Position | null>(null)
  /** "Kartu saya": the cards the user may act on now stand out, the others fade. */
  const highlightMine = ref(false)

  const dragCard = computed(() => (dragCardId.value ? (board.cards[dragCardId.value] ?? null) : null))

  /** What the URL asks the board to show (BoardView sets it from the route; see board/filter.ts). */
  const filter = ref<BoardFilter>(NO_FILTER)
  const filtering = computed(() => isFiltering(filter.value))
  const filterNow = ref(Date.now())
  const filterClock = setInterval(() => {
    if (filter.value.states.length) filterNow.value = Date.now()
  }, FILTER_CLOCK_MS)
  onScopeDispose(() => clearInterval(filterClock))
  /** The ids of the cards that pass the filter; null while nothing is filtered (every card shows). */
  const visible = computed<Set<string> | null>(() => {
    const template = board.template
    if (!filtering.value || !template) return null
    const ctx = { template, calendar: board.calendar, now: filterNow.value + board.clockOffsetMs }
    return new Set(Object.values(board.cards).filter((card) => cardMatches(card, filter.value, ctx)).map((card) => card.id))
  })

  function setFilter(next: BoardFilter): void {
    filterNow.value = Date.now()
    filter.value = next
  }

  const layout = ref<BoardLayout>(savedLayout())
  function setLayout(change: Partial<BoardLayout>): void {
    layout.value = { ...layout.value, ...change }
    try {
      localStorage.setItem(LAYOUT_KEY, JSON.stringify(layout.value))
    } catch {
      // Storage can be blocked (private mode, kiosk policies): the choice then lasts this visit.
    }
  }

  /**
   * Bulk advance: the cards of one cell the user chose, where they go, and (once they asked to
   * advance them) the confirmation. Only the holder's own cards can be chosen; the advance is the
   * one every card of the cell shares, the next step's default lane.
   */
  const selection = ref<{ step: number; lane: string; to: Position; ids: string[] } | null>(null)
  const bulkConfirm = ref<{ from: Position; to: Position; ids: string[] } | null>(null)

  /**
   * Where the user may advance these cards of one cell (the ones it shows) together; null with
   * fewer than two of theirs. Given the cell's own list, so a move elsewhere asks nothing again.
   */
  function bulkTargetOf(cards: readonly CardDto[]): Position | null {
    // Two of the user's are enough to offer it: a cell of thousands is not asked card by card.
    let first: CardDto | undefined
    let mine = 0
    for (const card of cards) {
      if (!board.canDrag(card.id)) continue
      first ??= card
      if (++mine === 2) break
    }
    if (mine < 2 || !first) return null
    return board.targetsFor(first.id).find((t) => (t.kind === 'advance' || t.kind === 'finish') && !t.noteRequired)?.to ?? null
  }

  function startSelection(step: number, lane: string, to: Position): void {
    openCardId.value = null
    selection.value = { step, lane, to, ids: [] }
  }

  function toggleSelected(cardId: string): void {
    const current = selection.value
    if (!current) return
    const ids = current.ids.includes(cardId) ? current.ids.filter((id) => id !== cardId) : [...current.ids, cardId]
    selection.value = { ...current, ids }
  }

  function endSelection(): void {
    selection.value = null
    bulkConfirm.value = null
  }

  function confirmBulk(): void {
    const current = selection.value
    if (!current?.ids.length) return
    bulkConfirm.value = { from: { step: current.step, lane: current.lane }, to: current.to, ids: current.ids }
  }

  function reset(): void {
    selection.value = null
    bulkConfirm.value = null
    openCardId.value = null
    moveMenuCardId.value = null
    dragCardId.value = null
    dragTarget.value = null
    moveRequest.value = null
    highlightMine.value = false
  }

  // Nothing of one board stays open once it is left or another one is opened.
  watch(() => board.cycleId, reset, { flush: 'sync' })

  function openCard(cardId: string): void {
    moveMenuCardId.value = null
    openCardId.value = cardId
  }

  function closeCard(): void {
    openCardId.value = null
  }

  function openMoveMenu(cardId: string): void {
    // One list of move buttons at a time, so every move-to-… button is unique on the page.
    openCardId.value = null
    moveMenuCardId.value = cardId
  }

  function closeMoveMenu(): void {
    moveMenuCardId.value = null
  }

  function startDrag(cardId: string): void {
    dragCardId.value = cardId
    dragTarget.value = null
  }

  function dragOver(pos: Position | null): void {
    if (pos?.step !== dragTarget.value?.step || pos?.lane !== dragTarget.value?.lane) dragTarget.value = pos
  }

  /** Turns "Kartu saya" on or off; on, it answers how many of the board's cards are the user's. */
  function toggleMine(): number {
    const mine = Object.keys(board.cards).filter(board.canDrag).length
    highlightMine.value = !highlightMine.value && mine > 0
    return mine
  }

  function endDrag(): void {
    dragCardId.value = null
    dragTarget.value = null
  }

  return {
    openCardId,
    moveMenuCardId,
    dragCardId,
    dragReady,
    dragTarget,
    highlightMine,
    moveRequest,
    dragCard,
    reset,
    requestMove,
    confirmMoveNote,
    cancelMoveNote,
    openCard,
    closeCard,
    openMoveMenu,
    closeMoveMenu,
    startDrag,
    dragOver,
    endDrag,
    toggleMine,
    selection,
    bulkConfirm,
    bulkTargetOf,
    startSelection,
    toggleSelected,
    endSelection,
    confirmBulk,
    advanceMany,
    undoMany,
    filter,
    filtering,
    visible,
    setFilter,
    layout,
    setLayout,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBoardViewStore, import.meta.hot))
