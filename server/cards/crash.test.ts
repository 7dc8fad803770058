import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { io as ioClient } from 'socket.io-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allCells, checkMove, type Position } from '../../shared/domain/moves'
import type { CardDto, FullCard } from '../../shared/protocol/board'
import type { CycleDto } from '../../shared/protocol/cycles'
import type { SopTemplate } from '../../shared/domain/template'
import { withMove } from '../../shared/protocol/cardMoved'
import { connectDb } from '../platform/db/connect'
import { createLedger } from '../ledger/repository'
import { cardEventModel } from '../ledger/model'
import {
  type Board,
  api,
  createCycle,
  createUser,
  detailOf,
  opId,
  roundTrip,
  sendOk,
  unpacked,
  setupAdmin,
  type ClientSocket,
  type ServerAddress,
  type TestUser,
} from '../test/client'

/*
 * The real server (server/index.ts, embedded FerretDB included) as a child process, SIGKILLed at
 * seeded random moments while several clients keep moving cards, then started again on the same
 * DATA_DIR. Afterwards the stored board must be whole, every acknowledged move applied exactly
 * once, and every client's view equal to the server's. `CRASH_SEED=<n>` replays a run.
 */

const SEED = Number(process.env.CRASH_SEED ?? 20261125)
const KILLS = 3
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** mulberry32: small, seedable, good enough to pick moves and delays reproducibly. */
function rng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)],
  }
}
const random = rng(SEED)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const p = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(p))
    })
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function until(check: () => Promise<boolean> | boolean, what: string, timeoutMs: number): Promise<void> {
  const started = Date.now()
  while (!(await Promise.resolve().then(check).catch(() => false))) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`)
    await sleep(50)
  }
}

// ---------------------------------------------------------------------------------------------
// The server process

let dataDir = ''
let ferretPort = 0
let server: ServerAddress
let child: ChildProcess | undefined
let childOutput: string[] = []
const sockets: ClientSocket[] = []

async function startChild(port: number): Promise<void> {
  childOutput = []
  // tsx as a loader, not its CLI: the CLI runs the server in a grandchild that a kill of the
  // CLI would leave running. Own process group, so cleanup can kill whatever it started.
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    detached: true,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, FERRETDB_PORT: String(ferretPort), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child = proc
  for (const stream of [proc.stdout, proc.stderr]) {
    stream?.on('data', (chunk: Buffer) => childOutput.push(chunk.toString()))
  }
  await until(
    async () => {
      if (proc.exitCode !== null || proc.signalCode !== null) {
        throw new Error(`the server exited during startup:\n${childOutput.join('')}`)
      }
      return (await api(server, 'GET', '/healthz')).status === 200
    },
    'GET /healthz 200',
    30_000,
  ).catch((err: unknown) => {
    throw new Error(`${String(err)}\n${childOutput.join('')}`)
  })
}

/** The FerretDB the killed server left behind, if its pid still names a live ferretdb. */
async function orphanFerretdb(): Promise<number | null> {
  let pid: number
  try {
    pid = Number.parseInt(await readFile(path.join(dataDir, 'ferretdb', 'ferretdb.pid'), 'utf8'), 10)
  } catch {
    return null
  }
  try {
    process.kill(pid, 0)
    // A zombie (nobody reaps it in some containers) has an empty command line.
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('ferretdb') ? pid : null
  } catch {
    return null
  }
}

async function killChild(): Promise<void> {
  const proc = child
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return
  const exited = new Promise((r) => proc.once('exit', r))
  proc.kill('SIGKILL')
  await exited
  // The server's watchdog stops its FerretDB (TERM, then KILL within 5 s); a survivor would make
  // the next start refuse the directory, and would be a leak.
  await until(async () => (await orphanFerretdb()) === null, 'the orphaned FerretDB to stop', 10_000)
}

// ---------------------------------------------------------------------------------------------
// Clients: each keeps its own view of the board and sends moves from it

type Outcome = { kind: 'ok'; card: CardDto } | { kind: 'refused'; code: string } | { kind: 'no answer' }

interface SentMove {
  opId: string
  cardId: string
  payload: { opId: string; cardId: string; version: number; to: Position; note?: string }
  outcomes: Outcome[]
}

const moves = new Map<string, SentMove>()
/** Refusals that mean "not applied"; anything else (INTERNAL...) only bounds it to at most once. */
const REFUSALS = new Set(['STALE', 'FORBIDDEN', 'MOVE_NOT_ALLOWED', 'NOTE_REQUIRED', 'VALIDATION', 'NOT_FOUND'])

interface Client {
  user: TestUser
  socket: ClientSocket
  view: Map<string, CardDto>
  /** Resolves once the socket is connected and has (re)joined the board. */
  ready: Promise<void>
  template: SopTemplate
}

/** Newer wins: a broadcast can arrive before the join's answer yet be newer than its snapshot. */
function see(view: Map<string, CardDto>, card: CardDto) {
  const known = view.get(card.id)
  if (!known || card.version >= known.version) view.set(card.id, card)
}

async function emitMove(socket: ClientSocket, payload: SentMove['payload']): Promise<Outcome> {
  try {
    const raw = socket as unknown as { timeout(ms: number): { emitWithAck(e: string, p: unknown): Promise<unknown> } }
    const ack = (await raw.timeout(4000).emitWithAck('card:move', payload)) as
      | { ok: true; data: CardDto }
      | { ok: false; error: { code: string; card?: CardDto } }
    return ack.ok ? { kind: 'ok', card: ack.data } : { kind: 'refused', code: ack.error.code }
  } catch {
    // Disconnected (socket.io-client fails pending acks then) or timed out.
    return { kind: 'no answer' }
  }
}

async function openClient(user: TestUser, cycleId: string): Promise<Client> {
  const socket: ClientSocket = ioClient(server.url, {
    extraHeaders: { cookie: user.cookie },
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 300,
    randomizationFactor: 0,
  })
  sockets.push(socket)
  const view = new Map<string, CardDto>()
  // A board holds the rest of a card and fills it in, as the client's board store does.
  socket.on('card:moved', (fact) => {
    const held = view.get(fact.id)
    if (held) see(view, withMove(held, fact, client.template))
  })
  const client = { user, socket, view, ready: Promise.resolve(), template: undefined as unknown as SopTemplate }
  let resolveReady: () => void = () => undefined
  const join = async () => {
    const board: Board = unpacked(await sendOk(socket, 'board:join', { cycleId }))
    client.template = board.template
    for (const card of board.cards) see(view, card)
    resolveReady()
  }
  const arm = () => {
    client.ready = new Promise<void>((r) => (resolveReady = r))
  }
  arm()
  socket.on('disconnect', arm)
  const rejoin = (): void => {
    // Refused or unanswered while still connected: try again; a disconnect rejoins on reconnect.
    join().catch(() => setTimeout(() => socket.connected && rejoin(), 200))
  }
  socket.on('connect', rejoin)
  await client.ready
  return client
}

/** A move this client may make from what it sees; admins override (with a reason) now and then. */
function chooseMove(client: Client, pick: ReturnType<typeof rng>): SentMove['payload'] | undefined {
  const actor = { id: client.user.id, role: client.user.role, unitId: client.user.unitId, isAdmin: client.user.isAdmin }
  const optionsOf = (card: CardDto) =>
    allCells(client.template)
      .map((to) => ({ to, check: checkMove(client.template, actor, { step: card.step, lane: card.lane, unitId: card.unit.id }, to) }))
      .filter((o) => o.check.ok)
  const cards = [...client.view.values()]
  const held = cards.filter((c) => optionsOf(c).length > 0)
  // Mostly cards it holds; now and then one it does not, which the server must refuse.
  const card = held.length && pick.next() < 0.9 ? pick.pick(held) : pick.pick(cards)
  if (!card) return undefined
  const options = optionsOf(card)
  const regular = options.filter((o) => o.check.ok && o.check.kind !== 'override')
  const chosen = regular.length && pick.next() < 0.7 ? pick.pick(regular) : pick.pick(options)
  // Nothing allowed (not the holder): send a forward move anyway, the server must refuse it.
  const to = chosen?.to ?? { step: Math.min(card.step + 1, 14), lane: card.lane }
  const noteRequired = chosen?.check.ok && chosen.check.noteRequired
  const id = opId()
  return { opId: id, cardId: card.id, version: card.version, to, ...(noteRequired ? { note: `uji crash ${id}` } : {}) }
}

async function sendAndRecord(client: Client, payload: SentMove['payload']): Promise<void> {
  const sent = moves.get(payload.opId) ?? { opId: payload.opId, cardId: payload.cardId, payload, outcomes: [] }
  moves.set(payload.opId, sent)
  const outcome = await emitMove(client.socket, payload)
  sent.outcomes.push(outcome)
  if (outcome.kind === 'ok') see(client.view, outcome.card)
}

/** Keeps moving cards until told to stop; waits out disconnections instead of buffering moves. */
async function worker(client: Client, seed: number, running: () => boolean): Promise<void> {
  const pick = rng(seed)
  while (running()) {
    await client.ready
    if (!running()) return
    const payload = chooseMove(client, pick)
    if (payload) await sendAndRecord(client, payload)
    await sleep(pick.int(0, 15))
  }
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'papan-crash-'))
  ferretPort = await freePort()
  server = { url: `http://127.0.0.1:${await freePort()}` }
  await startChild(Number(new URL(server.url).port))
})

