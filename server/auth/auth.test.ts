import { io as ioClient } from 'socket.io-client'
import { describe, expect, it } from 'vitest'
import {
  api,
  connectError,
  createUser,
  disconnected,
  login,
  roundTrip,
  sessionCookieOf,
  setupAdmin,
  useHarness,
} from '../test/harness'

const h = useHarness()

describe('first-run setup', () => {
  it('creates the first administrator once; needsSetup flips', async () => {
    const server = await h.startServer()
    expect((await api(server, 'GET', '/api/setup')).body).toEqual({ needsSetup: true })

    const admin = await setupAdmin(server, { name: 'Admin Utama', username: 'Admin' })
    expect(admin).toMatchObject({ name: 'Admin Utama', username: 'admin', isAdmin: true, active: true })
    expect(admin).not.toHaveProperty('passwordHash')
    expect((await api(server, 'GET', '/api/setup')).body).toEqual({ needsSetup: false })

    const me = await api(server, 'GET', '/api/auth/me', { cookie: admin.cookie })
    expect(me.status).toBe(200)
    expect(me.body).toMatchObject({ user: { id: admin.id, isAdmin: true } })

    const again = await api(server, 'POST', '/api/setup', {
      body: { name: 'Penyusup', username: 'penyusup', role: 'sekretaris', password: 'rahasia-sekali-123' },
    })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ error: { code: 'CONFLICT' } })
    expect(sessionCookieOf(again)).toBeUndefined()
  })

  it('lets exactly one of two racing setups through', async () => {
    const server = await h.startServer()
    const body = (username: string) => ({ name: username, username, role: 'sekretaris', password: 'rahasia-sekali-123' })
    const results = await Promise.all([
      api(server, 'POST', '/api/setup', { body: body('pertama') }),
      api(server, 'POST', '/api/setup', { body: body('kedua') }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([201, 409])
    const winner = results.find((r) => r.status === 201)
    const cookie = winner && sessionCookieOf(winner)
    expect(cookie).toBeDefined()
    const users = await api<{ users: unknown[] }>(server, 'GET', '/api/users', { cookie })
    expect(users.body.users).toHaveLength(1)
  })

  it('refuses a setup with invalid data and stays open for a valid one', async () => {
    const server = await h.startServer()
    const bad = await api(server, 'POST', '/api/setup', {
      body: { name: 'A', username: 'a', role: 'sekretaris', password: 'short' },
    })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ error: { code: 'VALIDATION' } })
    expect((await api(server, 'GET', '/api/setup')).body).toEqual({ needsSetup: true })
    await setupAdmin(server)
  })

  it('holds the first administrator to the role rules of every user', async () => {
    const server = await h.startServer()
    const base = { name: 'Admin', username: 'admin', password: 'rahasia-sekali-123' }
    for (const body of [
      { ...base, role: 'kepala_dinas' }, // not a lane of the SOP
      { ...base, role: 'kepala_bidang' }, // a unit head without a unit
    ]) {
      const res = await api(server, 'POST', '/api/setup', { body })
      expect(res.status, body.role).toBe(400)
      expect(res.body).toMatchObject({ error: { code: 'VALIDATION' } })
    }
    expect((await api(server, 'GET', '/api/setup')).body).toEqual({ needsSetup: true })
    const kabid = await setupAdmin(server, { role: 'kepala_bidang', unitId: 'ppik' })
    expect(kabid).toMatchObject({ role: 'kepala_bidang', unitId: 'ppik', isAdmin: true })
  })

  it('keeps no unit for an administrator whose role is not unit-scoped', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server, { role: 'sekretaris', unitId: 'ppik' })
    expect(admin).toMatchObject({ role: 'sekretaris', unitId: null })
  })
})

