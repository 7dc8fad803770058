import { computed, ref, watch } from 'vue'
import { acceptHMRUpdate, defineStore } from 'pinia'
import type { MoveKind, Position } from '../../../shared/rules/moves'
import { i18n } from '../i18n'
import { useBoardStore } from './board'
import { useNoticesStore } from './notices'

/** A move that needs a note (return, override) before it can be sent. */
export interface MoveRequest {
  cardId: string
  to: Position
  kind: MoveKind
}

/**
 * How the user is working the open board: the card whose panel or move menu is open, the card
 * being dragged and the cell under it, and a move waiting for its note. The cards themselves and
 * sending moves belong to the board store; this store only decides what to ask it, and when.
 */
export const useBoardViewStore = defineStore('boardView', () => {
  const board = useBoardStore()
  const notices = useNoticesStore()
  const t = i18n.global.t

  const openCardId = ref<string | null>(null)
  const moveMenuCardId = ref<string | null>(null)
  const dragCardId = ref<string | null>(null)
  /** The cell under the pointer during a drag, outlined more strongly than the other targets. */
  const dragTarget = ref<Position | null>(null)
  const moveRequest = ref<MoveRequest | null>(null)

  const dragCard = computed(() => (dragCardId.value ? (board.cards[dragCardId.value] ?? null) : null))

  function reset(): void {
    openCardId.value = null
    moveMenuCardId.value = null
    dragCardId.value = null
    dragTarget.value = null
    moveRequest.value = null
  }

  // Nothing of one board stays open once it is left or another one is opened.
  watch(() => board.cycleId, reset, { flush: 'sync' })

  /**
   * Entry point for drops, menu buttons and keys. Refusals become a visible reason; moves that
   * need a note open the note dialog first; everything else is sent at once.
   */
  function requestMove(cardId: string, to: Position): void {
    const card = board.cards[cardId]
    if (!card) return
    if (board.pending[cardId]) {
      notices.warning(t('board.stillSaving', { unit: card.unit.shortName }))
      return
    }
    const check = board.checkTo(cardId, to)
    if (!check) return
    if (!check.ok) {
      notices.error(board.refusalText(check.refusal, card))
      return
    }
    if (check.noteRequired) {
      moveRequest.value = { cardId, to, kind: check.kind }
      return
    }
    void board.sendMove(cardId, to, check.kind)
  }

  function confirmMoveNote(note: string): void {
    const request = moveRequest.value
    moveRequest.value = null
    if (request) void board.sendMove(request.cardId, request.to, request.kind, note)
  }

  function cancelMoveNote(): void {
    moveRequest.value = null
  }

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

  function endDrag(): void {
    dragCardId.value = null
    dragTarget.value = null
  }

  return {
    openCardId,
    moveMenuCardId,
    dragCardId,
    dragTarget,
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
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useBoardViewStore, import.meta.hot))
