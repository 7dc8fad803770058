import { ref } from 'vue'
import type { CardDto } from '@shared/protocol/board'
import { UNDO_WINDOW_SECONDS } from '@shared/protocol/constants'
import { checkMove, type Actor, type MoveKind, type Position } from '@shared/domain/moves'
import type { SopTemplate } from '@shared/domain/template'
import { emitCommand, type CommandError } from '../realtime/socket'
import { i18n } from '../i18n'
import { newOpId } from '../lib/opId'
import { commandErrorText } from '../lib/commandError'
import { useNoticesStore } from '../stores/notices'
import { placeLabel, refusalText } from './labels'

/** A checked move that waits for its note (a return along the decision loop, an override). */
export interface MoveRequest {
  cardId: string
  to: Position
  kind: MoveKind
}

/** A move on its way to the server. */
export interface SentMove extends MoveRequest {
  opId: string
  note?: string
}

/** What became of one card of a bulk advance: stored (where it is now) or refused (why). */
export type BulkOutcome =
  | { cardId: string; unit: string; ok: true; card: CardDto; place: string; seq?: number; undone?: boolean }
  | { cardId: string; unit: string; ok: false; reason: string }

/** What a list of cards lends the move: its cards and rules, and how it shows a move in flight. */
export interface CardMoveHost {
  cardOf(cardId: string): CardDto | undefined
  templateOf(card: CardDto): SopTemplate | null | undefined
  /** Who moves, as the rules should see them (Tugas saya checks an administrator as a holder). */
  actor(): Actor | null
  isPending(cardId: string): boolean
  /** The move is sent: the board shows the card in its new cell at once, Tugas saya marks it saving. */
  sent(card: CardDto, move: SentMove): void
  /** The server stored it; `card` is its answer. */
  settled(move: SentMove, card: CardDto): void
  /** The server refused it or did not answer: undo what `sent` showed (the reason is shown here). */
  refused(move: SentMove, error: CommandError): void
  /** A card the server answered with outside a move: an undo's result, or where it found the card instead. */
  heard(card: CardDto): void
  /** How long the server lets a mover undo (the board snapshot says); UNDO_WINDOW_SECONDS otherwise. */
  undoWindowMs?(): number
}

/**
 * One card move, wherever it starts (a drop, the move menu, the card panel, a Tugas saya button):
 * request → the note dialog when the shared rules require a note → send → settle or roll back.
 * A refusal by the rules is said at once and nothing is sent. A stored move is said in a toast
 * whose "Urungkan" sends card:undo while the server still allows it.
 */
