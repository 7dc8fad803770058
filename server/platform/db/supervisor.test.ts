import { mkdtemp, rm } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import mongoose, { Types, type Connection } from 'mongoose'
import { io as ioClient } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ServerStatus } from '../../../shared/protocol/events'
import type { CardDto } from '../../../shared/protocol/board'
import { createApp, type App } from '../../app'
import { toErrorAck } from '../errors'
import { api, createCycle, opId, record, send, sendOk, unpacked, setupAdmin, silentLogger, type ClientSocket, type ServerAddress, type TestUser } from '../../test/harness'
import { connectDb } from './connect'
import { startEmbeddedFerretdb, type EmbeddedDb } from './embeddedFerretdb'

/*
 * Issue 10, item 5: the embedded database dies or hangs under a running server. This file starts
 * its own supervised FerretDB (not the harness's) and hands the supervisor to the app, as
 * server/index.ts does, so it can kill -9 and SIGSTOP the process behind the app's back.
 */

const PPIK = [{ id: 'ppik', name: 'Bidang PPIK', shortName: 'PPIK' }]

interface Health {
  status: string
  database: { status: 'ok' | 'down'; kind: string; reason?: string; restarts?: number }
}

let dataDir: string
let ferret: EmbeddedDb | undefined
let db: Connection | undefined
let app: App | undefined
let server: ServerAddress
const sockets: ClientSocket[] = []

async function connectSocket(cookie: string): Promise<ClientSocket> {
  const socket: ClientSocket = ioClient(server.url, { extraHeaders: { cookie }, transports: ['websocket'], forceNew: true, reconnection: false })
  sockets.push(socket)
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', (err) => reject(err))
  })
  return socket
}

/** Polls `check` until it holds; throws after `timeoutMs`. */
async function until<T>(check: () => Promise<T | undefined | false>, what: string, timeoutMs = 30_000, everyMs = 50): Promise<T> {
  const started = Date.now()
  for (;;) {
    const value = await check().catch(() => undefined)
    if (value) return value
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}

const health = () => api<Health>(server, 'GET', '/healthz')

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' })
    socket.once('connect', () => {
      socket.end()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'papan-supervisor-'))
  ferret = await startEmbeddedFerretdb({ dataDir, logger: silentLogger() })
  db = await connectDb(ferret.uri)
  app = await createApp({ db, clock: () => new Date(), log: silentLogger(), dbKind: 'embedded', dbSupervisor: ferret })
  server = { url: `http://127.0.0.1:${await app.listen(0, '127.0.0.1')}` }
})

afterAll(async () => {
  for (const s of sockets) s.disconnect()
  try {
    // A test that failed half-way may leave FerretDB stopped; a stopped process ignores SIGTERM.
    if (ferret?.status().state === 'running') process.kill(ferret.pid, 'SIGCONT')
    await app?.close().catch(() => undefined)
    await db?.close(true).catch(() => undefined)
  } finally {
    await ferret?.stop().catch(() => undefined)
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  }
})

