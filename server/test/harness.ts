import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Connection } from 'mongoose'
import pino from 'pino'
import { io as ioClient } from 'socket.io-client'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { createApp, type App, type AppDeps } from '../app'
import type { Clock } from '../platform/clock'
import { connectDb } from '../platform/db/connect'
import { startEmbeddedFerretdb, type EmbeddedDb } from '../platform/db/embeddedFerretdb'
import type { Logger } from '../platform/logger'
import { sendOk, unpacked, type Board, type ClientSocket } from './client'

// The HTTP and socket helpers live in ./client (no vitest there, so the benchmarks use them too).
export * from './client'

/**
 * Integration-test harness: one embedded FerretDB per test file, a fresh database per test, the
 * real app on a random port, and real socket.io-client sockets. Everything it opens it closes:
 * what a test opens in afterEach, what a beforeAll opens in afterAll, the database process last.
 */

/** `TEST_LOG_LEVEL=debug npx vitest run` shows the server's logs when a test needs explaining. */
export function silentLogger(): Logger {
  return pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' })
}

export interface TestServer {
  url: string
  app: App
  db: Connection
  dbName: string
  /** Closes the app (and its sockets) and the database connection; idempotent. */
  close(): Promise<void>
}

export interface StartOptions {
  clock?: Clock
  /** Reuse a database (to restart on the same data); by default each test gets its own. */
  dbName?: string
  deps?: Partial<Omit<AppDeps, 'db' | 'clock' | 'log'>>
}

type Closer = () => Promise<void>

let dbCounter = 0

export function useHarness() {
  let ferret: EmbeddedDb | undefined
  let dataDir: string | undefined
  let testDbName = ''
  const fileScope: Closer[] = []
  const testScope: Closer[] = []
  let scope = fileScope

  async function closeAll(closers: Closer[]) {
    // Last opened, first closed: sockets before their server, servers before the database.
    const errors: unknown[] = []
    for (const close of closers.splice(0).reverse()) {
      await close().catch((err: unknown) => errors.push(err))
    }
    if (errors.length) throw new AggregateError(errors, 'cleanup failed')
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'papan-test-'))
    ferret = await startEmbeddedFerretdb({ dataDir, logger: silentLogger() })
  })

  afterAll(async () => {
    try {
      await closeAll(testScope)
      await closeAll(fileScope)
    } finally {
      await ferret?.stop()
      if (dataDir) await rm(dataDir, { recursive: true, force: true })
    }
  })

  beforeEach(() => {
    scope = testScope
    testDbName = `t${process.pid}_${++dbCounter}`
  })

  afterEach(async () => {
    scope = fileScope
    await closeAll(testScope)
  })

  function uriOf(dbName: string): string {
    if (!ferret) throw new Error('the harness has not started its database (call useHarness() at the top of the file)')
    const url = new URL(ferret.uri)
    url.pathname = `/${dbName}`
    return url.href
  }

  /** The name of this test's own database (or a per-file one when called from beforeAll). */
  function freshDbName(): string {
    return scope === testScope ? testDbName : `f${process.pid}_${++dbCounter}`
  }

  async function startServer(opts: StartOptions = {}): Promise<TestServer> {
    const dbName = opts.dbName ?? freshDbName()
    const db = await connectDb(uriOf(dbName))
    let app: App
    try {
      app = await createApp({ db, clock: opts.clock ?? (() => new Date()), log: silentLogger(), ...opts.deps })
    } catch (err) {
      await db.close()
      throw err
    }
    const port = await app.listen(0, '127.0.0.1')
    let closed: Promise<void> | undefined
    const server: TestServer = {
      url: `http://127.0.0.1:${port}`,
      app,
      db,
      dbName,
      close() {
        closed ??= app.close().finally(() => db.close())
        return closed
      },
    }
    scope.push(() => server.close())
    return server
  }

  /**
   * A real socket.io-client socket; resolves once connected. Closed with the test (or the file
   * when opened in beforeAll).
   */
  async function connect(server: TestServer, cookie: string | undefined): Promise<ClientSocket> {
    const socket = openSocket(server, cookie)
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve())
      socket.once('connect_error', (err) => reject(err))
    })
    return socket
  }

  /** A socket that is not awaited, for tests of refused connections. */
  function openSocket(server: TestServer, cookie: string | undefined): ClientSocket {
    const socket: ClientSocket = ioClient(server.url, {
      extraHeaders: cookie ? { cookie } : {},
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    })
    scope.push(async () => {
      socket.disconnect()
    })
    return socket
  }

  /** A socket of `user` on the cycle's board (in its room), with the board:join answer. */
  async function joinBoard(server: TestServer, user: { cookie: string }, cycleId: string): Promise<{ socket: ClientSocket; board: Board }> {
    const socket = await connect(server, user.cookie)
    return { socket, board: unpacked(await sendOk(socket, 'board:join', { cycleId })) }
  }

  return { startServer, connect, openSocket, uriOf, joinBoard }
}

/** Every document of every collection but the sessions, as one string: equal means nothing changed. */
export async function dbSnapshot(db: Connection): Promise<string> {
  const names = (await db.db!.listCollections().toArray()).map((c) => c.name).filter((n) => !n.includes('session')).sort()
  const out: Record<string, unknown[]> = {}
  for (const name of names) {
    const docs = await db.db!.collection(name).find().toArray()
    out[name] = docs.map((d) => JSON.stringify(d)).sort()
  }
  return JSON.stringify(out)
}
