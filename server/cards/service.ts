import { applyMove, isNoteRefusal } from '../../shared/domain/applyMove'
import { mayAct, mayExtend, type Actor } from '../../shared/domain/moves'
import { clockAfterExtension } from '../../shared/domain/stepClock'
import type { SopTemplate } from '../../shared/domain/template'
import type { CardDetail, CardDto, CardExtend, CardMove, CardNoteAdd, CardNoteEdit, CardUndo, NoteDto } from '../../shared/protocol/board'
import { mentionsIn } from '../../shared/domain/mentions'
import type { CalendarRepository } from '../calendar/repository'
import type { CyclesRepository } from '../cycles/repository'
import type { Bus } from '../platform/bus'
import type { Clock } from '../platform/clock'
import { AppError } from '../platform/errors'
import type { Logger } from '../platform/logger'
import { refusalMessage, staleMessage } from './messages'
import type { CardRecord } from './model'
import { stateBefore, type FoldEvent, type PlaceState } from './projection'
import { movableOf, toCardDetail, toCardDto, visitsOf, type CardsRepository } from './repository'

/** Who asks: the person (rules and attribution) and where from (`origin`: their facts skip that socket). */
export interface Caller extends Actor {
  name: string
  origin?: string
}

export interface CardServiceDeps {
  cards: CardsRepository
  cycles: CyclesRepository
  calendars: CalendarRepository
  /** Where stored changes are told (server/platform/bus.ts): the broadcast, timers and notifications listen. */
  bus: Bus
  clock: Clock
  log: Logger
  /** How long after a move its mover may take it back (UNDO_WINDOW_SECONDS). */
  undoWindowMs: number
}

type MutuChange = { index: number; checked: boolean } | { output: string }

/** The place and step clock an undo puts back: the card as it was before the move. */
function placeAndClock(state: PlaceState): PlaceState {
  const { step, lane, enteredStepAt, dueAt, atRiskAt, rounds, visits } = state
  return { step, lane, enteredStepAt, dueAt, atRiskAt, rounds, visits }
}

/**
 * What can be done to a card, whoever asks and however: load, authorise, decide by the shared
 * rules, commit, publish the fact. It returns results and throws AppErrors with codes; it knows
 * no socket. server/cards/handlers.ts is its Socket.IO adapter.
 */
/**
 * The card and the template of its cycle, or NOT_FOUND; CONFLICT when its cycle was cancelled or
 * closed (read-only): where every command that changes a card starts.
 */
export async function loadCard(deps: Pick<CardServiceDeps, 'cards' | 'cycles'>, cardId: string): Promise<{ card: CardRecord; template: SopTemplate }> {
  const notFound = new AppError('NOT_FOUND', 'not_found_card')
  const card = await deps.cards.findById(cardId)
  if (!card) throw notFound
  return { card, template: await deps.cycles.writableTemplateOf(String(card.cycleId), notFound) }
}

