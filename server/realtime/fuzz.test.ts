import type { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { ErrorBody } from '../../shared/protocol/errors'
import { BoardJoin, BoardLeave, CardChecklistSet, CardDetailGet, CardMove, CardNoteAdd, CardOutputSet, CardUndo, type FullCard } from '../../shared/protocol/board'
import { WallJoin } from '../../shared/protocol/displays'
import {
  createCycle,
  createUser,
  dbSnapshot,
  detailOf,
  disconnected,
  opId,
  roundTrip,
  sendOk,
  unpacked,
  setupAdmin,
  useHarness,
} from '../test/harness'

/*
 * A seeded, deterministic fuzzer over a real socket. Every payload is hostile (malformed, wrongly
 * typed, oversized within the 256 KiB limit, `$` operators, prototype-pollution keys, odd numbers
 * and strings, ids of other cycles, missing or extra ack arguments). The server must answer every
 * acked command with exactly one well-formed ack, never crash, and change nothing.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_2024)
const EVENTS_TOTAL = 10_000
const BATCH = 200
/** Below Socket.IO's 256 KiB maxHttpBufferSize, with room for the envelope (and UTF-8 growth). */
const MAX_PACKET = 200_000

const h = useHarness()

/** mulberry32: small, fast and deterministic. */
function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!
  return { next, int, pick, chance: (p: number) => next() < p }
}
type Rng = ReturnType<typeof prng>

const COMMANDS = ['board:join', 'board:leave', 'card:move', 'card:note', 'card:checklist', 'card:output', 'card:undo', 'card:detail', 'wall:join'] as const
type Command = (typeof COMMANDS)[number]
const SCHEMAS: Record<Command, z.ZodType> = {
  'board:join': BoardJoin,
  'board:leave': BoardLeave,
  'card:move': CardMove,
  'card:note': CardNoteAdd,
  'card:checklist': CardChecklistSet,
  'card:output': CardOutputSet,
  // Never valid here: the fuzzed user makes no move of its own that could be undone.
  'card:undo': CardUndo,
  'card:detail': CardDetailGet,
  'wall:join': WallJoin,
}
const UNKNOWN_EVENTS = ['card:delete', 'admin:promote', 'cycle:drop', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', ' ', 'card:move ', 'CARD:MOVE', 'disconnect', 'disconnecting', 'connect', 'connect_error', 'newListener', 'removeListener', 'a'.repeat(300), 'kartu:🙂\u0000']

const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'])
const POLLUTION_KEYS = ['polluted', 'isAdmin', 'fuzzPolluted']
const hostileObjects = (): unknown[] => [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000) || true' },
  { $where: 'this.polluted = true' },
  { $regex: '.*' },
  { $in: [] },
  { $exists: true },
  { $expr: { $eq: [1, 1] } },
  { $set: { version: 0 } },
  JSON.parse('{"__proto__": {"polluted": true, "isAdmin": true}}'),
  JSON.parse('{"constructor": {"prototype": {"fuzzPolluted": true}}}'),
  JSON.parse('{"prototype": {"polluted": 1}}'),
  JSON.parse('{"__proto__": {"__proto__": {"polluted": "deep"}}}'),
  JSON.parse('{"toString": "x", "valueOf": 1, "hasOwnProperty": null}'),
]

const NUMBERS = [0, -0, 1, -1, 0.5, 2, 7, 99, 100, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, Number.MIN_VALUE, NaN, Infinity, -Infinity, 49, 50, 1e21]
const STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '🙂🔥💀',
  '\ud800',
  '\u202e\u200b',
  '<script>alert(1)</script>',
  '000000000000000000000000',
  'ffffffffffffffffffffffff',
  'FFFFFFFFFFFFFFFFFFFFFFFF',
  '0'.repeat(23),
  '0'.repeat(25),
  '$gt',
  '{"$gt":""}',
  'this.polluted = true',
  'sekretaris',
  'kepala_bidang',
  '__proto__',
  'constructor',
  'x'.repeat(2001),
  ' '.repeat(40),
  'op-short',
  'op-😀-xxxxxxxx',
]

function randomString(r: Rng): string {
  if (r.chance(0.6)) return r.pick(STRINGS)
  const alphabet = 'abcXYZ019_-$.\u0000🙂 "\\\n'
  const chars = Array.from(alphabet)
  return Array.from({ length: r.int(80) }, () => r.pick(chars)).join('')
}

function deep(r: Rng, depth: number): unknown {
  let v: unknown = r.pick([1, 'x', null, { $gt: '' }])
  const asArray = r.chance(0.5)
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v }
  return v
}

