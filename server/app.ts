import { existsSync } from 'node:fs'
import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import compression from 'compression'
import type { Connection } from 'mongoose'
import { UNDO_WINDOW_SECONDS } from '../shared/protocol/constants'
import { MONEV_KINERJA } from '../shared/sop/balangan'
import { createKnownBrowsers, loadKnownBrowserKey } from './auth/knownBrowsers'
import { createLoginGuard } from './auth/rateLimit'
import { authRoutes } from './auth/routes'
import { createSessionStore } from './auth/sessions'
import { cardModel } from './cards/model'
import { boardStampModel, createBoardCache } from './cards/boardCache'
import { createCardsRepository } from './cards/repository'
import { createCardService } from './cards/service'
import { createLedger } from './ledger/repository'
import { cardEventModel } from './ledger/model'
import { migrateCards, slimCards } from './ledger/migrate'
import { auditRoutes } from './ledger/routes'
import type { Clock } from './platform/clock'
import { cycleModel } from './cycles/model'
import { createCyclesRepository } from './cycles/repository'
import { cyclesRoutes } from './cycles/routes'
import { migrateCycles } from './cycles/migrate'
import { createCalendarRepository } from './calendar/repository'
import { calendarRoutes } from './calendar/routes'
import { createTimerScheduler, type TimerScheduler } from './timers/scheduler'
import { createClockIndex } from './timers/clocks'
import { numberNotifications } from './notifications/migrate'
import { createBus } from './platform/bus'
import { broadcastFacts } from './realtime/broadcast'
import { createNotifier } from './notifications/notifier'
import { createNotificationsRepository } from './notifications/repository'
import { notificationsRoutes } from './notifications/routes'
import { tasksRoutes } from './tasks/routes'
import { documentsRoutes } from './documents/routes'
import { createDocumentService } from './documents/service'
import { backupRoutes } from './backup/routes'
import { createDocumentStorage } from './documents/storage'
import { createReportsRepository } from './reports/repository'
import { reportsRoutes } from './reports/routes'
import { recomputeRunningClocks } from './timers/recompute'
import { createDbHealth, rejectWhileDbDown, type SupervisedDb } from './platform/db/health'
import { errorHandler, loadUser, refuseDuplicateKeys, refuseUntilPasswordChanged } from './platform/http/middleware'
import { bodyTypes, sameOriginWrites } from './platform/http/requestGuards'
import type { Logger } from './platform/logger'
import { createRealtime, serveBoards, type IoServer } from './realtime/io'
import { attachRedisAdapter } from './realtime/redisAdapter'
import { watchSocketSessions } from './realtime/socketSessions'
import { serveDbStatus } from './realtime/dbStatus'
import { securityHeaders } from './platform/http/securityHeaders'
import { serveClient } from './platform/http/staticFiles'
import { displayModel } from './displays/model'
import { createDisplaysRepository } from './displays/repository'
import { displaysRoutes } from './displays/routes'
import { displayRoom, serveDisplays } from './displays/socket'
import { sessionRoom, userRoom } from './realtime/rooms'
import { templateModel } from './templates/model'
import { createTemplatesRepository } from './templates/repository'
import { templatesRoutes } from './templates/routes'
import { userModel } from './users/model'
import { createUsersRepository } from './users/repository'
import { usersRoutes } from './users/routes'

export interface AppDeps {
  db: Connection
  clock: Clock
  log: Logger
  /** Built client to serve (dist/client); omitted in tests and in `npm run dev`, where Vite serves it. */
  staticDir?: string
  sessionIdleMs?: number
  /** How often sockets whose session has passed its idle expiry are looked for and closed; 30 s. */
  sessionSweepMs?: number
  cookieSecure?: 'auto' | boolean
  trustProxy?: string
  /** What /healthz reports as the database kind. */
  dbKind?: 'embedded' | 'mongodb'
  /** The embedded FerretDB's supervisor, so the health monitor knows a dead process at once. */
  dbSupervisor?: SupervisedDb
  /** Largest document upload in bytes (DOCUMENT_MAX_MB); 10 MiB by default. */
  documentMaxBytes?: number
  /** How long after a move its mover may undo it (UNDO_WINDOW_SECONDS); 10 s by default. */
  undoWindowMs?: number
  /** BACKUP_TOKEN: bearer secret for GET /api/admin/backup (besides an administrator's session). */
  backupToken?: string
  /** REDIS_URL: share broadcasts and room queries with the other nodes through Redis. */
  redisUrl?: string
  /** Prefix of the Redis channels (tests give each run its own); `papan-sop` by default. */
  redisKey?: string
}

