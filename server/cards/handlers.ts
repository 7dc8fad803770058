import type { UserSocket } from '../realtime/socketKinds'
import { applyMove, isNoteRefusal } from '../../shared/domain/applyMove'
import { mayAct } from '../../shared/domain/moves'
import { CardChecklistSet, CardDetailGet, CardMove, CardNoteAdd, CardOutputSet, type CardDetail, type CardDto } from '../../shared/protocol/board'
import type { SopTemplate } from '../../shared/domain/template'
import type { Clock } from '../platform/clock'
import { AppError } from '../platform/errors'
import type { CyclesRepository } from '../cycles/repository'
import { command } from '../realtime/command'
import type { Logger } from '../platform/logger'
import type { CardRecord } from './model'
import { refusalMessage, staleMessage } from './messages'
import { movableOf, toCardDetail, toCardDto, type CardsRepository } from './repository'
import type { CalendarRepository } from '../calendar/repository'
import type { Bus } from '../platform/bus'

// Only sockets signed in as a person get these handlers (server/realtime/io.ts); a wall display's
// socket has no user and is refused every command (server/displays/socket.ts).
type IoSocket = UserSocket

interface CardDeps {
  calendars: CalendarRepository
  /** Where stored changes are told (server/platform/bus.ts): the broadcast, timers and notifications listen. */
  bus: Bus
  cards: CardsRepository
  cycles: CyclesRepository
  clock: Clock
  log: Logger
}

export function registerCardHandlers(socket: IoSocket, deps: CardDeps): void {
  const { cards, cycles, calendars, clock, log } = deps
  const user = socket.data.user
  const by = { id: user.id, name: user.name }

  async function load(cardId: string): Promise<{ card: CardRecord; template: SopTemplate }> {
    const card = await cards.findById(cardId)
    const template = card && (await cycles.templateOf(String(card.cycleId)))
    if (!card || !template) throw new AppError('NOT_FOUND', 'not_found_card')
    return { card, template }
  }

  function requireHolder(template: SopTemplate, card: CardRecord): void {
    const refusal = mayAct(template, user, { step: card.step, lane: card.lane, unitId: card.unit?.id ?? '' })
    if (refusal) {
      throw new AppError('FORBIDDEN', refusal, refusalMessage(template, refusal, card))
    }
  }

  socket.on(
    'card:move',
    command(socket, log, 'card:move', CardMove, async (input): Promise<CardDto> => {
      const { card, template } = await load(input.cardId)
      if (card.version !== input.version) {
        // A resent operation (after a reconnect) is answered with the card as it is now.
        const again = await cards.resent(input.cardId, input.opId)
        if (again) return toCardDto(again, template)
        throw new AppError('STALE', 'stale', staleMessage(template, card), toCardDto(card, template))
      }
      const at = clock()
      // The same step the client took to show the move before this ack (shared/domain/applyMove.ts).
      const result = applyMove(movableOf(card), input, template, await calendars.get(), at, user)
      if (!result.ok) {
        if (isNoteRefusal(result.refusal)) throw new AppError('NOTE_REQUIRED', result.refusal)
        throw new AppError(result.forbidden ? 'FORBIDDEN' : 'MOVE_NOT_ALLOWED', result.refusal, refusalMessage(template, result.refusal, card))
      }
      const moved = await cards.applyMove({ cardId: input.cardId, opId: input.opId, expectedVersion: input.version, event: result.event, by, at, seen: card })
      // This very operation was applied by a concurrent resend: answered like a resend.
      if (moved && !moved.event) return toCardDto(moved.card, template)
      if (!moved) {
        // Lost the race between our read and our write: someone else moved it first.
        const again = await cards.resent(input.cardId, input.opId)
        if (again) return toCardDto(again, template)
        const { card: now } = await load(input.cardId)
        throw new AppError('STALE', 'stale', staleMessage(template, now), toCardDto(now, template))
      }
      const dto = toCardDto(moved.card, template)
      deps.bus.publish('card.moved', { card: dto, template, origin: socket.id })
      const { kind, from, to } = result.event.payload
      log.info({ event: 'card:moved', cardId: dto.id, opId: input.opId, userId: user.id, kind, from, to, version: dto.version }, 'card moved')
      return dto
    }),
  )

  socket.on(
    'card:note',
    command(socket, log, 'card:note', CardNoteAdd, async (input) => {
      const { card, template } = await load(input.cardId)
      const note = { id: input.opId, at: clock(), by, text: input.text }
      const updated = await cards.addNote(input.cardId, note, card)
      if (updated?.event) {
        const dto = { ...note, at: note.at.toISOString() }
        // With the card: its noteCount and lastNote changed, and boards just take it.
        deps.bus.publish('card.noted', { card: toCardDto(updated.card, template), note: dto, origin: socket.id })
        return dto
      }
      // A resend: answered with the note as its first attempt kept it.
      const kept = (await cards.listsOf(input.cardId)).notes.find((n) => n.id === input.opId) ?? note
      return { ...kept, at: kept.at.toISOString() }
    }),
  )

  // A read: anyone signed in may open any card of a board, as board:join lets them see the board.
  socket.on(
    'card:detail',
    command(socket, log, 'card:detail', CardDetailGet, async (input): Promise<CardDetail> => {
      const card = await cards.findById(input.cardId)
      if (!card) throw new AppError('NOT_FOUND', 'not_found_card')
      return toCardDetail(card, await cards.listsOf(input.cardId))
    }),
  )

  async function updateMutu(cardId: string, opId: string, change: { index: number; checked: boolean } | { output: string }): Promise<CardDto> {
    const { card, template } = await load(cardId)
    requireHolder(template, card)
    if ('index' in change) {
      const items = template.steps.find((s) => s.no === card.step)?.kelengkapan.length ?? 0
      if (change.index >= items) {
        throw new AppError('VALIDATION', 'checklist_item_unknown')
      }
    }
    const updated = await cards.setMutu(cardId, card.step, change, { opId, by, at: clock() })
    if (!updated) {
      // A tick resent after the card moved on was applied before it moved: answered as applied.
      const again = await cards.resent(cardId, opId)
      if (again) return toCardDto(again, template)
      const { card: now } = await load(cardId)
      throw new AppError('STALE', 'stale', staleMessage(template, now), toCardDto(now, template))
    }
    const dto = toCardDto(updated, template)
    deps.bus.publish('card.updated', { card: dto, origin: socket.id })
    return dto
  }

  socket.on(
    'card:checklist',
    command(socket, log, 'card:checklist', CardChecklistSet, (input) =>
      updateMutu(input.cardId, input.opId, { index: input.index, checked: input.checked }),
    ),
  )

  socket.on(
    'card:output',
    command(socket, log, 'card:output', CardOutputSet, (input) => updateMutu(input.cardId, input.opId, { output: input.output })),
  )
}
