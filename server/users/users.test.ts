import { beforeAll, describe, expect, it } from 'vitest'
import type { UserDto } from '../../shared/protocol/users'
import { api, createUser, login, setupAdmin, useHarness, type TestServer, type TestUser } from '../test/harness'

const h = useHarness()

// Users are never deleted, and every test below picks usernames of its own: one server will do.
let server: TestServer
let admin: TestUser
let staff: TestUser

beforeAll(async () => {
  server = await h.startServer()
  admin = await setupAdmin(server, { name: 'Admin Utama' })
  staff = await createUser(server, admin, { name: 'Kurnia Kasubag', username: 'kurnia', role: 'kasubag_program' })
})

const newUser = (username: string, extra: Record<string, unknown> = {}) => ({
  name: `Nama ${username}`,
  username,
  role: 'sekretaris',
  password: 'rahasia-sekali-123',
  ...extra,
})

describe('users', () => {
  it('only administrators create users', async () => {
    const anonymous = await api(server, 'POST', '/api/users', { body: newUser('anon1') })
    expect(anonymous.status).toBe(401)
    expect(anonymous.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } })

    const byStaff = await api(server, 'POST', '/api/users', { cookie: staff.cookie, body: newUser('staff1') })
    expect(byStaff.status).toBe(403)
    expect(byStaff.body).toMatchObject({ error: { code: 'FORBIDDEN' } })
    expect((await api(server, 'GET', '/api/users', { cookie: staff.cookie })).status).toBe(403)
    expect((await api(server, 'PATCH', `/api/users/${admin.id}`, { cookie: staff.cookie, body: { active: false } })).status).toBe(403)

    const byAdmin = await api<{ user: UserDto }>(server, 'POST', '/api/users', {
      cookie: admin.cookie,
      body: newUser('sari', { name: 'Sari Sekretaris', nip: '198001012005012001' }),
    })
    expect(byAdmin.status).toBe(201)
    expect(byAdmin.body.user).toEqual({
      id: expect.any(String),
      name: 'Sari Sekretaris',
      username: 'sari',
      nip: '198001012005012001',
      role: 'sekretaris',
      unitId: null,
      isAdmin: false,
      active: true,
      mustChangePassword: false,
    })
    await login(server, 'sari', 'rahasia-sekali-123')

    const list = await api<{ users: UserDto[] }>(server, 'GET', '/api/users', { cookie: admin.cookie })
    expect(list.body.users.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'kurnia', 'sari']))
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|scrypt/)
  })

  it('refuses a duplicate username, whatever its case, with CONFLICT', async () => {
    await createUser(server, admin, { username: 'budi', role: 'kasubag_program' })
    for (const username of ['budi', 'BUDI', ' Budi ']) {
      const res = await api(server, 'POST', '/api/users', { cookie: admin.cookie, body: newUser(username) })
      expect(res.status, username).toBe(409)
      expect(res.body).toMatchObject({ error: { code: 'CONFLICT' } })
    }
  })

  it('requires a unit for Kepala Bidang and Kepala Seksi, and drops it for other roles', async () => {
    for (const role of ['kepala_bidang', 'kepala_seksi']) {
      const res = await api(server, 'POST', '/api/users', { cookie: admin.cookie, body: newUser(`tanpa-unit-${role}`, { role }) })
      expect(res.status, role).toBe(400)
      expect(res.body).toMatchObject({ error: { code: 'VALIDATION' } })
    }
    const kabid = await api<{ user: UserDto }>(server, 'POST', '/api/users', {
      cookie: admin.cookie,
      body: newUser('kabid-ppik', { role: 'kepala_bidang', unitId: 'ppik' }),
    })
    expect(kabid.status).toBe(201)
    expect(kabid.body.user).toMatchObject({ role: 'kepala_bidang', unitId: 'ppik' })

    const kasubag = await api<{ user: UserDto }>(server, 'POST', '/api/users', {
      cookie: admin.cookie,
      body: newUser('kasubag-unit', { role: 'kasubag_program', unitId: 'ppik' }),
    })
    expect(kasubag.body.user).toMatchObject({ role: 'kasubag_program', unitId: null })
  })

  it.each([
    ['an unknown role', { role: 'kepala_dinas' }],
    ['a short password', { password: 'pendek' }],
    ['a username with spaces', { username: 'nama saya' }],
    ['a NIP that is not 18 digits', { nip: '12345' }],
    ['an operator as username', { username: { $gt: '' } }],
    ['an extra key', { passwordHash: 'scrypt$1$1$1$x$y' }],
    ['isAdmin as a string', { isAdmin: 'true' }],
  ])('refuses %s as VALIDATION', async (_label, extra) => {
    const res = await api(server, 'POST', '/api/users', { cookie: admin.cookie, body: { ...newUser('valid-name'), ...extra } })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: { code: 'VALIDATION' } })
  })

  it('an administrator can create another administrator', async () => {
    const second = await createUser(server, admin, { username: 'admin-dua', role: 'kepala_badan', isAdmin: true })
    expect(second.isAdmin).toBe(true)
    const res = await api(server, 'POST', '/api/users', { cookie: second.cookie, body: newUser('dibuat-admin-dua') })
    expect(res.status).toBe(201)
  })

  it('answers an unknown or malformed user id with NOT_FOUND', async () => {
    for (const id of ['000000000000000000000000', 'bukan-id']) {
      const res = await api(server, 'PATCH', `/api/users/${id}`, { cookie: admin.cookie, body: { active: false } })
      expect(res.status, id).toBe(404)
      expect(res.body).toMatchObject({ error: { code: 'NOT_FOUND' } })
    }
  })
})
