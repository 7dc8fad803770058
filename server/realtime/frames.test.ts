import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { BoardSnapshot } from '../../shared/protocol/board'
import { createCycle, opId, setupAdmin, unpacked, useHarness, type TestServer, type TestUser } from '../test/harness'

/*
 * Raw Socket.IO frames, written by hand over a plain WebSocket, as a hostile or careless client
 * would: every frame with an ack id gets exactly one answer, whatever it holds and whenever it
 * comes, and no key the schemas do not name gets through, whatever its name.
 */

const h = useHarness()

interface Raw {
  send(frame: string): void
  /** The frames received so far, without engine.io pings. */
  frames: string[]
  closed: () => boolean
  close(): void
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** An engine.io WebSocket, opened but not yet connected to the Socket.IO namespace. */
async function openRaw(server: TestServer, user: TestUser): Promise<Raw> {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { headers: { cookie: user.cookie } })
  const frames: string[] = []
  let closed = false
  ws.on('message', (data) => {
    const frame = data.toString()
    if (frame === '2') ws.send('3')
    else frames.push(frame)
  })
  ws.on('close', () => (closed = true))
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  await waitFor('the engine.io handshake', () => (frames.some((f) => f.startsWith('0')) ? true : undefined))
  return { send: (frame) => ws.send(frame), frames, closed: () => closed, close: () => ws.close() }
}

async function connected(server: TestServer, user: TestUser): Promise<Raw> {
  const raw = await openRaw(server, user)
  raw.send('40')
  await waitFor('the namespace connect', () => (raw.frames.some((f) => f.startsWith('40{')) ? true : undefined))
  return raw
}

/** Every answer to ack id `id` (Socket.IO ACK frames are `43<id>[…]`). */
function answersTo(raw: Raw, id: number): unknown[] {
  const prefix = `43${id}[`
  return raw.frames.filter((f) => f.startsWith(prefix)).map((f) => (JSON.parse(f.slice(prefix.length - 1)) as unknown[])[0])
}

async function answerTo(raw: Raw, id: number): Promise<{ ok: boolean; data?: unknown; error?: { code: string; reason?: string; params?: Record<string, string | number> } }> {
  const [answer] = await waitFor(`the answer to ack ${id}`, () => {
    const answers = answersTo(raw, id)
    return answers.length ? answers : undefined
  })
  return answer as { ok: boolean; error?: { code: string; reason?: string; params?: Record<string, string | number> } }
}

const deep = (depth: number, key = 'a') => `{"${key}":`.repeat(depth) + '1' + '}'.repeat(depth)

describe('every command frame with an ack id is answered exactly once', () => {
  it('answers commands sent before the connect was accepted, in order, instead of closing', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin)
    const raw = await openRaw(server, admin)
    // In one burst: the connect (authenticated asynchronously, from the database) and two commands.
    raw.send('40')
    raw.send('425409["board:join",null]')
    raw.send(`425410["board:join",{"cycleId":"${cycle.id}"}]`)
    expect((await answerTo(raw, 5409)).error?.code).toBe('VALIDATION')
    const joined = await answerTo(raw, 5410)
    expect(joined.ok).toBe(true)
    expect((joined.data as BoardSnapshot).cards.rows.length).toBeGreaterThan(0)
    expect(raw.closed()).toBe(false)
    raw.close()
  })

  it('closes a connection that sends more than 64 KB before its connect is answered', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const raw = await openRaw(server, admin)
    raw.send('40')
    for (let i = 0; i < 3; i++) raw.send(`42${i + 1}["board:join",${JSON.stringify({ cycleId: 'x'.repeat(30_000) })}]`)
    await waitFor('the connection to close', () => (raw.closed() ? true : undefined))
    expect(answersTo(raw, 1)).toEqual([])
  })

  it('answers unreadable frames, unknown events and payloads with a key twice with VALIDATION, and keeps the connection', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin)
    const raw = await connected(server, admin)
    const frames: [number, string][] = [
      [1, '["board:join",{"cycleId": '], // not JSON
      [2, '[null,{}]'], // no event name
      [3, '["disconnect",{}]'], // a reserved event name
      [4, '{"event":"board:join"}'], // not an array
      [5, '["card:delete",{"cardId":"x"}]'], // no such command
      [6, `["board:join",{"cycleId":"${cycle.id}","cycleId":"${cycle.id}"}]`], // a key twice
      [7, `["card:move",${deep(15_000, '\\u0000')}]`], // deep nesting under an odd key
      [8, `["card:note",{"opId":"abcdefgh12","cardId":"0123456789abcdef01234567","text":${deep(3000, '$ne')},"constructor":${deep(500)}}]`],
      [9, '["card:note",{"text":"\\x"}]'], // an invalid escape
    ]
    for (const [id, body] of frames) raw.send(`42${id}${body}`)
    for (const [id] of frames) {
      const answer = await answerTo(raw, id)
      expect(answer, `frame ${id}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    // Still connected, and a good command works after the bad ones.
    raw.send(`4210["board:join",{"cycleId":"${cycle.id}"}]`)
    expect((await answerTo(raw, 10)).ok).toBe(true)
    // Exactly once each.
    for (const [id] of frames) expect(answersTo(raw, id), `answers to frame ${id}`).toHaveLength(1)
    expect(raw.closed()).toBe(false)
    raw.close()
  })

  it('refuses an extra key named __proto__, constructor or prototype, at the top or nested, and moves nothing', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin)
    const raw = await connected(server, admin)
    raw.send(`421["board:join",{"cycleId":"${cycle.id}"}]`)
    const card = unpacked((await answerTo(raw, 1)).data as BoardSnapshot).cards[0]!
    const move = (extra: string, where: 'top' | 'to') => {
      const to = `{"step":2,"lane":"kepala_bidang"${where === 'to' ? `,${extra}` : ''}}`
      return `{"opId":"${opId()}","cardId":"${card.id}","version":${card.version},"to":${to}${where === 'top' ? `,${extra}` : ''}}`
    }
    let id = 100
    const sent: number[] = []
    for (const key of ['__proto__', 'constructor', 'prototype', 'toString']) {
      for (const where of ['top', 'to'] as const) {
        raw.send(`42${++id}["card:move",${move(`"${key}":{"isAdmin":true}`, where)}]`)
        sent.push(id)
      }
    }
    for (const n of sent) {
      const answer = await answerTo(raw, n)
      expect(answer, `frame ${n}`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      expect(answer.error?.params).toMatchObject({ issue: 'unrecognized_keys' })
    }
    raw.send(`42999["board:join",{"cycleId":"${cycle.id}"}]`)
    const after = unpacked((await answerTo(raw, 999)).data as BoardSnapshot).cards.find((c) => c.id === card.id)!
    expect(after.version).toBe(card.version)
    expect(after.step).toBe(card.step)
    raw.close()
  })
})