afterAll(async () => {
  for (const s of sockets) s.disconnect()
  try {
    // SIGTERM first: the server stops its FerretDB itself; the kill below is the fallback.
    const proc = child
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((r) => proc.once('exit', r))
      proc.kill('SIGTERM')
      await Promise.race([exited, sleep(8000)])
      await killChild()
    }
    if (proc?.pid) {
      try {
        process.kill(-proc.pid, 'SIGKILL')
      } catch {
        // the group is gone already
      }
    }
    const orphan = await orphanFerretdb()
    if (orphan) process.kill(orphan, 'SIGKILL')
  } finally {
    if (dataDir) await rm(dataDir, { recursive: true, force: true })
  }
}, 30_000)

describe('the server killed during moves', () => {
  it(`keeps every acknowledged move exactly once and resyncs clients (CRASH_SEED=${SEED})`, async () => {
    const admin = await setupAdmin(server) // sekretaris, administrator
    const [admin2, sekretaris, kasubag] = await Promise.all([
      createUser(server, admin, { role: 'kasubag_program', isAdmin: true }),
      createUser(server, admin, { role: 'sekretaris' }),
      createUser(server, admin, { role: 'kasubag_program' }),
    ])
    const cycle: CycleDto = await createCycle(server, admin)
    const clients = await Promise.all([admin, admin2, sekretaris, kasubag].map((u) => openClient(u, cycle.id)))
    const first = clients[0]
    if (!first) throw new Error('no clients')
    const cardIds = [...first.view.keys()].sort()
    expect(cardIds.length).toBeGreaterThan(1)

    let running = true
    // Two workers per client, so several moves are in flight when the server dies.
    const workers = clients.flatMap((c, i) => [0, 1].map((w) => worker(c, SEED + 10 * i + w, () => running)))

    for (let round = 0; round < KILLS; round++) {
      await sleep(random.int(200, 1500))
      await killChild()
      await startChild(Number(new URL(server.url).port))
      await Promise.all(clients.map((c) => c.ready))

      // What a reconnecting client does: resend every move it got no answer for, same opId.
      const unanswered = [...moves.values()].filter((m) => m.outcomes.at(-1)?.kind === 'no answer')
      await Promise.all(
        unanswered.map((m) => {
          const client = clients[random.int(0, clients.length - 1)] as Client
          return sendAndRecord(client, m.payload)
        }),
      )
    }
    await sleep(random.int(200, 800)) // some moves against the last restarted server too
    running = false
    await Promise.all(workers)
    await Promise.all(clients.map((c) => roundTrip(c.socket)))

    const snapshot: Board = unpacked(await sendOk(first.socket, 'board:join', { cycleId: cycle.id }))
    // Each card with its history, as the card panel loads it.
    const truth = {
      ...snapshot,
      cards: await Promise.all(snapshot.cards.map(async (c): Promise<FullCard> => ({ ...c, ...(await detailOf(first.socket, c.id)) }))),
    }
    const context = `CRASH_SEED=${SEED}`

    // (1) Every card once, in a cell of the template, its history a chain ending where it is.
    const cells = new Set(allCells(truth.template).map((c) => `${c.step}/${c.lane}`))
    expect(truth.cards.map((c) => c.id).sort(), context).toEqual(cardIds)
    for (const card of truth.cards) {
      expect(cells.has(`${card.step}/${card.lane}`), `${context} card ${card.id} at ${card.step}/${card.lane}`).toBe(true)
      // (3) One version per history entry: the create is version 1, every move adds one.
      expect(card.version, `${context} card ${card.id}`).toBe(card.history.length)
      expect(card.history[0]?.kind).toBe('create')
      card.history.forEach((entry, i) => {
        if (i > 0) expect(entry.from, `${context} card ${card.id} entry ${i}`).toEqual(card.history[i - 1]?.to)
      })
      expect(card.history.at(-1)?.to).toEqual({ step: card.step, lane: card.lane })
      expect(card.lastEntry, `${context} card ${card.id} lastEntry`).toEqual(card.history.at(-1))
    }

    // (2) Acknowledged moves exactly once, on their card, and the acked state is a prefix of the
    // truth; refused ones never; unanswered ones at most once.
    const applied = new Map<string, number>()
    for (const card of truth.cards) {
      for (const entry of card.history) applied.set(entry.opId, (applied.get(entry.opId) ?? 0) + 1)
    }
    expect([...applied.values()].every((n) => n === 1), `${context}: an operation id appears twice`).toBe(true)
    const byId = new Map(truth.cards.map((c) => [c.id, c]))
    let acked = 0
    for (const m of moves.values()) {
      const times = applied.get(m.opId) ?? 0
      const onCard = byId.get(m.cardId)?.history.filter((e) => e.opId === m.opId).length ?? 0
      const oks = m.outcomes.filter((o): o is Extract<Outcome, { kind: 'ok' }> => o.kind === 'ok')
      const what = `${context} op ${m.opId} (${m.outcomes.map((o) => (o.kind === 'refused' ? o.code : o.kind)).join(', ')})`
      if (oks.length) {
        acked++
        expect(onCard, `${what}: acked but not applied once`).toBe(1)
        for (const ok of oks) {
          // The acked card (version n) is a prefix of the truth: the truth's n-th entry is its last.
          const truthEntry = byId.get(m.cardId)?.history[ok.card.version - 1]
          expect(truthEntry, `${what}: acked card is not a prefix of the truth`).toEqual(ok.card.lastEntry)
        }
      } else if (m.outcomes.some((o) => o.kind === 'refused' && REFUSALS.has(o.code))) {
        expect(times, `${what}: refused but applied`).toBe(0)
      } else {
        expect(times, what).toBeLessThanOrEqual(1)
      }
    }
    expect(acked, `${context}: too few moves were acknowledged to mean anything`).toBeGreaterThan(10)

    // The ledger agrees with the cards (read past the app, on the same data): each card's chain
    // holds its history's operations in order, its document stands at the chain's head, and
    // every chain verifies.
    const db = await connectDb(`mongodb://127.0.0.1:${ferretPort}/papan_sop`)
    try {
      const docs = await db.collection('cards').find({ cycleId: { $exists: true } }).toArray()
      expect(docs).toHaveLength(cardIds.length)
      for (const doc of docs) {
        const card = byId.get(String(doc._id))
        const chain = await db.collection('card_events').find({ cardId: doc._id }).sort({ seq: 1 }).toArray()
        expect(chain.map((e) => e.opId), `${context} card ${String(doc._id)}`).toEqual(card?.history.map((e) => e.opId))
        expect(doc.seq, `${context} card ${String(doc._id)} head`).toBe(chain.at(-1)?.seq)
      }
      const ledger = createLedger(cardEventModel(db))
      const heads = new Map(docs.map((d) => [String(d._id), { seq: d.seq as number, head: d.head as string }]))
      expect((await ledger.verify(heads)).breaks, context).toEqual([])
    } finally {
      await db.close()
    }

    // (4) Every client, resynced by its re-join and the broadcasts since, sees the truth.
    // A board knows a move's mover by name (card:moved names no more of them).
    const summary = (cards: Iterable<CardDto>) =>
      [...cards]
        .map((c) => ({ id: c.id, step: c.step, lane: c.lane, version: c.version, last: { ...c.lastEntry, by: c.lastEntry.by.name } }))
        .sort((a, b) => a.id.localeCompare(b.id))
    for (const client of clients) {
      expect(summary(client.view.values()), `${context} view of ${client.user.username}`).toEqual(summary(truth.cards))
    }
  }, 90_000)
})