export interface App {
  httpServer: HttpServer
  io: IoServer
  timers: TimerScheduler
  listen(port: number, host?: string): Promise<number>
  close(): Promise<void>
}

/** The data layer on one connection; also used by scripts (demo) that write without a server. */
export async function createRepositories(db: Connection, clock: Clock, log?: Logger) {
  const User = userModel(db)
  const Card = cardModel(db)
  const Cycle = cycleModel(db)
  const templates = createTemplatesRepository(templateModel(db), clock)
  const ledger = createLedger(cardEventModel(db))
  // Builds the unique indexes (username, cycle period, template version, the ledger's claims)
  // before the first write relies on them.
  const boards = createBoardCache(Card, boardStampModel(db))
  await Promise.all([User.init(), Card.init(), Cycle.init(), templates.init(), ledger.init(), boards.init()])
  const cards = createCardsRepository(Card, ledger, boards, log)
  const notifications = createNotificationsRepository(db)
  await notifications.init()
  return {
    User,
    Card,
    Cycle,
    users: createUsersRepository(User),
    cards,
    // Made with the cards, so it hears every write of theirs.
    clocks: createClockIndex(Card, boards),
    ledger,
    cycles: createCyclesRepository(Cycle, cards, clock),
    calendars: createCalendarRepository(db),
    notifications,
    templates,
  }
}

