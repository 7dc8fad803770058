import { Types } from 'mongoose'
import { describe, expect, it } from 'vitest'
import { api, connectError, createCycle, disconnected, opId, send, sendOk, unpacked, setupAdmin, useHarness } from '../test/harness'

/*
 * The session cookie behind a TLS-terminating proxy, and sessions ending after inactivity.
 * (Rotation at login: auth.test.ts, "a new login replaces the session it was sent with".)
 */

const h = useHarness()

function sessionCookieLine(res: { headers: Headers }): string {
  const line = res.headers.getSetCookie().find((l) => l.startsWith('papan_sid='))
  if (!line) throw new Error('no session cookie set')
  return line
}

describe('the session cookie behind a proxy', () => {
  it('is Secure when a trusted proxy (loopback) says the request came over HTTPS, and not otherwise', async () => {
    const server = await h.startServer({ deps: { trustProxy: 'loopback', cookieSecure: 'auto' } })
    const admin = await setupAdmin(server, { username: 'admin' })
    const body = { username: 'admin', password: admin.password }

    const overTls = await api(server, 'POST', '/api/auth/login', { body, headers: { 'x-forwarded-proto': 'https' } })
    expect(overTls.status).toBe(200)
    expect(sessionCookieLine(overTls)).toMatch(/;\s*Secure/i)

    const plain = await api(server, 'POST', '/api/auth/login', { body })
    expect(plain.status).toBe(200)
    expect(sessionCookieLine(plain)).not.toMatch(/;\s*Secure/i)
  })

  it('ignores X-Forwarded-Proto from a client that is not a trusted proxy', async () => {
    // The tests connect from 127.0.0.1, which this setting does not trust.
    const server = await h.startServer({ deps: { trustProxy: '10.9.8.7', cookieSecure: 'auto' } })
    const admin = await setupAdmin(server, { username: 'admin' })
    const res = await api(server, 'POST', '/api/auth/login', {
      body: { username: 'admin', password: admin.password },
      headers: { 'x-forwarded-proto': 'https' },
    })
    expect(res.status).toBe(200)
    expect(sessionCookieLine(res)).not.toMatch(/;\s*Secure/i)
  })
})

describe('inactivity', () => {
  it('ends a session after the idle time: the API answers 401 and a socket is refused; use keeps it alive', async () => {
    let now = Date.parse('2027-01-11T08:00:00+08:00')
    const idleMs = 30 * 60_000
    const server = await h.startServer({ clock: () => new Date(now), deps: { sessionIdleMs: idleMs } })
    const admin = await setupAdmin(server)

    // Used every 20 minutes, the session lives well past one idle period.
    for (let i = 0; i < 4; i++) {
      now += 20 * 60_000
      expect((await api(server, 'GET', '/api/auth/me', { cookie: admin.cookie })).status).toBe(200)
    }
    const socket = await h.connect(server, admin.cookie)
    socket.disconnect()

    now += idleMs + 1000
    const me = await api(server, 'GET', '/api/auth/me', { cookie: admin.cookie })
    expect(me.status).toBe(401)
    expect(await connectError(h.openSocket(server, admin.cookie))).toMatchObject({ message: 'UNAUTHENTICATED' })
    // The session is gone, not just asleep: turning the clock back does not revive it.
    now -= idleMs
    expect((await api(server, 'GET', '/api/auth/me', { cookie: admin.cookie })).status).toBe(401)
  })
})

describe('a socket lives only as long as its session', () => {
  const idleMs = 30 * 60_000

  async function start(sweepMs = 60_000) {
    const t = { now: Date.parse('2027-01-11T08:00:00+08:00') }
    const server = await h.startServer({ clock: () => new Date(t.now), deps: { sessionIdleMs: idleMs, sessionSweepMs: sweepMs } })
    const admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin)
    return { t, server, admin, cycle }
  }

  it('refuses a command after the session went idle, and closes the socket', async () => {
    const { t, server, admin, cycle } = await start()
    const socket = await h.connect(server, admin.cookie)
    const card = unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id })).cards[0]!
    const gone = disconnected(socket, 10_000)
    t.now += idleMs + 1000
    const move = await send(socket, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })
    expect(move).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    expect(await gone).toBe('io server disconnect')
    // Nothing moved, and the cookie is dead for HTTP and new sockets too.
    const stored = await server.db.collection('cards').findOne({ _id: new Types.ObjectId(card.id) })
    expect(stored?.version).toBe(card.version)
    expect((await api(server, 'GET', '/api/auth/me', { cookie: admin.cookie })).status).toBe(401)
    expect(await connectError(h.openSocket(server, admin.cookie))).toMatchObject({ message: 'UNAUTHENTICATED' })
  })

  it('counts socket commands as activity: a user who only works on the board stays signed in', async () => {
    const { t, server, admin, cycle } = await start()
    const socket = await h.connect(server, admin.cookie)
    for (let i = 0; i < 4; i++) {
      t.now += 20 * 60_000
      await sendOk(socket, 'board:join', { cycleId: cycle.id })
    }
    // Eighty minutes after the last HTTP request, the session still stands for HTTP as well.
    expect((await api(server, 'GET', '/api/auth/me', { cookie: admin.cookie })).status).toBe(200)
    expect(socket.connected).toBe(true)
  })

  it('closes a socket that only watches once its session has expired; an HTTP request in another tab keeps it open', async () => {
    const sweepMs = 50
    const { t, server, admin } = await start(sweepMs)
    const socket = await h.connect(server, admin.cookie)
    // Another tab uses the session over HTTP: past the socket's own idle time, the socket stays.
    t.now += 20 * 60_000
    expect((await api(server, 'GET', '/api/auth/me', { cookie: admin.cookie })).status).toBe(200)
    t.now += 20 * 60_000
    await new Promise((resolve) => setTimeout(resolve, sweepMs * 10))
    expect(socket.connected).toBe(true)
    // Then nothing uses it for a whole idle period.
    const gone = disconnected(socket, 10_000)
    t.now += idleMs
    expect(await gone).toBe('io server disconnect')
  })
})
