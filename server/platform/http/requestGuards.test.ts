import { describe, expect, it } from 'vitest'
import type { NotificationList } from '../../../shared/protocol/notifications'
import { api, createCycle, createUser, dbSnapshot, opId, sendOk, unpacked, setupAdmin, useHarness, type TestServer, type TestUser } from '../../test/harness'
import { duplicateKeyIn } from './duplicateKeys'

/*
 * Cross-site request forgery and bodies that are not what they claim: every state-changing route
 * refuses, and the database is exactly as before.
 */

const h = useHarness()

/** A raw request, as a form or a script on another page would send it, with the victim's cookie. */
async function raw(server: TestServer, method: string, path: string, opts: { cookie?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  const res = await fetch(server.url + path, {
    method,
    headers: { ...(opts.cookie ? { cookie: opts.cookie } : {}), ...opts.headers },
    body: opts.body,
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as { error?: { code: string } } | null }
}

/** A user with one unread notification: a card moved into their lane. */
async function withUnreadNotification() {
  const server = await h.startServer()
  const admin = await setupAdmin(server, { role: 'kepala_badan' })
  const sekretaris = await createUser(server, admin, { role: 'sekretaris' })
  const kabid = await createUser(server, admin, { role: 'kepala_bidang', unitId: 'ppik' })
  const cycle = await createCycle(server, admin, { units: [{ id: 'ppik', name: 'Bidang PPIK', shortName: 'PPIK' }] })
  const socket = await h.connect(server, sekretaris.cookie)
  const card = unpacked(await sendOk(socket, 'board:join', { cycleId: cycle.id })).cards[0]!
  await sendOk(socket, 'card:move', { opId: opId(), cardId: card.id, version: card.version, to: { step: 2, lane: 'kepala_bidang' } })
  await waitUnread(server, kabid, 1)
  return { server, admin, sekretaris, kabid, card }
}

async function unread(server: TestServer, user: TestUser): Promise<number> {
  return (await api<NotificationList>(server, 'GET', '/api/notifications', { cookie: user.cookie })).body.unread
}

async function waitUnread(server: TestServer, user: TestUser, n: number): Promise<void> {
  for (let i = 0; i < 500 && (await unread(server, user)) !== n; i++) await new Promise((r) => setTimeout(r, 20))
  expect(await unread(server, user)).toBe(n)
}

describe('cross-site writes are refused', () => {
  it('refuses a write from another origin, a same-site page, or with no origin at all; lets the app and bearer clients in', async () => {
    const { server, kabid } = await withUnreadNotification()
    const before = await dbSnapshot(server.db)
    const json = { 'content-type': 'application/json' }
    const body = JSON.stringify({ all: true })
    const refusals: Record<string, string>[] = [
      { origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'cross-site' },
      // Another app on the same host: same site, other origin; SameSite=Lax sends the cookie.
      { origin: `http://localhost:${new URL(server.url).port}` },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'null' },
      {},
    ]
    for (const headers of refusals) {
      const res = await raw(server, 'POST', '/api/notifications/read', { cookie: kabid.cookie, headers: { ...json, ...headers }, body })
      expect(res.status, JSON.stringify(headers)).toBe(403)
      expect(res.body?.error?.code).toBe('FORBIDDEN')
    }
    expect(await dbSnapshot(server.db)).toBe(before)

    // The app's own page (what the browser sends for a same-origin fetch).
    const own = await raw(server, 'POST', '/api/notifications/read', { cookie: kabid.cookie, headers: { ...json, origin: server.url, 'sec-fetch-site': 'same-origin' }, body })
    expect(own.status).toBe(200)
    expect(await unread(server, kabid)).toBe(0)
  })

  it('a form post to logout or to mark notifications read changes nothing', async () => {
    const { server, kabid } = await withUnreadNotification()
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const crossSite = { ...form, origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'cross-site' }
    expect((await raw(server, 'POST', '/api/auth/logout', { cookie: kabid.cookie, headers: crossSite, body: 'x=1' })).status).toBe(403)
    expect((await raw(server, 'POST', '/api/notifications/read', { cookie: kabid.cookie, headers: crossSite, body: 'all=true' })).status).toBe(403)
    // Even from the app's own origin, a form body is not read as JSON.
    const sameOrigin = { ...form, origin: server.url }
    expect((await raw(server, 'POST', '/api/auth/logout', { cookie: kabid.cookie, headers: sameOrigin, body: 'x=1' })).status).toBe(415)
    expect((await raw(server, 'POST', '/api/notifications/read', { cookie: kabid.cookie, headers: sameOrigin, body: 'all=true' })).status).toBe(415)
    // Still signed in, still unread.
    expect((await api(server, 'GET', '/api/auth/me', { cookie: kabid.cookie })).status).toBe(200)
    expect(await unread(server, kabid)).toBe(1)
  })

  it('an upload needs a body type no form can send; a text/plain or urlencoded "%PDF-" stores nothing', async () => {
    const { server, sekretaris, card } = await withUnreadNotification()
    const before = await dbSnapshot(server.db)
    const pdfLike = '%PDF-1.4\n=1 0 obj\n'
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      for (const origin of ['http://127.0.0.1:1', server.url]) {
        const res = await raw(server, 'POST', `/api/cards/${card.id}/documents?name=a.pdf`, {
          cookie: sekretaris.cookie,
          headers: { origin, ...(type ? { 'content-type': type } : {}) },
          body: pdfLike,
        })
        expect(res.status, `${type} from ${origin}`).toBe(origin === server.url ? 415 : 403)
      }
    }
    expect(await dbSnapshot(server.db)).toBe(before)
  })

  it('a bearer token opts a non-browser client out of the origin check (and only that)', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const res = await raw(server, 'POST', '/api/auth/logout', { cookie: admin.cookie, headers: { authorization: 'Bearer anything' } })
    expect(res.status).toBe(204)
    const form = await raw(server, 'POST', '/api/auth/logout', { headers: { authorization: 'Bearer anything', 'content-type': 'text/plain' }, body: 'x' })
    expect(form.status).toBe(415)
  })
})