describe('the embedded database under a running server', () => {
  let admin: TestUser
  let socket: ClientSocket
  let watcher: ClientSocket
  let cards: CardDto[]

  beforeAll(async () => {
    admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin, { units: [...PPIK, { id: 'umum', name: 'Bidang Umum', shortName: 'UMUM' }] })
    socket = await connectSocket(admin.cookie)
    watcher = await connectSocket(admin.cookie)
    cards = unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id })).cards
    await sendOk(watcher, 'board:join', { cycleId: cycle.id })
  })

  it('is restarted on the same port after kill -9, and the app recovers by itself', async () => {
    const card = cards[0] as CardDto
    const before = await health()
    expect(before.status).toBe(200)
    expect(before.body.database).toEqual({ status: 'ok', kind: 'embedded', restarts: 0 })
    const statuses = record(watcher, 'server:status')
    const { pid, uri } = { pid: ferret?.pid ?? 0, uri: ferret?.uri }

    process.kill(pid, 'SIGKILL')

    // While it is down /healthz says which case it is: the process exited, or is being restarted.
    // (The driver may notice the lost connection a moment before the supervisor sees the exit:
    // 'unreachable' first, then 'exited' for at least the 0.5 s backoff.)
    const down = await until(async () => {
      const res = await health()
      return res.status === 503 && ['exited', 'restarting'].includes(res.body.database.reason ?? '') && res
    }, '/healthz 503 exited or restarting')
    expect(down.body).toMatchObject({ status: 'degraded', database: { status: 'down', kind: 'embedded' } })
    await statuses.waitFor((s: ServerStatus) => s.database === 'down', 10_000)

    // Nobody restarts anything: the supervisor brings FerretDB back at the same address.
    const up = await until(async () => {
      const res = await health()
      return res.status === 200 && res
    }, '/healthz back to 200')
    expect(up.body.database).toEqual({ status: 'ok', kind: 'embedded', restarts: 1 })
    expect(ferret?.uri).toBe(uri)
    expect(ferret?.pid).not.toBe(pid)
    expect(ferret?.status()).toEqual({ state: 'running', restarts: 1 })
    await statuses.waitFor((s: ServerStatus) => s.database === 'ok', 10_000)

    const moved = await sendOk(socket, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })
    expect(moved).toMatchObject({ step: 2, lane: 'kepala_bidang', version: card.version + 1 })
    cards[0] = moved
  }, 60_000)

  it('answers commands DB_UNAVAILABLE within 2 s while FerretDB hangs, and serves again when it resumes', async () => {
    const card = cards[1] as CardDto
    const statuses = record(watcher, 'server:status')
    const pid = ferret?.pid ?? 0
    const move = { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } }

    process.kill(pid, 'SIGSTOP')
    try {
      // The contract itself: a command sent to a hung database is answered within 2 s.
      const sentAt = Date.now()
      const ack = await send(socket, 'card:move', move)
      const elapsed = Date.now() - sentAt
      expect(ack).toMatchObject({ ok: false, error: { code: 'DB_UNAVAILABLE' } })
      expect(elapsed).toBeLessThan(2500)

      await statuses.waitFor((s: ServerStatus) => s.database === 'down', 10_000)
      const res = await health()
      expect(res.status).toBe(503)
      expect(res.body.database).toMatchObject({ status: 'down', kind: 'embedded', reason: 'unresponsive' })

      // Known down: refused at once, over the socket and over HTTP.
      const again = await send(socket, 'card:note', { opId: opId(), cardId: card.id, text: 'halo' })
      expect(again).toMatchObject({ ok: false, error: { code: 'DB_UNAVAILABLE' } })
      const tasks = await api(server, 'GET', '/api/tasks', { cookie: admin.cookie })
      expect(tasks.status).toBe(503)
      expect(tasks.body).toMatchObject({ error: { code: 'DB_UNAVAILABLE' } })
    } finally {
      process.kill(pid, 'SIGCONT')
    }

    await statuses.waitFor((s: ServerStatus) => s.database === 'ok', 15_000)
    expect((await health()).body.database).toEqual({ status: 'ok', kind: 'embedded', restarts: 1 })

    // The refused move may have been applied once FerretDB read it; resending its opId is safe.
    const retried = await sendOk(socket, 'card:move', move)
    expect(retried).toMatchObject({ step: 2, lane: 'kepala_bidang', version: card.version + 1 })
    const applied = await db?.collection('card_events').countDocuments({ cardId: new Types.ObjectId(card.id), opId: move.opId })
    expect(applied).toBe(1)
  }, 60_000)

  it('does not restart a database that is being stopped, not even during a restart backoff', async () => {
    if (!ferret) throw new Error('no database')
    const port = Number(new URL(ferret.uri).port)
    process.kill(ferret.pid, 'SIGKILL')
    await until(async () => ferret?.status().state === 'exited', 'the supervisor to see the exit')
    await ferret.stop()
    expect(ferret.status().state).toBe('stopped')
    // Past the first restart's backoff (0.5 s): still nothing on the port.
    await new Promise((r) => setTimeout(r, 1500))
    expect(await canConnect(port)).toBe(false)
    expect(ferret.status().state).toBe('stopped')
  }, 30_000)
})

describe("the driver's errors for a database it cannot reach", () => {
  it('reach the client as DB_UNAVAILABLE, not INTERNAL', async () => {
    // A port nothing listens on: real driver errors, no mocks.
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = probe.address() as net.AddressInfo
        probe.close(() => resolve(p))
      })
    })
    const conn = mongoose.createConnection(`mongodb://127.0.0.1:${port}/nowhere`, { serverSelectionTimeoutMS: 300 })
    try {
      const selection = await conn.asPromise().then(
        () => undefined,
        (err: unknown) => err,
      )
      // While mongoose waits for a connection it buffers, then gives up with its own error.
      const buffered = await conn
        .model('Thing', new mongoose.Schema({ name: String }, { bufferTimeoutMS: 300 }))
        .findOne()
        .then(
          () => undefined,
          (err: unknown) => err,
        )
      for (const err of [selection, buffered]) {
        expect(err).toBeInstanceOf(Error)
        expect(toErrorAck(err, silentLogger(), {})).toEqual({
          ok: false,
          error: { code: 'DB_UNAVAILABLE' },
        })
      }
    } finally {
      await conn.close(true).catch(() => undefined)
    }
  })
})
