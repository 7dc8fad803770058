import { originHost } from '../platform/http/requestGuards'
import { packCards } from '../../shared/protocol/packedCards'
import type { IncomingMessage, Server as HttpServer } from 'node:http'
import { Server, type Socket } from 'socket.io'
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from '../../shared/protocol/events'
import { BoardJoin, BoardLeave, type BoardSnapshot, type Viewer } from '../../shared/protocol/board'
import { parseCookies, SESSION_COOKIE, type SessionStore } from '../auth/sessions'
import type { Clock } from '../platform/clock'
import type { CardsRepository } from '../cards/repository'
import type { CalendarRepository } from '../calendar/repository'
import { toCardDto } from '../cards/repository'
import { cardCommands } from '../cards/handlers'
import type { CardService } from '../cards/service'
import type { CyclesRepository } from '../cycles/repository'
import { AppError } from '../platform/errors'
import type { Logger } from '../platform/logger'
import { answerUnknownCommands, command, listen, type Command } from './command'
import { commandParser, releaseEarlyPackets } from './parser'
import { roomOf, sessionRoom, userRoom } from './rooms'
import { isUserSocket, type UserSocket } from './socketKinds'

/** A board's presence is announced at most once per this long; joins and leaves in between wait. */
const PRESENCE_INTERVAL_MS = 1000

/** Resolves a wall display token (server/displays) to the display and its one cycle. */
export type DisplayResolver = (token: string) => Promise<{ id: string; cycleId: string } | null>

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>

interface RealtimeDeps {
  calendars: CalendarRepository
  /** How long after a move its mover may undo it (card:undo), told to the board in its snapshot. */
  undoWindowMs: number
  /** The largest document upload (DOCUMENT_MAX_MB), told to the board so it refuses a larger file before sending it. */
  documentMaxBytes: number
  /** The card commands (server/cards/service.ts); the board's read uses the repository. */
  cardService: CardService
  cards: CardsRepository
  cycles: CyclesRepository
  clock: Clock
  log: Logger
  /** REDIS_URL is set: other nodes hold viewers of the same boards, asked through the adapter. */
  severalNodes: boolean
}

/** The Socket.IO server, authenticating every connection with the session cookie. */
export function createRealtime(
  httpServer: HttpServer,
  deps: { sessions: SessionStore; log: Logger; displays?: DisplayResolver },
): IoServer {
  const { sessions } = deps
  const log = deps.log.child({ component: 'realtime' })
  const io: IoServer = new Server(httpServer, {
    // Commands are small; anything near this size is hostile, and Socket.IO drops the connection.
    maxHttpBufferSize: 256 * 1024,
    serveClient: false,
    // Answers unreadable command frames and holds those sent before the connect was accepted.
    parser: commandParser,
    // Cookies ride along with cross-site websocket handshakes; a page from another origin must not
    // be able to act with a user's session. Non-browser clients send no Origin and are let through.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin
      callback(null, !origin || originHost(origin) === req.headers.host)
    },
  })

  // A wall display authenticates with its token instead (Socket.IO `auth`), even where the TV's
  // browser also holds someone's session cookie: the kiosk must never act as that person.
  io.use((socket, next) => {
    const displayToken = (socket.handshake.auth as Record<string, unknown> | undefined)?.displayToken
    if (displayToken === undefined) return next()
    const resolve = deps.displays
    if (!resolve || typeof displayToken !== 'string') return next(new Error('UNAUTHENTICATED'))
    resolve(displayToken)
      .then((display) => {
        if (!display) return next(new Error('UNAUTHENTICATED'))
        socket.data = { kind: 'display', display }
        next()
      })
      .catch((err: unknown) => {
        log.error({ err }, 'display authentication failed')
        next(new Error('INTERNAL'))
      })
  })

  // The socket authenticates with the same session cookie as the HTTP API.
  io.use((socket, next) => {
    if (socket.data.kind === 'display') return next()
    const token = parseCookies(socket.request.headers.cookie)[SESSION_COOKIE]
    sessions
      .resolve(token)
      .then((resolved) => {
        if (!resolved) return next(new Error('UNAUTHENTICATED'))
        // Not UNAUTHENTICATED (the client would sign out): the session stands, its board waits for the new password.
        if (resolved.user.mustChangePassword) return next(new Error('PASSWORD_CHANGE_REQUIRED'))
        const { user, sessionId, expiresAt } = resolved
        socket.data = {
          kind: 'user',
          user: { id: user.id, name: user.name, role: user.role, unitId: user.unitId, isAdmin: user.isAdmin },
          sessionId,
          sessionExpiresAt: expiresAt.getTime(),
        }
        next()
      })
      .catch((err: unknown) => {
        log.error({ err }, 'socket authentication failed')
        next(new Error('INTERNAL'))
      })
  })

  // First of the connection listeners: the held frames are handled on the next tick, after all
  // of them (boards, displays) have registered their commands.
  io.on('connection', releaseEarlyPackets)
  // Socket.IO keeps each connection's first HTTP request (headers, parser state) and a copy of
  // its handshake for as long as the socket lives; the session has been read from them above, and
  // nothing asks for them again. Let go, as Socket.IO's memory advice has it: less heap per idle
  // socket (bench S1). Engine.IO's upgrade still holds the request itself until the socket
  // closes, so its headers are emptied too.
  io.on('connection', (socket) => {
    const conn = socket.conn as unknown as { request: IncomingMessage | null }
    if (conn.request) {
      conn.request.rawHeaders.length = 0
      conn.request.headers = {}
    }
    conn.request = null
    const { address, issued, secure, xdomain } = socket.handshake
    ;(socket as { handshake: Socket['handshake'] }).handshake = { address, issued, secure, xdomain, time: '', url: '', headers: {}, query: {}, auth: {} }
  })

  return io
}