export function createCardService(deps: CardServiceDeps) {
  const { cards, calendars, clock, bus } = deps
  const log = deps.log.child({ component: 'cards' })
  const load = (cardId: string) => loadCard(deps, cardId)

  function requireHolder(caller: Caller, template: SopTemplate, card: CardRecord): void {
    const refusal = mayAct(template, caller, { step: card.step, lane: card.lane, unitId: card.unit?.id ?? '' })
    if (refusal) throw new AppError('FORBIDDEN', refusal, refusalMessage(template, refusal, card))
  }

  /** A command that found the card changed: a resend of one applied before is answered with the card, anything else is STALE. */
  async function resentOrStale(cardId: string, opId: string, template: SopTemplate, seen?: CardRecord): Promise<CardDto> {
    const again = await cards.resent(cardId, opId)
    if (again) return toCardDto(again, template)
    const now = seen ?? (await load(cardId)).card
    throw new AppError('STALE', 'stale', staleMessage(template, now), toCardDto(now, template))
  }

  const person = (caller: Caller) => ({ id: caller.id, name: caller.name })

  return {
    async move(caller: Caller, input: CardMove): Promise<CardDto> {
      const { card, template } = await load(input.cardId)
      // A resent operation (after a reconnect) is answered with the card as it is now.
      if (card.version !== input.version) return resentOrStale(input.cardId, input.opId, template, card)
      const at = clock()
      // The same step the client took to show the move before this ack (shared/domain/applyMove.ts).
      const result = applyMove(movableOf(card), input, template, await calendars.get(), at, caller)
      if (!result.ok) {
        if (isNoteRefusal(result.refusal)) throw new AppError('NOTE_REQUIRED', result.refusal)
        throw new AppError(result.forbidden ? 'FORBIDDEN' : 'MOVE_NOT_ALLOWED', result.refusal, refusalMessage(template, result.refusal, card))
      }
      const moved = await cards.applyMove({ cardId: input.cardId, opId: input.opId, expectedVersion: input.version, event: result.event, by: person(caller), at, seen: card })
      // Lost the race between our read and our write: someone else moved it first (or this very
      // operation, resent concurrently, was applied: answered like a resend).
      if (!moved) return resentOrStale(input.cardId, input.opId, template)
      const dto = toCardDto(moved.card, template)
      if (!moved.event) return dto
      bus.publish('card.moved', { card: dto, template, origin: caller.origin })
      const { kind, from, to } = result.event.payload
      log.info({ event: 'card:moved', cardId: dto.id, opId: input.opId, userId: caller.id, kind, from, to, version: dto.version }, 'card moved')
      return dto
    },

    /**
     * The mover takes their own move back, within the window and only while it is still the
     * card's last event. A compensating event (the ledger keeps both), a place change that raises
     * the version, told like a move.
     */
    async undo(caller: Caller, input: CardUndo): Promise<CardDto> {
      const { card, template } = await load(input.cardId)
      // A resent undo (after a reconnect) finds its move overtaken by itself, so only a refusal
      // looks for it (the look-up reads the ledger).
      const resent = async () => {
        const again = await cards.resent(input.cardId, input.opId)
        return again && toCardDto(again, template)
      }
      const events = await cards.eventsOf(input.cardId)
      const move = events.find((e): e is FoldEvent & { kind: 'move' } => e.seq === input.seq && e.kind === 'move')
      const before = move && stateBefore(events, move.seq)
      if (!move || !before) throw new AppError('NOT_FOUND', 'undo_not_a_move')
      if (move.by.id !== caller.id) throw new AppError('FORBIDDEN', 'undo_not_yours')
      // Anything since (a move, a note, a tick) makes the undo a rewrite of what others saw; a
      // timer crossing is no one's doing, and the undo puts back the clock it belongs to.
      const overtaken = (now: CardRecord) => new AppError('STALE', 'undo_overtaken', undefined, toCardDto(now, template))
      if (events.some((e) => e.seq > move.seq && e.kind !== 'timer')) {
        const again = await resent()
        if (again) return again
        throw overtaken(card)
      }
      const at = clock()
      if (at.getTime() - move.at.getTime() > deps.undoWindowMs) {
        throw new AppError('FORBIDDEN', 'undo_expired', { seconds: Math.round(deps.undoWindowMs / 1000) })
      }
      const undone = await cards.applyUndo({
        cardId: input.cardId,
        opId: input.opId,
        undoes: move.seq,
        after: events.at(-1)?.seq ?? move.seq,
        from: move.payload.to,
        to: { step: before.step, lane: before.lane },
        state: placeAndClock(before),
        by: person(caller),
        at,
        seen: card,
      })
      if (!undone) {
        // Something reached the card between our read and our write (or this undo, resent).
        const again = await resent()
        if (again) return again
        throw overtaken((await cards.findById(input.cardId)) ?? card)
      }
      const dto = toCardDto(undone.card, template)
      if (!undone.event) return dto
      bus.publish('card.moved', { card: dto, template, origin: caller.origin })
      log.info({ event: 'card:undone', cardId: dto.id, opId: input.opId, userId: caller.id, undoes: move.seq, version: dto.version }, 'card move undone')
      return dto
    },

    async note(caller: Caller, input: CardNoteAdd): Promise<NoteDto> {
      const { card, template } = await load(input.cardId)
      const note = { id: input.opId, at: clock(), by: person(caller), text: input.text }
      const added = await cards.addNote(input.cardId, note, card)
      if (added?.event) {
        const dto = { ...note, at: note.at.toISOString() }
        // With the card: its noteCount and lastNote changed, and boards just take it.
        const card = toCardDto(added.card, template)
        bus.publish('card.noted', { card, note: dto, origin: caller.origin })
        const usernames = mentionsIn(note.text)
        if (usernames.length) bus.publish('note.mentioned', { card, note: dto, usernames })
        return dto
      }
      // A resend: answered with the note as its first attempt kept it.
      const kept = (await cards.listsOf(input.cardId)).notes.find((n) => n.id === input.opId) ?? note
      return { ...kept, at: kept.at.toISOString() }
    },

    /**
     * The author rewrites (`text`) or deletes (null) their own note. Boards get the card (its
     * count and last note) as card:updated, and an open panel loads the notes again; people a
     * rewrite names for the first time are told as for a new note.
     */
    async changeNote(caller: Caller, input: Omit<CardNoteEdit, 'text'> & { text: string | null }): Promise<CardDto> {
      const { card, template } = await load(input.cardId)
      const { notes } = await cards.listsOf(input.cardId)
      const note = notes.find((n) => n.id === input.noteId)
      if (!note) {
        // A delete resent after it was applied finds its note gone: answered as applied.
        const again = await cards.resent(input.cardId, input.opId)
        if (again) return toCardDto(again, template)
        throw new AppError('NOT_FOUND', 'note_not_found')
      }
      if (note.by.id !== caller.id) throw new AppError('FORBIDDEN', 'note_not_yours')
      const lastNote = notes.filter((n) => n.id !== note.id).at(-1) ?? null
      const at = clock()
      const changed = await cards.changeNote(input.cardId, { opId: input.opId, noteId: note.id, text: input.text, lastNote, by: person(caller), at }, card)
      if (!changed) throw new AppError('NOT_FOUND', 'not_found_card')
      const dto = toCardDto(changed.card, template)
      if (!changed.event) return dto
      bus.publish('card.updated', { card: dto, origin: caller.origin })
      if (input.text !== null) {
        const before = new Set(mentionsIn(note.text))
        const usernames = mentionsIn(input.text).filter((name) => !before.has(name))
        const edited = { id: note.id, at: note.at.toISOString(), by: note.by, text: input.text, editedAt: at.toISOString() }
        if (usernames.length) bus.publish('note.mentioned', { card: dto, note: edited, usernames })
      }
      log.info({ event: input.text === null ? 'card:noteDeleted' : 'card:noteEdited', cardId: dto.id, opId: input.opId, userId: caller.id, noteId: note.id }, 'note changed')
      return dto
    },

    /**
     * A dispensation (the Sekretaris or an administrator): the current step's deadline moves by
     * `amount` units of its Waktu. Recorded in the card's history with its reason; boards get the
     * card with its new thresholds, and the timers wake by them.
     */
    async extend(caller: Caller, input: CardExtend): Promise<CardDto> {
      const { card, template } = await load(input.cardId)
      if (!mayExtend(caller)) throw new AppError('FORBIDDEN', 'extend_forbidden')
      if (card.version !== input.version) return resentOrStale(input.cardId, input.opId, template, card)
      if (!card.dueAt) throw new AppError('CONFLICT', 'extend_no_clock')
      const cal = await calendars.get()
      const grant = { opId: input.opId, version: input.version, amount: input.amount, reason: input.reason, by: person(caller), at: clock() }
      const clockFor = (c: CardRecord) =>
        clockAfterExtension(cal, template, { step: c.step, enteredStepAt: c.enteredStepAt, dueAt: c.dueAt ?? null, atRiskAt: c.atRiskAt ?? null, visits: visitsOf(c) }, input.amount)
      const extended = await cards.extend(input.cardId, grant, clockFor, card)
      if (!extended) return resentOrStale(input.cardId, input.opId, template)
      const dto = toCardDto(extended.card, template)
      if (extended.event) {
        bus.publish('card.extended', { card: dto, origin: caller.origin })
        log.info({ event: 'card:extended', cardId: dto.id, opId: input.opId, userId: caller.id, amount: input.amount, dueAt: dto.dueAt }, 'card deadline extended')
      }
      return dto
    },

    /** Ticks a Kelengkapan item or sets the Output of the card's current step; the holder only. */
    async setMutu(caller: Caller, cardId: string, opId: string, change: MutuChange): Promise<CardDto> {
      const { card, template } = await load(cardId)
      requireHolder(caller, template, card)
      if ('index' in change && change.index >= (template.steps.find((s) => s.no === card.step)?.kelengkapan.length ?? 0)) {
        throw new AppError('VALIDATION', 'checklist_item_unknown')
      }
      const updated = await cards.setMutu(cardId, card.step, change, { opId, by: person(caller), at: clock() })
      // A tick resent after the card moved on was applied before it moved: answered as applied.
      if (!updated) return resentOrStale(cardId, opId, template)
      const dto = toCardDto(updated, template)
      bus.publish('card.updated', { card: dto, origin: caller.origin })
      return dto
    },

    /** A read: anyone signed in may open any card of a board, as board:join lets them see the board. */
    async detail(cardId: string): Promise<CardDetail> {
      const card = await cards.findById(cardId)
      if (!card) throw new AppError('NOT_FOUND', 'not_found_card')
      return toCardDetail(card, await cards.listsOf(cardId))
    },
  }
}
export type CardService = ReturnType<typeof createCardService>