describe('login and logout', () => {
  it('answers a wrong password and an unknown user with the same 401', async () => {
    const server = await h.startServer()
    await setupAdmin(server, { username: 'admin' })
    const wrongPassword = await api(server, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'salah-salah-salah' } })
    const unknownUser = await api(server, 'POST', '/api/auth/login', { body: { username: 'siapa', password: 'salah-salah-salah' } })
    expect(wrongPassword.status).toBe(401)
    expect(unknownUser.status).toBe(401)
    expect(unknownUser.body).toEqual(wrongPassword.body)
    expect(wrongPassword.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
    expect(sessionCookieOf(wrongPassword)).toBeUndefined()
  })

  it('sets an httpOnly SameSite session cookie and accepts the username in any case', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server, { username: 'admin' })
    const res = await api(server, 'POST', '/api/auth/login', { body: { username: ' ADMIN ', password: admin.password } })
    expect(res.status).toBe(200)
    const setCookie = res.headers.getSetCookie().join('\n')
    expect(setCookie).toMatch(/papan_sid=[^;]+;/)
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(res.body).toMatchObject({ user: { id: admin.id } })
  })

  it('logout ends the session: the old cookie no longer works', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    expect((await api(server, 'GET', '/api/auth/me', { cookie: admin.cookie })).status).toBe(200)
    const out = await api(server, 'POST', '/api/auth/logout', { cookie: admin.cookie })
    expect(out.status).toBe(204)
    expect(out.headers.getSetCookie().join('\n')).toMatch(/papan_sid=;/)
    const me = await api(server, 'GET', '/api/auth/me', { cookie: admin.cookie })
    expect(me.status).toBe(401)
    expect(me.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })
    expect(await connectError(h.openSocket(server, admin.cookie))).toMatchObject({ message: 'UNAUTHENTICATED' })
  })

  it('logout closes the sockets of that session and leaves the other sessions of the user open', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server, { username: 'admin' })
    const otherCookie = await login(server, 'admin', admin.password)
    const thisTab = await h.connect(server, admin.cookie)
    const otherDevice = await h.connect(server, otherCookie)
    const gone = disconnected(thisTab)

    expect((await api(server, 'POST', '/api/auth/logout', { cookie: admin.cookie })).status).toBe(204)

    expect(await gone).toBe('io server disconnect')
    await roundTrip(otherDevice)
    expect(otherDevice.connected).toBe(true)
  })

  it('a new login replaces the session it was sent with', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server, { username: 'admin' })
    const res = await api(server, 'POST', '/api/auth/login', {
      cookie: admin.cookie,
      body: { username: 'admin', password: admin.password },
    })
    const fresh = sessionCookieOf(res)
    expect(fresh).toBeDefined()
    expect(fresh).not.toBe(admin.cookie)
    expect((await api(server, 'GET', '/api/auth/me', { cookie: admin.cookie })).status).toBe(401)
    expect((await api(server, 'GET', '/api/auth/me', { cookie: fresh })).status).toBe(200)
  })
})

describe('deactivation', () => {
  it('ends the sessions and open sockets of a deactivated user, who cannot log in again', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const kasubag = await createUser(server, admin, { name: 'Kasubag', username: 'kasubag', role: 'kasubag_program' })
    const socket = await h.connect(server, kasubag.cookie)
    const gone = disconnected(socket)

    const res = await api(server, 'PATCH', `/api/users/${kasubag.id}`, { cookie: admin.cookie, body: { active: false } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ user: { id: kasubag.id, active: false } })

    expect(await gone).toBe('io server disconnect')
    expect((await api(server, 'GET', '/api/auth/me', { cookie: kasubag.cookie })).status).toBe(401)

    const relogin = await api(server, 'POST', '/api/auth/login', { body: { username: 'kasubag', password: kasubag.password } })
    const wrong = await api(server, 'POST', '/api/auth/login', { body: { username: 'kasubag', password: 'salah-salah-salah' } })
    expect(relogin.status).toBe(401)
    expect(relogin.body).toEqual(wrong.body)
    expect(await connectError(h.openSocket(server, kasubag.cookie))).toMatchObject({ message: 'UNAUTHENTICATED' })

    // Reactivated, the same password works again.
    await api(server, 'PATCH', `/api/users/${kasubag.id}`, { cookie: admin.cookie, body: { active: true } })
    await login(server, 'kasubag', kasubag.password)
  })

  it('an administrator cannot deactivate their own account', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const res = await api(server, 'PATCH', `/api/users/${admin.id}`, { cookie: admin.cookie, body: { active: false } })
    expect(res.status).toBe(403)
    expect(res.body).toMatchObject({ error: { code: 'FORBIDDEN' } })
  })
})

describe('socket authentication', () => {
  it('refuses a socket without a session', async () => {
    const server = await h.startServer()
    expect(await connectError(h.openSocket(server, undefined))).toMatchObject({ message: 'UNAUTHENTICATED' })
  })

  it('refuses a socket with a bogus or oversized cookie', async () => {
    const server = await h.startServer()
    await setupAdmin(server)
    for (const cookie of ['papan_sid=bogus', `papan_sid=${'x'.repeat(500)}`, 'papan_sid=%E0%A4%A', 'other=1']) {
      expect(await connectError(h.openSocket(server, cookie)), cookie).toMatchObject({ message: 'UNAUTHENTICATED' })
    }
  })

  it('refuses a handshake from a page of another origin, even with a valid cookie', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const foreign = ioClient(server.url, {
      extraHeaders: { cookie: admin.cookie, origin: 'http://evil.example' },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    })
    try {
      await expect(connectError(foreign)).resolves.toBeInstanceOf(Error)
      expect(foreign.connected).toBe(false)
    } finally {
      foreign.disconnect()
    }
    const own = ioClient(server.url, {
      extraHeaders: { cookie: admin.cookie, origin: server.url },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    })
    try {
      await new Promise<void>((resolve, reject) => {
        own.once('connect', () => resolve())
        own.once('connect_error', reject)
      })
    } finally {
      own.disconnect()
    }
  })

  it('accepts a socket with the session cookie of a login', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const socket = await h.connect(server, admin.cookie)
    expect(socket.connected).toBe(true)
  })
})
