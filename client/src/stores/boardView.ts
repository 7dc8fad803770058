import { computed, ref, watch } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { Position } from '@shared/domain/moves'
import { useCardMove } from '../board/useCardMove'
import { useBoardStore } from './board'

/**
 * How the user is working the open board: the card whose panel or move menu is open, the card
 * being dragged and the cell under it, and a move waiting for its note. The cards themselves
 * belong to the board store; moves from drops, the move menu and the card panel go through the
 * one useCardMove, which shows them on the board store's cards.
 */
export const useBoardViewStore = defineStore('boardView', () => {
  const board = useBoardStore()
  /** Entry point for drops, menu buttons and keys: moves, asks for a note, or says why not. */
  const { noteRequest: moveRequest, request: requestMove, confirmNote: confirmMoveNote, cancelNote: cancelMoveNote } = useCardMove({
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
  /** The cell under the pointer during a drag, outlined more strongly than the other targets. */
  const dragTarget = ref<Position | null>(null)
  /** "Kartu saya": the cards the user may act on now stand out, the others fade. */
  const highlightMine = ref(false)

  const dragCard = computed(() => (dragCardId.value ? (board.cards[dragCardId.value] ?? null) : null))

  function reset(): void {
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
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBoardViewStore, import.meta.hot))