function huge(r: Rng): unknown {
  switch (r.int(4)) {
    case 0:
      return Array.from({ length: 10_000 + r.int(20_000) }, (_, i) => i)
    case 1:
      return 'x'.repeat(100_000 + r.int(100_000))
    case 2:
      return Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`$k${i}`, i]))
    default:
      return Array.from({ length: 3_000 }, () => ({ $gt: '' }))
  }
}

interface Ids {
  /** Real card ids (the board's and another cycle's), with their current versions and opIds (from card:detail). */
  cards: FullCard[]
  cycles: string[]
}

function value(r: Rng, ids: Ids, depth = 0): unknown {
  const k = r.int(depth > 2 ? 8 : 13)
  switch (k) {
    case 0:
      return null
    case 1:
      return r.chance(0.5)
    case 2:
      return r.pick(NUMBERS)
    case 3:
      return randomString(r)
    case 4:
    case 5:
      return r.pick(hostileObjects())
    case 6:
      return r.pick(ids.cards).id
    case 7:
      return r.pick(ids.cycles)
    case 8:
      return Array.from({ length: r.int(5) }, () => value(r, ids, depth + 1))
    case 9:
      return Object.fromEntries(Array.from({ length: r.int(4) }, () => [randomString(r), value(r, ids, depth + 1)]))
    case 10:
      return deep(r, 50 + r.int(400))
    case 11:
      return r.chance(0.1) ? huge(r) : Buffer.from([0, 1, 2, 255])
    default:
      return undefined
  }
}

/** A field: mostly hostile, sometimes plausible, so checks deeper than the shape get reached. */
function field(r: Rng, ids: Ids, plausible: () => unknown): unknown {
  return r.chance(0.45) ? plausible() : value(r, ids)
}

function payloadFor(r: Rng, ids: Ids, event: Command): unknown {
  if (r.chance(0.12)) return value(r, ids)
  const card = r.pick(ids.cards)
  const base: Record<string, unknown> = {}
  const put = (key: string, plausible: () => unknown) => {
    if (r.chance(0.08)) return // missing
    base[key] = field(r, ids, plausible)
  }
  const anOpId = () => (r.chance(0.2) ? r.pick(card.history).opId : opId())
  switch (event) {
    case 'board:join':
    case 'board:leave':
    case 'wall:join':
      put('cycleId', () => (r.chance(0.5) ? r.pick(ids.cycles) : card.id))
      break
    case 'card:move':
      put('opId', anOpId)
      put('cardId', () => card.id)
      put('version', () => r.pick([0, 1, 2, 3, 1000, card.version]))
      put('to', () => ({ step: r.pick([1, 2, 3, 9, 99, 0]), lane: r.pick(['sekretaris', 'kepala_bidang', 'kepala_badan', 'nope']) }))
      if (r.chance(0.3)) put('note', () => randomString(r))
      break
    case 'card:note':
      put('opId', anOpId)
      put('cardId', () => card.id)
      put('text', () => randomString(r))
      break
    case 'card:checklist':
      put('opId', anOpId)
      put('cardId', () => card.id)
      put('index', () => r.int(60))
      put('checked', () => r.chance(0.5))
      break
    case 'card:output':
      put('opId', anOpId)
      put('cardId', () => card.id)
      put('output', () => randomString(r))
      break
    case 'card:detail':
      put('cardId', () => card.id)
      break
    case 'card:undo':
      put('opId', anOpId)
      put('cardId', () => card.id)
      put('seq', () => r.pick([0, 1, 2, 99, card.history.at(-1)?.seq ?? 1]))
      break
  }
  // Extra keys: operators and prototype keys as real own properties.
  if (r.chance(0.25)) Object.assign(base, r.pick(hostileObjects()))
  if (r.chance(0.1)) Object.defineProperty(base, '__proto__', { value: { polluted: true }, enumerable: true, configurable: true, writable: true })
  return base
}

/**
 * Whether the server, receiving `payload` (after the JSON round trip), could change something.
 * Such payloads are the rare valid ones; they are made harmless (or skipped) and counted.
 */
function harmful(event: Command, payload: unknown, ids: Ids): boolean {
  let seen: unknown
  try {
    seen = JSON.parse(JSON.stringify(payload) ?? 'null')
  } catch {
    return false
  }
  const parsed = SCHEMAS[event].safeParse(seen)
  if (!parsed.success) return false
  const input = parsed.data as Record<string, unknown>
  const card = ids.cards.find((c) => c.id === input.cardId)
  if (!card) return false
  switch (event) {
    case 'card:move':
      // An applied operation id is answered with the card as it is; a wrong version is STALE.
      return !card.history.some((e) => e.opId === input.opId) && input.version === card.version
    case 'card:checklist':
      // Step 1 has one item: any other index is refused by the handler.
      return input.index === 0
    case 'card:note':
    case 'card:output':
      return true
    default:
      return false
  }
}

