import { describe, expect, it } from 'vitest'
import type { SessionDto } from '../../shared/protocol/users'
import { userModel } from '../users/model'
import { createUsersRepository } from '../users/repository'
import { api, createUser, login, sessionCookieOf, setupAdmin, useHarness } from '../test/harness'

/* The password policy (shared/auth/passwordPolicy.ts) wherever a password is set, and old accounts. */

const h = useHarness()

const WEAK: [string, string][] = [
  ['a run of digits', '0123456789'],
  ['the most common password', 'password12'],
  ['one repeated character', 'aaaaaaaaaa'],
  ['an Indonesian favourite', 'bismillah123'],
]

function expectPasswordRefused(res: { status: number; body: unknown }, field: string) {
  expect(res.status).toBe(400)
  expect(res.body).toMatchObject({ error: { code: 'VALIDATION', issues: [{ path: [field] }] } })
}

describe('setting a password', () => {
  it('the first-run setup refuses weak passwords and the username', async () => {
    const server = await h.startServer()
    const body = { name: 'Admin Utama', username: 'admin.utama', role: 'sekretaris' }
    for (const [label, password] of [...WEAK, ['the username', 'Admin.Utama'], ['the username with digits', 'adminutama2027']]) {
      const res = await api(server, 'POST', '/api/setup', { body: { ...body, password } })
      expect(res.status, label).toBe(400)
      expectPasswordRefused(res, 'password')
      expect(sessionCookieOf(res)).toBeUndefined()
    }
    expect((await api(server, 'GET', '/api/setup')).body).toEqual({ needsSetup: true })
    await setupAdmin(server, { ...body, password: 'kopi-pagi-di-paringin' })
  })

  it('an administrator cannot create a user with a weak password or their username', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const body = { name: 'Kurnia', username: 'kurnia', role: 'kasubag_program' }
    for (const [label, password] of [...WEAK, ['the username', 'KURNIA-2024']]) {
      const res = await api(server, 'POST', '/api/users', { cookie: admin.cookie, body: { ...body, password } })
      expect(res.status, label).toBe(400)
      expectPasswordRefused(res, 'password')
    }
    expect((await api(server, 'POST', '/api/users', { cookie: admin.cookie, body: { ...body, password: 'laporan-tepat-waktu' } })).status).toBe(201)
  })

  it('a user changes their own password: current one as proof, the new one under the policy', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const kurnia = await createUser(server, admin, { username: 'kurnia', role: 'kasubag_program' })
    const otherDevice = await login(server, 'kurnia', kurnia.password)
    const change = (body: unknown, cookie = kurnia.cookie) => api(server, 'POST', '/api/auth/password', { cookie, body })

    expect((await api(server, 'POST', '/api/auth/password', { body: { currentPassword: kurnia.password, newPassword: 'laporan-tepat-waktu' } })).status).toBe(401)
    for (const [label, newPassword] of [...WEAK, ['the username', 'kurnia-kurnia'], ['the same password', kurnia.password]]) {
      const res = await change({ currentPassword: kurnia.password, newPassword })
      expect(res.status, label).toBe(400)
      expectPasswordRefused(res, 'newPassword')
    }
    const wrong = await change({ currentPassword: 'bukan-sandi-saya', newPassword: 'laporan-tepat-waktu' })
    expect(wrong.status).toBe(403)
    expect(wrong.body).toMatchObject({ error: { code: 'FORBIDDEN' } })

    const done = await change({ currentPassword: kurnia.password, newPassword: 'laporan-tepat-waktu' })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ user: { id: kurnia.id }, weakPassword: false })
    // This session goes on; the others (whoever knew the old password) are ended.
    expect((await api(server, 'GET', '/api/auth/me', { cookie: kurnia.cookie })).status).toBe(200)
    expect((await api(server, 'GET', '/api/auth/me', { cookie: otherDevice })).status).toBe(401)
    expect((await api(server, 'POST', '/api/auth/login', { body: { username: 'kurnia', password: kurnia.password } })).status).toBe(401)
    await login(server, 'kurnia', 'laporan-tepat-waktu')
  })
})

describe('an account from before the policy', () => {
  it('still signs in with its weak password and is told to change it, until it does', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    // Written past the API, as the accounts created before the policy were.
    const users = createUsersRepository(userModel(server.db))
    const old = await users.create({ name: 'Sari Lama', username: 'sari', role: 'sekretaris', isAdmin: false, password: 'password' })

    const res = await api<SessionDto>(server, 'POST', '/api/auth/login', { body: { username: 'sari', password: 'password' } })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ user: old, weakPassword: true })
    const cookie = sessionCookieOf(res)
    expect((await api<SessionDto>(server, 'GET', '/api/auth/me', { cookie })).body.weakPassword).toBe(true)
    // Everyone else's sessions are not flagged.
    expect((await api<SessionDto>(server, 'GET', '/api/auth/me', { cookie: admin.cookie })).body.weakPassword).toBe(false)

    const changed = await api(server, 'POST', '/api/auth/password', { cookie, body: { currentPassword: 'password', newPassword: 'laporan-tepat-waktu' } })
    expect(changed.status).toBe(200)
    expect((await api<SessionDto>(server, 'GET', '/api/auth/me', { cookie })).body.weakPassword).toBe(false)
    const again = await api<SessionDto>(server, 'POST', '/api/auth/login', { body: { username: 'sari', password: 'laporan-tepat-waktu' } })
    expect(again.body.weakPassword).toBe(false)
  })
})