export function useCardMove(host: CardMoveHost) {
  const notices = useNoticesStore()
  const t = i18n.global.t
  /** The move whose note dialog is open. */
  const noteRequest = ref<MoveRequest | null>(null)

  function request(cardId: string, to: Position): void {
    const card = host.cardOf(cardId)
    const template = card && host.templateOf(card)
    const actor = host.actor()
    if (!card || !template || !actor) return
    if (host.isPending(cardId)) {
      notices.warning(t('board.stillSaving', { unit: card.unit.shortName }))
      return
    }
    const check = checkMove(template, actor, { unitId: card.unit.id, step: card.step, lane: card.lane }, to)
    if (!check.ok) notices.error(refusalText(template, check.refusal, card))
    else if (check.noteRequired) noteRequest.value = { cardId, to, kind: check.kind }
    else void send({ cardId, to, kind: check.kind })
  }

  function confirmNote(note: string): void {
    const waiting = noteRequest.value
    noteRequest.value = null
    if (waiting) void send(waiting, note)
  }

  function cancelNote(): void {
    noteRequest.value = null
  }

  /** Sends one checked move and settles or rolls it back: what a single move and a bulk advance share. */
  async function dispatch(request: MoveRequest, note?: string): Promise<{ ok: true; card: CardDto; opId: string } | { ok: false; error: CommandError } | null> {
    const card = host.cardOf(request.cardId)
    if (!card) return null
    const move: SentMove = { ...request, opId: newOpId(), ...(note ? { note } : {}) }
    host.sent(card, move)
    const ack = await emitCommand('card:move', { opId: move.opId, cardId: card.id, version: card.version, to: move.to, ...(note ? { note } : {}) })
    if (ack.ok) {
      host.settled(move, ack.data)
      return { ok: true, card: ack.data, opId: move.opId }
    }
    host.refused(move, ack.error)
    return { ok: false, error: ack.error }
  }

  const whereFor = (card: CardDto) => (now: CardDto) => placeLabel(host.templateOf(card), now)

  async function send(request: MoveRequest, note?: string): Promise<void> {
    const card = host.cardOf(request.cardId)
    const result = card && (await dispatch(request, note))
    if (!card || !result) return
    if (result.ok) return offerUndo(result.card, result.opId, whereFor(card))
    notices.error(t('board.moveFailed', { unit: card.unit.shortName }), [commandErrorText(result.error, whereFor(card))])
  }

  /**
   * Advances several cards of one cell to `to` together (the holder confirmed it once). Each is
   * checked and sent as its own move, so each is stored, refused or raced on its own; the answer
   * is one outcome per card, in the order asked, for the caller to report. A card that left the
   * cell since it was chosen is refused here with where it is now, and nothing is sent for it.
   */
  async function advanceMany(cardIds: readonly string[], from: Position, to: Position): Promise<BulkOutcome[]> {
    const actor = host.actor()
    return Promise.all(
      cardIds.map(async (cardId): Promise<BulkOutcome> => {
        const card = host.cardOf(cardId)
        const template = card && host.templateOf(card)
        if (!card || !template || !actor) return { cardId, unit: card?.unit.shortName ?? '', ok: false, reason: t('bulk.gone') }
        const unit = card.unit.shortName
        const where = whereFor(card)
        if (card.step !== from.step || card.lane !== from.lane) return { cardId, unit, ok: false, reason: t('bulk.movedAway', { place: where(card) }) }
        if (host.isPending(cardId)) return { cardId, unit, ok: false, reason: t('board.stillSaving', { unit }) }
        const check = checkMove(template, actor, { unitId: card.unit.id, step: card.step, lane: card.lane }, to)
        if (!check.ok) return { cardId, unit, ok: false, reason: refusalText(template, check.refusal, card) }
        if (check.noteRequired) return { cardId, unit, ok: false, reason: t('bulk.needsNote') }
        const result = await dispatch({ cardId, to, kind: check.kind })
        if (!result) return { cardId, unit, ok: false, reason: t('bulk.gone') }
        if (!result.ok) return { cardId, unit, ok: false, reason: commandErrorText(result.error, where) }
        const seq = result.card.lastEntry.opId === result.opId ? result.card.lastEntry.seq : undefined
        return { cardId, unit, ok: true, card: result.card, place: where(result.card), seq }
      }),
    )
  }

  /** Takes back the moves of a bulk advance that were stored (each while the server still allows it); the outcome of each undo. */
  async function undoMany(outcomes: readonly BulkOutcome[]): Promise<BulkOutcome[]> {
    return Promise.all(
      outcomes.map(async (o): Promise<BulkOutcome> => {
        if (!o.ok || !o.seq || o.undone) return o
        const result = await sendUndo(o.card, o.seq)
        const { cardId, unit } = o
        return result.ok ? { cardId, unit, ok: true, card: result.card, place: whereFor(o.card)(result.card), undone: true } : { cardId, unit, ok: false, reason: result.reason }
      }),
    )
  }

  /** Sends card:undo for the move `seq` of `moved`; the card back where it was, or why not in words. */
  async function sendUndo(moved: CardDto, seq: number): Promise<{ ok: true; card: CardDto } | { ok: false; reason: string }> {
    if (host.isPending(moved.id)) return { ok: false, reason: t('board.stillSaving', { unit: moved.unit.shortName }) }
    const ack = await emitCommand('card:undo', { opId: newOpId(), cardId: moved.id, seq })
    if (ack.ok) {
      host.heard(ack.data)
      return { ok: true, card: ack.data }
    }
    if (ack.error.card) host.heard(ack.error.card)
    return { ok: false, reason: commandErrorText(ack.error, whereFor(moved)) }
  }

  /** The toast after a move: where the card went, and "Urungkan" for as long as the server allows. */
  function offerUndo(moved: CardDto, opId: string, where: (card: CardDto) => string): void {
    // The ack's last entry is this move unless the card moved again before the answer came back.
    const seq = moved.lastEntry.opId === opId ? moved.lastEntry.seq : undefined
    const windowMs = host.undoWindowMs?.() ?? UNDO_WINDOW_SECONDS * 1000
    const text = t('move.done', { unit: moved.unit.shortName, place: where(moved) })
    if (!seq || windowMs <= 0) return void notices.success(text)
    notices.push('success', text, [], windowMs, { label: t('move.undo'), run: () => void undo(moved, seq, where) })
  }

  async function undo(moved: CardDto, seq: number, where: (card: CardDto) => string): Promise<void> {
    const unit = moved.unit.shortName
    if (host.isPending(moved.id)) return void notices.warning(t('board.stillSaving', { unit }))
    const result = await sendUndo(moved, seq)
    if (result.ok) return void notices.success(t('move.undone', { unit, place: where(result.card) }))
    notices.error(t('move.undoFailed', { unit }), [result.reason])
  }

  return { noteRequest, request, confirmNote, cancelNote, advanceMany, undoMany }
}