describe('a body that is missing, unreadable or ambiguous is refused and changes nothing', () => {
  it('on POST /api/notifications/read: never "all" by default', async () => {
    const { server, kabid } = await withUnreadNotification()
    const headers = { origin: server.url }
    const cases: { what: string; type?: string; body?: string; status: number }[] = [
      { what: 'no body', status: 400 },
      { what: 'JSON type, empty body', type: 'application/json', body: '', status: 400 },
      { what: 'an empty object', type: 'application/json', body: '{}', status: 400 },
      { what: 'text/plain garbage', type: 'text/plain', body: 'garbage', status: 415 },
      { what: 'garbage as JSON', type: 'application/json', body: '{"all": tru', status: 400 },
      { what: 'a key twice', type: 'application/json', body: '{"ids": ["0123456789abcdef01234567"], "ids": null}', status: 400 },
      { what: 'all twice', type: 'application/json', body: '{"all": true, "all": true}', status: 400 },
      { what: 'all false', type: 'application/json', body: '{"all": false}', status: 400 },
      { what: 'JSON null', type: 'application/json', body: 'null', status: 400 },
    ]
    for (const c of cases) {
      const res = await raw(server, 'POST', '/api/notifications/read', { cookie: kabid.cookie, headers: { ...headers, ...(c.type ? { 'content-type': c.type } : {}) }, body: c.body })
      expect(res.status, c.what).toBe(c.status)
      expect(res.body?.error?.code, c.what).toBe('VALIDATION')
    }
    expect(await unread(server, kabid)).toBe(1)
  })

  it('on every route that takes a body', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const cycle = await createCycle(server, admin)
    const before = await dbSnapshot(server.db)
    const routes: [string, string][] = [
      ['POST', '/api/setup'],
      ['POST', '/api/auth/login'],
      ['POST', '/api/users'],
      ['PATCH', `/api/users/${admin.id}`],
      ['POST', '/api/cycles'],
      ['POST', '/api/templates'],
      ['POST', '/api/notifications/read'],
      ['POST', '/api/displays'],
      ['PUT', '/api/calendar'],
    ]
    for (const [method, path] of routes) {
      const send = (type: string | undefined, body: string | undefined) =>
        raw(server, method, path, { cookie: admin.cookie, headers: { origin: server.url, ...(type ? { 'content-type': type } : {}) }, body })
      const what = `${method} ${path}`
      expect((await send(undefined, undefined)).status, `${what} without a body`).toBeGreaterThanOrEqual(400)
      expect((await send('text/plain', `{"cycleId":"${cycle.id}"}`)).status, `${what} as text/plain`).toBe(415)
      expect((await send('application/x-www-form-urlencoded', 'a=1')).status, `${what} as a form`).toBe(415)
      expect((await send('application/json', '{"a":')).status, `${what} unparsable`).toBe(400)
      expect((await send('application/json', '{"a":1,"a":2}')).status, `${what} duplicate keys`).toBe(400)
    }
    expect(await dbSnapshot(server.db)).toBe(before)
  })
})

describe('duplicateKeyIn', () => {
  it.each([
    ['{"a":1,"b":2}', null],
    ['{"a":1,"a":2}', 'a'],
    ['{"a":1,"\\u0061":2}', 'a'],
    ['{"a":{"a":1},"b":{"a":2}}', null],
    ['{"a":[{"x":1},{"x":2}],"b":"a"}', null],
    ['{"a":[{"x":1,"x":2}]}', 'x'],
    ['{"s":"\\"a\\":1,\\"a\\":2","t":1}', null],
    ['[{"k":1},{"k":1}]', null],
    ['{"a":{"b":{"c":1,"c":1}}}', 'c'],
  ])('%s → %s', (text, expected) => {
    expect(duplicateKeyIn(text)).toBe(expected)
  })
})