function expectErrorAck(ack: unknown, where: string): 'ok' | 'error' {
  const a = ack as { ok?: unknown; data?: unknown; error?: { code?: unknown; card?: unknown } }
  if (a && a.ok === true && 'data' in a && Object.keys(a).length === 2) return 'ok'
  // `{ code, reason?, params? }` from the closed lists, values only, and the card only with STALE.
  const { card, ...body }: { code?: unknown; card?: unknown } = (typeof a?.error === 'object' && a.error) || {}
  const good =
    a !== null &&
    typeof a === 'object' &&
    a.ok === false &&
    Object.keys(a).length === 2 &&
    ErrorBody.safeParse(body).success &&
    (card === undefined || a.error?.code === 'STALE')
  if (!good) throw new Error(`${where}: malformed ack ${JSON.stringify(ack).slice(0, 300)} (FUZZ_SEED=${SEED})`)
  return 'error'
}

const protoKeys = () => ({
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  fn: Object.getOwnPropertyNames(Function.prototype).sort(),
})

type RawEmitter = {
  emit(event: string, ...args: unknown[]): void
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> }
}

describe(`fuzzing the socket commands (FUZZ_SEED=${SEED})`, () => {
  it('answers 10,000 hostile events with error acks, never crashes, pollutes nothing and changes nothing', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const sekretaris = await createUser(server, admin, { role: 'sekretaris' })
    const board = await createCycle(server, admin)
    const other = await createCycle(server, admin)

    const socket = await h.connect(server, sekretaris.cookie)
    const onBoard = unpacked(await sendOk(socket, 'board:join', { cycleId: board.id }))
    const elsewhere = unpacked(await sendOk(socket, 'board:join', { cycleId: other.id }))
    const withDetail = (cards: typeof onBoard.cards) => Promise.all(cards.map(async (c): Promise<FullCard> => ({ ...c, ...(await detailOf(socket, c.id)) })))
    const ids: Ids = { cards: [...(await withDetail(onBoard.cards)), ...(await withDetail(elsewhere.cards))], cycles: [board.id, other.id, '0123456789abcdef01234567'] }

    const protoBefore = protoKeys()
    const before = await dbSnapshot(server.db)
    const r = prng(SEED)
    const stats = { sent: 0, acked: 0, ok: 0, errors: new Map<string, number>(), noAck: 0, harmlessRewritten: 0, extraArgsAcked: 0 }
    const raw = socket as unknown as RawEmitter
    const lateAcks: unknown[] = []
    const extraArgsPending = new Set<number>()

    while (stats.sent < EVENTS_TOTAL) {
      const batch: Promise<void>[] = []
      for (let i = 0; i < BATCH && stats.sent < EVENTS_TOTAL; i++) {
        const n = stats.sent++
        const mode = r.int(20)
        if (mode === 0) {
          // An unknown event: without an ack callback nothing happens; with one, one error ack.
          const event = r.pick(UNKNOWN_EVENTS)
          if (RESERVED.has(event)) continue
          if (r.chance(0.5)) {
            raw.emit(event, value(r, ids))
            continue
          }
          let calls = 0
          extraArgsPending.add(n)
          raw.emit(event, value(r, ids), (a: unknown) => {
            calls++
            if (calls > 1 || expectErrorAck(a, `#${n} unknown ${event}`) === 'ok') lateAcks.push({ event, a })
            extraArgsPending.delete(n)
          })
          continue
        }
        const event = r.pick(COMMANDS)
        let payload = payloadFor(r, ids, event)
        // Stay within maxHttpBufferSize: a larger packet closes the connection by design (tested below).
        if ((JSON.stringify(payload) ?? '').length > MAX_PACKET) payload = 'x'.repeat(MAX_PACKET)
        if (harmful(event, payload, ids)) {
          stats.harmlessRewritten++
          payload = { ...(payload as object), $where: 'this.polluted = true' }
        }
        if (mode === 1) {
          // No ack callback: the server must ignore it.
          raw.emit(event, payload)
          continue
        }
        if (mode === 2) {
          // Extra arguments before the ack: answered exactly once, and never with success.
          let calls = 0
          extraArgsPending.add(n)
          raw.emit(event, payload, value(r, ids), (a: unknown) => {
            calls++
            stats.extraArgsAcked++
            if (calls > 1 || expectErrorAck(a, `#${n} ${event} (extra args)`) === 'ok') lateAcks.push({ event, a })
            extraArgsPending.delete(n)
          })
          continue
        }
        if (mode === 3) {
          // No payload at all, only the ack.
          payload = undefined
        }
        const args = mode === 3 ? [] : [payload]
        batch.push(
          raw
            .timeout(10_000)
            .emitWithAck(event, ...args)
            .catch((err: unknown) => {
              throw new Error(`#${n} ${event} got no ack (FUZZ_SEED=${SEED}): ${String(err)} ${JSON.stringify(payload)?.slice(0, 300)}`)
            })
            .then((ack) => {
              stats.acked++
              if (expectErrorAck(ack, `#${n} ${event} ${JSON.stringify(payload)?.slice(0, 200)}`) === 'ok') {
                stats.ok++
                // The rare valid ones are reads (joins, a card's detail) or repeats of an applied
                // operation, which a move and an undo answer with the card as it is (the database
                // check below shows they changed nothing).
                if (!['board:join', 'board:leave', 'card:detail', 'card:move', 'card:undo'].includes(event)) {
                  throw new Error(`#${n} ${event} unexpectedly succeeded (FUZZ_SEED=${SEED}): ${JSON.stringify(payload)?.slice(0, 300)}`)
                }
              } else {
                const code = (ack as { error: { code: string } }).error.code
                stats.errors.set(code, (stats.errors.get(code) ?? 0) + 1)
              }
            }),
        )
      }
      await Promise.all(batch)
      if (!socket.connected) throw new Error(`the fuzzed socket was disconnected after event ${stats.sent} (FUZZ_SEED=${SEED})`)
    }

    // Everything sent before this is handled (one connection keeps order).
    await roundTrip(socket)
    expect(lateAcks, `repeated acks, or successful acks for unknown events or extra args (FUZZ_SEED=${SEED})`).toEqual([])
    expect([...extraArgsPending], `unknown events or commands with extra arguments left unanswered (FUZZ_SEED=${SEED})`).toEqual([])
    expect(stats.acked).toBeGreaterThan(EVENTS_TOTAL * 0.7)

    // Nothing changed, nothing polluted.
    expect(await dbSnapshot(server.db), `database changed (FUZZ_SEED=${SEED})`).toBe(before)
    expect(protoKeys()).toEqual(protoBefore)
    const probe = {} as Record<string, unknown>
    for (const key of POLLUTION_KEYS) expect(probe[key], `Object.prototype.${key} (FUZZ_SEED=${SEED})`).toBeUndefined()
    expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined()

    // The same socket and a fresh one still work: a normal move succeeds.
    expect(socket.connected).toBe(true)
    const card = onBoard.cards[0]!
    const moved = await sendOk(socket, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })
    expect(moved.version).toBe(card.version + 1)
    const fresh = await h.connect(server, sekretaris.cookie)
    const card2 = onBoard.cards[1]!
    const moved2 = await sendOk(fresh, 'card:move', { opId: opId(), cardId: card2.id, version: card2.version, to: { step: 2, lane: 'kepala_bidang' } })
    expect(moved2.version).toBe(card2.version + 1)

    console.info(
      `fuzz FUZZ_SEED=${SEED}: ${stats.sent} events, ${stats.acked} acked (${stats.ok} ok), errors ${JSON.stringify(Object.fromEntries(stats.errors))}, ` +
        `${stats.harmlessRewritten} valid mutations defused, ${stats.extraArgsAcked} extra-args acks`,
    )
  })

  it('an over-limit packet closes only the sender; the server keeps serving the others', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin)
    const bystander = await h.connect(server, admin.cookie)
    const card = unpacked(await sendOk(bystander, 'board:join', { cycleId: cycle.id })).cards[0]!
    const attacker = await h.connect(server, admin.cookie)
    const before = await dbSnapshot(server.db)

    const gone = disconnected(attacker, 5000)
    ;(attacker as unknown as RawEmitter).emit('card:note', { opId: opId(), cardId: card.id, text: 'x'.repeat(300 * 1024) }, () => {
      throw new Error('the oversized packet was answered')
    })
    expect(await gone).toBe('transport close')

    expect(bystander.connected).toBe(true)
    await roundTrip(bystander)
    expect(await dbSnapshot(server.db)).toBe(before)
    const moved = await sendOk(bystander, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })
    expect(moved.version).toBe(card.version + 1)
    const again = await h.connect(server, admin.cookie)
    await roundTrip(again)
  })
})

