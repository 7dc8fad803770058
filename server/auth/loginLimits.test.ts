import { describe, expect, it } from 'vitest'
import type { ApiResponse, TestServer } from '../test/harness'
import { api, createUser, sessionCookieOf, setupAdmin, useHarness } from '../test/harness'

/*
 * The login limits of server/auth/rateLimit.ts over the real app. The tests connect from
 * 127.0.0.1, which the default TRUST_PROXY (loopback) trusts, so X-Forwarded-For says which
 * address each attempt comes from. Waits pass on a fake clock.
 */

const h = useHarness()
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

const OFFICE = '198.51.100.20'
const WRONG = 'salah-salah-salah'

interface From {
  address: string
  /** The browser's cookies to send (the known-browser cookie of an earlier login). */
  cookie?: string
}

function loginFrom(server: TestServer, from: From, username: string, password: string) {
  return api<{ error?: { code: string; params?: { retryAfterSeconds?: number } } }>(server, 'POST', '/api/auth/login', {
    body: { username, password },
    cookie: from.cookie,
    headers: { 'x-forwarded-for': from.address },
  })
}

/** `papan_known=…` from a login's Set-Cookie. */
function knownBrowserCookieOf(res: ApiResponse): string {
  const pair = res.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .find((p) => p.startsWith('papan_known='))
  if (!pair) throw new Error('no known-browser cookie set')
  return pair
}

function expectWait(res: Awaited<ReturnType<typeof loginFrom>>, seconds: number) {
  expect(res.status).toBe(429)
  expect(res.body.error).toMatchObject({ code: 'RATE_LIMITED', params: { retryAfterSeconds: seconds } })
  expect(res.headers.get('retry-after')).toBe(String(seconds))
  expect(sessionCookieOf(res)).toBeUndefined()
}

describe('guessing from one address', () => {
  it('is slowed after three failures by a wait that doubles up to 15 minutes, refusing the right password too', async () => {
    let now = Date.parse('2027-01-11T08:00:00+08:00')
    const server = await h.startServer({ clock: () => new Date(now) })
    const admin = await setupAdmin(server, { username: 'admin' })
    const guesser = { address: '203.0.113.7' }

    for (let i = 1; i <= 3; i++) expect((await loginFrom(server, guesser, 'admin', WRONG)).status, `guess ${i}`).toBe(401)
    // During the wait the password is not looked at: the right one would not confirm a guess early.
    expectWait(await loginFrom(server, guesser, 'admin', admin.password), 15)
    now += 14_000
    expectWait(await loginFrom(server, guesser, 'admin', admin.password), 1)

    let wait = 15
    for (const next of [30, 60, 120, 240, 480, 900, 900]) {
      now += wait * 1000
      expect((await loginFrom(server, guesser, 'admin', WRONG)).status).toBe(401)
      expectWait(await loginFrom(server, guesser, 'admin', WRONG), next)
      wait = next
    }

    now += wait * 1000
    const ok = await loginFrom(server, guesser, 'admin', admin.password)
    expect(ok.status).toBe(200)
    expect(sessionCookieOf(ok)).toBeDefined()
    // The success cleared the pair: three free failures again, then the first wait.
    for (let i = 1; i <= 3; i++) expect((await loginFrom(server, guesser, 'admin', WRONG)).status).toBe(401)
    expectWait(await loginFrom(server, guesser, 'admin', WRONG), 15)
  })

  it('checks at most the free attempts of parallel guesses before the first failure is counted', async () => {
    const server = await h.startServer({ clock: () => new Date('2027-01-11T08:00:00+08:00') })
    await setupAdmin(server, { username: 'admin' })
    const guesses = await Promise.all(Array.from({ length: 10 }, (_, i) => loginFrom(server, { address: '203.0.113.8' }, 'admin', `tebakan-ke-${i}`)))
    const statuses = guesses.map((r) => r.status).sort()
    expect(statuses).toEqual([...Array(3).fill(401), ...Array(7).fill(429)])
  })

  it('limits password spraying across usernames from one address, but not a browser that signed in before', async () => {
    const server = await h.startServer({ clock: () => new Date('2027-01-11T08:00:00+08:00') })
    const admin = await setupAdmin(server, { username: 'admin' })
    const kurnia = await createUser(server, admin, { username: 'kurnia', role: 'kasubag_program' })
    // An office behind one address; Kurnia has signed in from there before.
    const office = { address: OFFICE }
    const own = await loginFrom(server, office, 'kurnia', kurnia.password)
    expect(own.status).toBe(200)
    const kurniasBrowser = knownBrowserCookieOf(own)

    for (let i = 1; i <= 20; i++) expect((await loginFrom(server, office, `orang${i}`, 'tebak-tebak-123')).status, `user ${i}`).toBe(401)
    expectWait(await loginFrom(server, office, 'orang21', 'tebak-tebak-123'), 60)
    // Others behind the sprayed address wait too; a known address is no way around this counter,
    // since it is everyone's in an office. The browser that signed in to the account before is.
    expect((await loginFrom(server, office, 'admin', admin.password)).status).toBe(429)
    expect((await loginFrom(server, office, 'kurnia', kurnia.password)).status).toBe(429)
    expect((await loginFrom(server, { ...office, cookie: kurniasBrowser }, 'kurnia', kurnia.password)).status).toBe(200)
  })

  it('does not count successful logins against an office sharing one address', async () => {
    // A whole office behind one NAT signs in at 07.30; only failures may use up the address's budget.
    const server = await h.startServer()
    const admin = await setupAdmin(server, { username: 'admin' })
    for (let i = 1; i <= 21; i++) {
      const res = await loginFrom(server, { address: OFFICE }, 'admin', admin.password)
      expect(res.status, `login ${i}`).toBe(200)
    }
  })
})

