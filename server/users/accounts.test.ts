import { describe, expect, it } from 'vitest'
import type { PasswordResetDto, SessionDto, UserDto } from '../../shared/protocol/users'
import { api, connectError, createCycle, createUser, fakeClock, login, sessionCookieOf, setupAdmin, useHarness } from '../test/harness'

const h = useHarness()

describe('accounts managed by an administrator', () => {
  it('edits name, NIP, role, unit and the administrator flag; others may not, nor may one demote oneself', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const staff = await createUser(server, admin, { role: 'sekretaris', name: 'Siti' })
    const body = { name: 'Siti Aminah', nip: '198001012005012001', role: 'kepala_bidang', unitId: 'ppik', isAdmin: false }

    expect((await api(server, 'PUT', `/api/users/${staff.id}`, { cookie: staff.cookie, body })).status).toBe(403)
    const edited = await api<{ user: UserDto }>(server, 'PUT', `/api/users/${staff.id}`, { cookie: admin.cookie, body })
    expect(edited.status).toBe(200)
    expect(edited.body.user).toMatchObject({ id: staff.id, username: staff.username, ...body, active: true, mustChangePassword: false })
    // Her session stands and reads her new role at once.
    expect((await api<SessionDto>(server, 'GET', '/api/auth/me', { cookie: staff.cookie })).body.user).toMatchObject({ role: 'kepala_bidang', unitId: 'ppik' })

    // A unit-scoped role needs its unit; a role that is no lane is refused.
    const noUnit = await api(server, 'PUT', `/api/users/${staff.id}`, { cookie: admin.cookie, body: { ...body, unitId: null } })
    expect(noUnit.body).toMatchObject({ error: { code: 'VALIDATION', reason: 'unit_required' } })
    const unknown = await api(server, 'PUT', `/api/users/${staff.id}`, { cookie: admin.cookie, body: { ...body, role: 'bendahara' } })
    expect(unknown.body).toMatchObject({ error: { code: 'VALIDATION', reason: 'role_unknown' } })
    // No lane, only for an administrator.
    const laneless = await api(server, 'PUT', `/api/users/${staff.id}`, { cookie: admin.cookie, body: { ...body, role: 'administrator', unitId: null } })
    expect(laneless.body).toMatchObject({ error: { code: 'VALIDATION', reason: 'role_admin_only' } })
    const demote = await api(server, 'PUT', `/api/users/${admin.id}`, { cookie: admin.cookie, body: { name: admin.name, role: 'sekretaris', isAdmin: false } })
    expect(demote.body).toEqual({ error: { code: 'FORBIDDEN', reason: 'self_demote' } })
    expect((await api(server, 'PUT', '/api/users/000000000000000000000000', { cookie: admin.cookie, body })).status).toBe(404)
  })

  it('resets a forgotten password: a temporary one, once shown, for 24 hours and only to choose a new one', async () => {
    const t = fakeClock('2027-01-11 08:00')
    const server = await h.startServer({ clock: t.clock })
    const admin = await setupAdmin(server)
    const staff = await createUser(server, admin, { role: 'sekretaris', username: 'siti' })
    const cycle = await createCycle(server, admin)

    expect((await api(server, 'POST', `/api/users/${staff.id}/password-reset`, { cookie: staff.cookie, body: {} })).status).toBe(403)
    const reset = await api<PasswordResetDto>(server, 'POST', `/api/users/${staff.id}/password-reset`, { cookie: admin.cookie, body: {} })
    expect(reset.status).toBe(200)
    const { temporaryPassword, expiresAt, user } = reset.body
    expect(temporaryPassword).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}$/)
    expect(expiresAt).toBe(new Date(t.clock().getTime() + 24 * 3600_000).toISOString())
    expect(user.mustChangePassword).toBe(true)
    const stored = await server.db.collection('users').findOne({ username: 'siti' })
    expect(JSON.stringify(stored)).not.toContain(temporaryPassword)

    // Her old session and password are gone.
    expect((await api(server, 'GET', '/api/auth/me', { cookie: staff.cookie })).status).toBe(401)
    expect((await api(server, 'POST', '/api/auth/login', { body: { username: 'siti', password: staff.password } })).status).toBe(401)

    // The temporary one signs her in to change it, and to nothing else.
    const cookie = await login(server, 'siti', temporaryPassword)
    const me = await api<SessionDto>(server, 'GET', '/api/auth/me', { cookie })
    expect(me.body.user.mustChangePassword).toBe(true)
    // The app's start (is setup needed?) still answers, so the page can send her to the password form.
    expect((await api(server, 'GET', '/api/setup', { cookie })).status).toBe(200)
    const blocked = await api(server, 'GET', '/api/cycles', { cookie })
    expect(blocked.body).toEqual({ error: { code: 'FORBIDDEN', reason: 'password_change_required' } })
    expect((await connectError(h.openSocket(server, cookie))).message).toBe('PASSWORD_CHANGE_REQUIRED')

    const changed = await api<SessionDto>(server, 'POST', '/api/auth/password', { cookie, body: { currentPassword: temporaryPassword, newPassword: 'ganti-kunci-baru-2027' } })
    expect(changed.status).toBe(200)
    expect(changed.body.user.mustChangePassword).toBe(false)
    expect((await api(server, 'GET', `/api/cycles/${cycle.id}/stats`, { cookie })).status).toBe(200)
    expect((await api(server, 'POST', '/api/auth/login', { body: { username: 'siti', password: temporaryPassword } })).status).toBe(401)

    // A temporary password not used within 24 hours no longer opens the account.
    const again = await api<PasswordResetDto>(server, 'POST', `/api/users/${staff.id}/password-reset`, { cookie: admin.cookie, body: {} })
    t.set('2027-01-12 08:01')
    const late = await api(server, 'POST', '/api/auth/login', { body: { username: 'siti', password: again.body.temporaryPassword } })
    expect(late.status).toBe(401)
    expect(sessionCookieOf(late)).toBeUndefined()
  })

  it('lets the first administrator hold no SOP lane: no card is theirs in Tugas saya', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server, { role: 'administrator' })
    expect(admin).toMatchObject({ role: 'administrator', unitId: null, isAdmin: true })
    await createCycle(server, admin)
    const tasks = await api<{ cards: unknown[] }>(server, 'GET', '/api/tasks', { cookie: admin.cookie })
    expect(tasks.body.cards).toEqual([])
    // Another administrator may hold no lane too.
    const created = await api(server, 'POST', '/api/users', {
      cookie: admin.cookie,
      body: { name: 'Kedua', username: 'kedua', role: 'administrator', isAdmin: true, password: 'rahasia-admin-lain-27' },
    })
    expect(created.status).toBe(201)
  })
})