/** The composition root: everything the server is, wired from what it is given. */
export async function createApp(deps: AppDeps): Promise<App> {
  const { db, clock, log } = deps
  const sessionIdleMs = deps.sessionIdleMs ?? 12 * 3600_000
  const startedAt = Date.now()

  const { User, Card, Cycle, users, cards, clocks, ledger, cycles, calendars, notifications, templates } = await createRepositories(db, clock, log)
  await migrateCycles(Cycle, log)
  // Before anything reads a card: cards of the old shape into the ledger, then every card document
  // that fell behind its chain (a crash between the two writes) brought up to it.
  await migrateCards(Card, ledger, log)
  await slimCards(Card, ledger, log)
  await numberNotifications(db, log)
  const repaired = await cards.repairAll()
  if (repaired) log.warn({ cards: repaired }, 'card documents repaired from the ledger')
  // Seeded here, not in createRepositories: a restore builds the indexes through that and must find
  // the collection empty for the archive's own versions.
  await templates.seed(MONEV_KINERJA)
  const sessions = createSessionStore(db, User, clock, sessionIdleMs)
  const loginGuard = createLoginGuard(clock)
  const knownBrowsers = createKnownBrowsers(await loadKnownBrowserKey(db), clock)
  const displays = createDisplaysRepository(displayModel(db), clock)
  await displays.init()
  const documentStorage = createDocumentStorage(db)
  await documentStorage.init()

  const health = createDbHealth({ db, log, supervised: deps.dbSupervisor })

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', deps.trustProxy ?? 'loopback')
  app.use(securityHeaders())
  // Brotli (or gzip) for whatever compresses (the client's scripts, styles and HTML, API JSON);
  // files that are compressed already (documents, exports, backups) pass as they are.
  app.use(compression())

  app.get('/healthz', async (_req, res) => {
    const state = await health.probe()
    const restarts = health.restarts()
    const dbUp = state.status === 'ok'
    res.status(dbUp ? 200 : 503).json({
      status: dbUp ? 'ok' : 'degraded',
      server: 'ok',
      database: {
        status: state.status,
        kind: deps.dbKind ?? 'mongodb',
        ...(state.status === 'down' ? { reason: state.reason } : {}),
        ...(restarts === undefined ? {} : { restarts }),
      },
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    })
  })

  const httpServer = createServer(app)
  const io = createRealtime(httpServer, { sessions, log, displays: (token) => displays.resolve(token) })
  // Services publish what they stored; the broadcast (below), the timers and the notifier listen.
  const bus = createBus(log)
  broadcastFacts(io, bus)
  serveDbStatus(io, health)
  const socketSessions = watchSocketSessions(io, { sessions, clock, log, sweepMs: deps.sessionSweepMs ?? 30_000 })
  const closeRedis = deps.redisUrl ? attachRedisAdapter(io, { url: deps.redisUrl, key: deps.redisKey }, log) : undefined
  io.on('auth:unlock', (username) => loginGuard.unlock(username))
  io.on('cycle:ended', (cycleId) => cycles.forget(cycleId))
  const notifier = createNotifier({
    users,
    notifications,
    bus,
    clock,
    cycleOf: (cycleId) => cycles.summaryOf(cycleId),
  })
  const timers = createTimerScheduler({
    db,
    cards,
    clocks,
    bus,
    clock,
    log,
    stoppedCycles: () => cycles.stoppedIds(),
    onThreshold: async (event, card) => {
      const template = await cycles.templateOf(event.cycleId)
      const unit = { id: card.unit?.id ?? '', shortName: card.unit?.shortName ?? '' }
      if (template) await notifier.thresholdCrossed(template, { id: event.cardId, cycleId: event.cycleId, unit, step: card.step, lane: card.lane }, event)
    },
  })
  const poke = () => timers.poke()
  const undoWindowMs = deps.undoWindowMs ?? UNDO_WINDOW_SECONDS * 1000
  const cardService = createCardService({ cards, cycles, calendars, bus, clock, log, undoWindowMs })
  const documentMaxBytes = deps.documentMaxBytes ?? 10 * 1024 * 1024
  const boardOf = serveBoards(io, { cards, cardService, cycles, calendars, clock, log, undoWindowMs, documentMaxBytes, severalNodes: !!deps.redisUrl })
  bus.subscribe('card.moved', ({ card, template: movedTemplate }) => {
    // The earlier of the card's new thresholds (null once finished); one already past, as after a
    // hand-off of a late card, is announced for the new holder at once.
    const threshold = card.atRiskAt ?? card.dueAt
    if (threshold) timers.wakeBy(new Date(threshold))
    // An undo gives the card back to those who just held it: they know, no one new is told.
    const entry = card.lastEntry
    if (entry.kind === 'finish' || entry.kind === 'undo') return
    notifier
      .cardArrived(movedTemplate, card, entry)
      .catch((err: unknown) => log.error({ err, cardId: card.id }, 'arrival notification failed'))
  })

  bus.subscribe('note.mentioned', ({ card, note, usernames }) => {
    notifier.mentioned(card, note, usernames).catch((err: unknown) => log.error({ err, cardId: card.id }, 'mention notification failed'))
  })

  bus.subscribe('card.extended', ({ card }) => {
    const threshold = card.atRiskAt ?? card.dueAt
    if (threshold) timers.wakeBy(new Date(threshold))
  })

  serveDisplays(io, { displays, cards, cycles, calendars, clock, log })

  const api = express.Router()
  // Every route needs the database (loadUser reads the session): known down, refuse at once.
  api.use(rejectWhileDbDown(health))
  // Before any body is read: where a write comes from, then what kind of body it carries.
  api.use(sameOriginWrites(log))
  api.use(bodyTypes({ rawUploads: (req) => req.method === 'POST' && /^\/cards\/[^/]+\/documents$/.test(req.path) }))
  // A whole SOP template is larger than any other body; this parser runs first for its route only.
  api.use('/templates', express.json({ limit: '256kb', verify: refuseDuplicateKeys }))
  api.use(express.json({ limit: '32kb', verify: refuseDuplicateKeys }))
  api.use(loadUser(sessions))
  api.use(refuseUntilPasswordChanged)
  api.use(
    authRoutes({
      conn: db,
      users,
      sessions,
      loginGuard,
      knownBrowsers,
      cookieSecure: deps.cookieSecure ?? 'auto',
      templates,
      clock,
      onSessionEnded: (sessionId) => io.in(sessionRoom(sessionId)).disconnectSockets(true),
    }),
  )
  api.use(
    usersRoutes({
      users,
      templates,
      clock,
      log,
      // A reconnecting socket reads the account again; the session stands.
      onChanged: (userId) => io.in(userRoom(userId)).disconnectSockets(true),
      endSessions: async (userId) => {
        await sessions.destroyForUser(userId)
        io.in(userRoom(userId)).disconnectSockets(true)
      },
      onUnlock: (username) => {
        log.info({ username }, 'login limits of an account cleared by an administrator')
        loginGuard.unlock(username)
        // Every node counts its own failures (rateLimit.ts); the others clear theirs too.
        if (deps.redisUrl) io.serverSideEmit('auth:unlock', username)
      },
    }),
  )
  api.use(notificationsRoutes({ notifications }))
  api.use(backupRoutes({ db, log, token: deps.backupToken }))
  api.use(auditRoutes({ db, log, token: deps.backupToken }))
  api.use(tasksRoutes({ cards, clocks, cycles, clock }))
  const documents = createDocumentService({ cards, cycles, storage: documentStorage, bus, clock, log, maxBytes: documentMaxBytes })
  api.use(documentsRoutes({ documents, storage: documentStorage, log, maxBytes: documentMaxBytes }))
  api.use(
    cyclesRoutes({
      cycles,
      calendars,
      templates,
      onStarted: poke,
      onEnded: (cycle) => {
        if (deps.redisUrl) io.serverSideEmit('cycle:ended', cycle.id)
        bus.publish('cycle.ended', { cycle })
        // Its cards' thresholds no longer count: the next wake is another cycle's.
        poke()
      },
      boardOf,
    }),
  )
  api.use(templatesRoutes({ templates }))
  api.use(reportsRoutes({ reports: createReportsRepository({ db, cycles, cards, calendars }), clock }))
  api.use(
    calendarRoutes({
      calendars,
      clock,
      onChanged: async () => {
        await recomputeRunningClocks({ cards, clocks, cycles, calendars, bus })
        poke()
      },
    }),
  )
  api.use(
    displaysRoutes({
      displays,
      cycles,
      onlineCount: async (id) => (await io.in(displayRoom(id)).fetchSockets()).length,
      onRevoked: (id) => io.in(displayRoom(id)).disconnectSockets(true),
    }),
  )
  api.use((_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', reason: 'not_found_route' } })
  })
  api.use(errorHandler(log))
  app.use('/api', api)

  if (deps.staticDir && existsSync(deps.staticDir)) app.use(serveClient(deps.staticDir))

  timers.start()

  return {
    httpServer,
    io,
    timers,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject)
        // Node's default backlog of 511 overflows when a thousand tabs reconnect at once while the
        // loop is busy (bench S5): each connection dropped there waits for the client's SYN resend,
        // 1, 3, 7 s later. The kernel caps it at net.core.somaxconn.
        httpServer.listen({ port, host, backlog: 4096 }, () => resolve((httpServer.address() as AddressInfo).port))
      })
    },
    async close() {
      health.stop()
      await timers.stop()
      socketSessions.stop()
      // io.close() also closes the HTTP server; open sockets are told to go away first.
      io.disconnectSockets(true)
      await new Promise<void>((resolve) => io.close(() => resolve()))
      // After io.close(): the adapter unsubscribes while closing and needs its clients for that.
      await closeRedis?.()
    },
  }
}
