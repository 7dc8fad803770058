import { describe, expect, it } from 'vitest'
import { api, connectError, setupAdmin, useHarness } from '../test/harness'

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
