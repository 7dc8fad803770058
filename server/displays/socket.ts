import { WallJoin, type WallMove, type WallSnapshot } from '../../shared/protocol/displays'
import { WALL_TICKER_SIZE } from '../../shared/protocol/constants'
import type { Ack } from '../../shared/protocol/events'
import type { CalendarRepository } from '../calendar/repository'
import { toCardDto, type CardsRepository } from '../cards/repository'
import type { Clock } from '../platform/clock'
import type { CyclesRepository } from '../cycles/repository'
import { AppError } from '../platform/errors'
import type { Logger } from '../platform/logger'
import { command, listen } from '../realtime/command'
import type { IoServer } from '../realtime/io'
import { wallRoom } from '../realtime/rooms'
import { isDisplaySocket, isUserSocket, type DisplaySocket } from '../realtime/socketKinds'
import { toWallCard, toWallCycle, wallMoveOf } from './projection'
import type { DisplaysRepository } from './repository'

/** All open sockets of one display token, so revoking it closes them. */
export const displayRoom = (displayId: string) => `display:${displayId}`

interface DisplayDeps {
  displays: DisplaysRepository
  cards: CardsRepository
  cycles: CyclesRepository
  calendars: CalendarRepository
  clock: Clock
  log: Logger
}

const refused = (reason: 'display_own_cycle' | 'display_only'): Ack<never> => ({ ok: false, error: { code: 'FORBIDDEN', reason } })

/** Answers a refused command; its ack is the last argument, also without a payload or with extras. */
function answerRefused(args: readonly unknown[], reason: 'display_own_cycle' | 'display_only'): void {
  const ack = args.at(-1)
  if (typeof ack === 'function') (ack as (a: Ack<never>) => void)(refused(reason))
}

/** People's sockets: `wall:join` is a display's. */
const refuseWallJoin = (...args: unknown[]): void => answerRefused(args, 'display_only')

/**
 * Wall display sockets: `wall:join` to their own cycle's wall room, which gets the wall's own slim
 * facts (`wall:card`, `card:timer`), never the board's (server/realtime/broadcast.ts). Every other
 * command is answered FORBIDDEN (a display has no user, so the board's handlers are never
 * registered for it). People's sockets get `wall:join` refused the same way.
 */
export function serveDisplays(io: IoServer, deps: DisplayDeps): void {
  const { displays, cards, cycles, calendars, clock } = deps
  const log = deps.log.child({ component: 'displays' })

  function touch(displayId: string): void {
    displays.touch(displayId).catch((err: unknown) => log.warn({ err, displayId }, 'display last-seen update failed'))
  }

  // Made once; every display socket listens with it (command()).
  const joinWall = command(log, 'wall:join', WallJoin, async (socket: DisplaySocket, input): Promise<WallSnapshot> => {
    const { id: displayId, cycleId } = socket.data.display
    if (input.cycleId && input.cycleId !== cycleId) throw new AppError('FORBIDDEN', 'display_own_cycle')
    // Join before reading, so no move falls between the snapshot and the first fact; the
    // client keeps the higher card version of the two.
    await socket.join(wallRoom(cycleId))
    if (!(await cycles.summaryOf(cycleId))) throw new AppError('NOT_FOUND', 'not_found_cycle')
    const [records, calendar] = await Promise.all([cards.listForCycle(cycleId), calendars.get()])
    const latest = await cards.latestMoves(records, WALL_TICKER_SIZE)
    // The progress from the cards in hand: without them, find() reads every card's step.
    const found = await cycles.find(cycleId, records.map((c) => c.step))
    if (!found) throw new AppError('NOT_FOUND', 'not_found_cycle')
    const label = (await displays.find(displayId))?.label ?? ''
    const dtos = records.map((c) => toCardDto(c, found.template))
    return {
      display: { id: displayId, label },
      cycle: toWallCycle(found.dto),
      template: found.template,
      calendar,
      cards: dtos.map(toWallCard),
      moves: latest.map(wallMoveOf).filter((m): m is WallMove => m !== null),
      serverTime: clock().toISOString(),
    }
  })

  function serveDisplay(socket: DisplaySocket): void {
    const { id: displayId, cycleId } = socket.data.display
    log.info({ socketId: socket.id, displayId, cycleId }, 'display connected')
    void socket.join(displayRoom(displayId))
    touch(displayId)

    // Any command but wall:join, including ones added later: refused, nothing reaches a handler.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (event === 'wall:join') return
      log.warn({ socketId: socket.id, displayId, event }, 'display command refused')
      answerRefused(args, 'display_own_cycle')
    })

    listen(socket, [['wall:join', joinWall]])

    socket.on('disconnect', (reason) => {
      touch(displayId)
      log.info({ socketId: socket.id, displayId, reason }, 'display disconnected')
    })
  }

  io.on('connection', (socket) => {
    if (isDisplaySocket(socket)) serveDisplay(socket)
    else if (isUserSocket(socket)) listen(socket, [['wall:join', refuseWallJoin]])
  })
}