describe('guessing one account from many addresses', () => {
  async function attacked() {
    const server = await h.startServer({ clock: () => new Date('2027-01-11T08:00:00+08:00') })
    const admin = await setupAdmin(server, { username: 'admin' })
    const kurnia = await createUser(server, admin, { username: 'kurnia', role: 'kasubag_program' })
    // The owner signed in at the office before the attack.
    const before = await loginFrom(server, { address: OFFICE }, 'kurnia', kurnia.password)
    expect(before.status).toBe(200)
    const browser = knownBrowserCookieOf(before)

    // 30 addresses, two guesses each: within each pair's free failures, so only the account limit bites.
    const statuses: number[] = []
    for (let a = 1; a <= 30; a++) {
      for (let g = 1; g <= 2; g++) statuses.push((await loginFrom(server, { address: `203.0.113.${a}` }, 'kurnia', `tebakan-${a}-${g}`)).status)
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401))
    expect(new Set(statuses.slice(10))).toEqual(new Set([429]))
    return { server, admin, kurnia, browser }
  }

  it('keeps strangers waiting but lets the owner in from where they signed in before', async () => {
    const { server, kurnia, browser } = await attacked()
    // From the office address, no cookie needed.
    expect((await loginFrom(server, { address: OFFICE }, 'kurnia', kurnia.password)).status).toBe(200)
    // From a new address in the browser that signed in before (a phone on mobile data, say).
    expect((await loginFrom(server, { address: '192.0.2.77', cookie: browser }, 'kurnia', kurnia.password)).status).toBe(200)
    // A place the account never signed in from waits, even with the right password.
    expect((await loginFrom(server, { address: '192.0.2.88' }, 'kurnia', kurnia.password)).status).toBe(429)
    // A forged or foreign known-browser entry is no exemption.
    const forged = browser.replace(/papan_known=kurnia/, 'papan_known=admin')
    expect((await loginFrom(server, { address: '192.0.2.88', cookie: forged }, 'kurnia', kurnia.password)).status).toBe(429)
  })

  it('an administrator\'s unlock clears the account, so it can sign in from anywhere again', async () => {
    const { server, admin, kurnia } = await attacked()
    const newPhone = { address: '192.0.2.99' }
    expect((await loginFrom(server, newPhone, 'kurnia', kurnia.password)).status).toBe(429)

    const byStaff = await api(server, 'POST', `/api/users/${kurnia.id}/unlock`, { cookie: kurnia.cookie })
    expect(byStaff.status).toBe(403)
    expect((await api(server, 'POST', '/api/users/000000000000000000000000/unlock', { cookie: admin.cookie })).status).toBe(404)
    const unlocked = await api(server, 'POST', `/api/users/${kurnia.id}/unlock`, { cookie: admin.cookie })
    expect(unlocked.status).toBe(200)
    expect(unlocked.body).toMatchObject({ user: { id: kurnia.id } })

    expect((await loginFrom(server, newPhone, 'kurnia', kurnia.password)).status).toBe(200)
  })

  it('the unlock also clears a waiting pair', async () => {
    const server = await h.startServer({ clock: () => new Date('2027-01-11T08:00:00+08:00') })
    const admin = await setupAdmin(server, { username: 'admin' })
    const kurnia = await createUser(server, admin, { username: 'kurnia', role: 'kasubag_program' })
    for (let i = 1; i <= 3; i++) await loginFrom(server, { address: OFFICE }, 'kurnia', WRONG)
    expect((await loginFrom(server, { address: OFFICE }, 'kurnia', kurnia.password)).status).toBe(429)
    expect((await api(server, 'POST', `/api/users/${kurnia.id}/unlock`, { cookie: admin.cookie })).status).toBe(200)
    expect((await loginFrom(server, { address: OFFICE }, 'kurnia', kurnia.password)).status).toBe(200)
  })

  it('the unlock on one node clears the counters of the others (Redis)', async () => {
    const clock = () => new Date('2027-01-11T08:00:00+08:00')
    const deps = { redisUrl: REDIS_URL, redisKey: `papan-test-unlock-${process.pid}-${Date.now()}` }
    const a = await h.startServer({ clock, deps })
    const b = await h.startServer({ clock, dbName: a.dbName, deps })
    for (const node of [a, b]) await until(async () => (await node.app.io.of('/').adapter.serverCount()) === 2)
    const admin = await setupAdmin(a, { username: 'admin' })
    const kurnia = await createUser(a, admin, { username: 'kurnia', role: 'kasubag_program' })
    for (let i = 1; i <= 3; i++) await loginFrom(b, { address: OFFICE }, 'kurnia', WRONG)
    expect((await loginFrom(b, { address: OFFICE }, 'kurnia', kurnia.password)).status).toBe(429)

    expect((await api(a, 'POST', `/api/users/${kurnia.id}/unlock`, { cookie: admin.cookie })).status).toBe(200)
    await until(async () => (await loginFrom(b, { address: OFFICE }, 'kurnia', kurnia.password)).status === 200)
  })
})

async function until(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 50))
  }
}