/** What serveBoards gives the HTTP API: a board's snapshot for its page's first request (GET /api/cycles/:id/board). */
export type BoardReader = (cycleId: string, reader: Viewer) => Promise<BoardSnapshot | null>

/** Boards: joining and leaving a cycle's room, presence, and the card commands. */
export function serveBoards(io: IoServer, deps: RealtimeDeps): BoardReader {
  const { cards, cycles, calendars, clock } = deps
  const log = deps.log.child({ component: 'realtime' })

  // This node's viewers of each board, by user, with how many of the user's sockets are there:
  // kept as sockets join and leave, so that a join's snapshot does not walk every socket of the
  // room (1000 tabs rejoining after a blip walked it a million times).
  const here = new Map<string, Map<string, { viewer: Viewer; sockets: number }>>()
  function arrived(cycleId: string, user: UserSocket['data']['user']): void {
    let viewers = here.get(cycleId)
    if (!viewers) here.set(cycleId, (viewers = new Map()))
    const known = viewers.get(user.id)
    viewers.set(user.id, { viewer: { userId: user.id, name: user.name, role: user.role }, sockets: (known?.sockets ?? 0) + 1 })
  }
  function departed(cycleId: string, userId: string): void {
    const viewers = here.get(cycleId)
    const known = viewers?.get(userId)
    if (!viewers || !known) return
    if (known.sockets > 1) known.sockets--
    else viewers.delete(userId)
    if (viewers.size === 0) here.delete(cycleId)
  }
  const localViewersOf = (cycleId: string): Viewer[] => [...(here.get(cycleId)?.values() ?? [])].map((v) => v.viewer)

  /** Viewers across all nodes, one entry per user; with several nodes, asked of each (fetchSockets through the adapter). */
  async function viewersOf(cycleId: string): Promise<Viewer[]> {
    if (!deps.severalNodes) return localViewersOf(cycleId)
    // With REDIS_URL and Redis away, the other nodes cannot be asked: this node's viewers it knows.
    const sockets = await io
      .in(roomOf(cycleId))
      .fetchSockets()
      .catch((err: unknown) => {
        // The outage itself is logged once by server/realtime/redisAdapter.ts.
        log.debug({ err, cycleId }, 'viewers of other nodes unavailable')
        return null
      })
    if (!sockets) return localViewersOf(cycleId)
    const byUser = new Map<string, Viewer>()
    for (const s of sockets) {
      const u = s.data.user
      if (u) byUser.set(u.id, { userId: u.id, name: u.name, role: u.role })
    }
    return [...byUser.values()]
  }

  // Viewers come and go in bursts: after a network blip every tab of a board reconnects within
  // seconds. Announcing each join to every socket costs N² messages (500,000 for 1000 tabs), so a
  // change is announced at once only if the board's last announcement is PRESENCE_INTERVAL_MS
  // old; otherwise once when it is, with whoever is there by then.
  const presenceDue = new Set<string>()
  const presenceSent = new Map<string, number>()
  function announcePresence(cycleId: string): void {
    if (presenceDue.has(cycleId)) return
    presenceDue.add(cycleId)
    const wait = Math.max(0, (presenceSent.get(cycleId) ?? 0) + PRESENCE_INTERVAL_MS - Date.now())
    setTimeout(() => {
      presenceDue.delete(cycleId)
      presenceSent.set(cycleId, Date.now())
      viewersOf(cycleId)
        .then((viewers) => io.to(roomOf(cycleId)).emit('presence:changed', { cycleId, viewers }))
        .catch((err: unknown) => log.warn({ err, cycleId }, 'presence update failed'))
    }, wait).unref()
  }

  /**
   * The board as it is now, or null for no such cycle. A rejoin names what it holds (`have`): only
   * the cards whose chain went on since are sent again. `arriving` is a viewer about to join.
   */
  async function snapshotOf(cycleId: string, have?: BoardJoin['have'], arriving?: Viewer): Promise<BoardSnapshot | null> {
    // Read once per node and kept (cycles/repository.ts): the cards' read below is the cost.
    if (!(await cycles.summaryOf(cycleId))) return null
    const records = await cards.listForCycle(cycleId)
    const found = await cycles.find(cycleId, records.map((c) => c.step))
    if (!found) return null
    const now = clock()
    const held = have && new Map(have)
    const changed = held ? records.filter((c) => held.get(String(c._id)) !== c.seq) : records
    const viewers = await viewersOf(cycleId)
    if (arriving && !viewers.some((v) => v.userId === arriving.userId)) viewers.push(arriving)
    return {
      cycle: found.dto,
      template: found.template,
      calendar: await calendars.get(),
      cards: packCards(
        changed.map((c) => toCardDto(c, found.template)),
        now.getTime(),
        found.dto.units,
      ),
      ...(held ? { partial: true as const } : {}),
      viewers,
      serverTime: now.toISOString(),
      undoWindowMs: deps.undoWindowMs,
      documentMaxBytes: deps.documentMaxBytes,
    }
  }

  // Made once; every user socket listens with these same functions (command()).
  const commands: Command<UserSocket>[] = [
    [
      'board:join',
      command(log, 'board:join', BoardJoin, async (socket: UserSocket, { cycleId, have }): Promise<BoardSnapshot> => {
        const notFound = () => new AppError('NOT_FOUND', 'not_found_cycle')
        if (!(await cycles.summaryOf(cycleId))) throw notFound()
        // In the room before the cards are read: a move stored after the read still reaches this
        // socket as card:moved. Joined after the read, one stored in between reached it neither way.
        const room = roomOf(cycleId)
        // Checked and joined in one go (no await between): two joins of one socket count it once,
        // and one that has gone meanwhile (its leaving counted already) not at all.
        const already = socket.rooms.has(room)
        await socket.join(room)
        if (!already && socket.connected) arrived(cycleId, socket.data.user)
        const snapshot = await snapshotOf(cycleId, have)
        if (!snapshot) throw notFound()
        announcePresence(cycleId)
        return snapshot
      }),
    ],
    [
      'board:leave',
      command(log, 'board:leave', BoardLeave, async (socket: UserSocket, { cycleId }) => {
        const room = roomOf(cycleId)
        const was = socket.rooms.has(room)
        await socket.leave(room)
        if (was) departed(cycleId, socket.data.user.id)
        announcePresence(cycleId)
        return null
      }),
    ],
    ...cardCommands({ cards: deps.cardService, log }),
  ]

  const unknownCommand = answerUnknownCommands(log)
  function onDisconnecting(this: UserSocket): void {
    const boards = [...this.rooms].filter((r) => r.startsWith('cycle:')).map((r) => r.slice('cycle:'.length))
    for (const cycleId of boards) departed(cycleId, this.data.user.id)
    // The socket is still in its rooms while disconnecting; announce once it has left them.
    setImmediate(() => boards.forEach(announcePresence))
  }
  function onDisconnect(this: UserSocket, reason: string): void {
    log.info({ socketId: this.id, userId: this.data.user.id, reason }, 'socket disconnected')
  }

  io.on('connection', (socket) => {
    // Display sockets are served by server/displays and get none of the board's commands.
    if (!isUserSocket(socket)) return
    const user = socket.data.user
    log.info({ socketId: socket.id, userId: user.id }, 'socket connected')
    void socket.join([userRoom(user.id), sessionRoom(socket.data.sessionId)])
    listen(socket, commands)
    socket.onAny(unknownCommand)
    socket.on('disconnecting', onDisconnecting)
    socket.on('disconnect', onDisconnect)
  })

  // The page's reader joins its room over the socket next: counted among the viewers already, so
  // their own name does not come and go.
  return (cycleId, reader) => snapshotOf(cycleId, undefined, reader)
}
