import { randomUUID } from 'node:crypto'
import { expect, test as base, type APIRequestContext, type Locator, type Page } from '@playwright/test'
import { io, type Socket } from 'socket.io-client'
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../shared/protocol/events'
import type { BoardSnapshot, CardDto } from '../shared/protocol/board'
import { unpackCards } from '../shared/protocol/packedCards'
import { BALANGAN_UNITS } from '../shared/sop/balangan'

/*
 * The e2e suite drives the app from the outside, as docs/realtime.md describes it: the few shapes
 * it needs are written here rather than imported from shared/, so a silent change of the contract
 * breaks these tests instead of being followed by them.
 */

/** One password for every test account; the install is thrown away after the run. */
export const PASSWORD = 'sandi-uji-e2e-2027'

export interface TestUser {
  name: string
  username: string
  role: string
  unitId: string | null
}

/**
 * The people of the run. The administrator is created on the setup page, the Kepala Bidang PPIK
 * through the Admin users page, the others over the API (first-run.spec.ts).
 */
export const USERS = {
  admin: { name: 'Ahmad Administrator', username: 'admin', role: 'kepala_badan', unitId: null },
  kabidPpik: { name: 'Budi Kabid PPIK', username: 'kabid.ppik', role: 'kepala_bidang', unitId: 'ppik' },
  sekretaris: { name: 'Siti Sekretaris', username: 'sekretaris', role: 'sekretaris', unitId: null },
  kasubag: { name: 'Kurnia Kasubag', username: 'kasubag', role: 'kasubag_program', unitId: null },
} as const satisfies Record<string, TestUser>

/** The four units a new cycle starts with by default (one card each). */
export const UNITS = BALANGAN_UNITS
export type UnitId = string

export interface Cycle {
  id: string
  title: string
  year: number
  quarter: number
  createdAt: string
  status: 'running' | 'closed' | 'cancelled'
}

// ---- time ----

/** "14.30 WITA": the clock of an instant in Asia/Makassar, the way the board writes it (id). */
export function witaClock(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Makassar',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso))
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '?'
  return `${part('hour')}.${part('minute')} WITA`
}

/** Every <time datetime> inside `scope` reads as that instant in WITA (the browser runs in Berlin). */
export async function expectWitaTimes(scope: Locator): Promise<void> {
  const times = scope.locator('time[datetime]')
  await expect(times.first()).toBeVisible()
  for (const time of await times.all()) {
    const iso = await time.getAttribute('datetime')
    expect(iso, 'a <time> without datetime').toBeTruthy()
    const clock = witaClock(iso ?? '').replace('.', '\\.')
    await expect(time).toHaveText(new RegExp(`^\\d{1,2} \\S+ \\d{4}, ${clock}$`))
  }
}

// ---- HTTP API ----

/** Signs `api` in as `user`; the session cookie then lives in that context. */
export async function login(api: APIRequestContext, user: TestUser): Promise<void> {
  const res = await api.post('/api/auth/login', { data: { username: user.username, password: PASSWORD } })
  expect(res.status(), `login as ${user.username}: ${await res.text()}`).toBe(200)
}

/** POST /api/users as an administrator. */
export async function createUser(admin: APIRequestContext, user: TestUser): Promise<void> {
  const res = await admin.post('/api/users', { data: { ...user, password: PASSWORD } })
  expect(res.status(), `create ${user.username}: ${await res.text()}`).toBe(201)
}

export async function listCycles(api: APIRequestContext): Promise<Cycle[]> {
  const res = await api.get('/api/cycles')
  expect(res.status()).toBe(200)
  return ((await res.json()) as { cycles: Cycle[] }).cycles
}

/**
 * Starts a cycle no test has used yet, with the four default units (or `units`). Each board test
 * gets its own, so tests do not depend on one another's moves and a retry starts from a clean board.
 */
export async function startFreshCycle(admin: APIRequestContext, units: readonly { id: string; name: string; shortName: string }[] = UNITS): Promise<Cycle> {
  const taken = new Set((await listCycles(admin)).map((c) => `${c.year}-${c.quarter}`))
  for (let year = 2030; year <= 2100; year++) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      if (taken.has(`${year}-${quarter}`)) continue
      const res = await admin.post('/api/cycles', { data: { year, quarter, units } })
      if (res.status() === 409) continue // started meanwhile by someone else
      expect(res.status(), await res.text()).toBe(201)
      return ((await res.json()) as { cycle: Cycle }).cycle
    }
  }
  throw new Error('no free quarter left between 2030 and 2100')
}

// ---- Socket.IO, for setting up a board quickly ----

type BoardSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** A socket.io-client connection with `api`'s session, as a script or the wall display would open one. */
export async function socketOf(api: APIRequestContext, baseURL: string): Promise<BoardSocket> {
  const sid = (await api.storageState()).cookies.find((c) => c.name === 'papan_sid')
  if (!sid) throw new Error('the API context has no session cookie')
  const socket: BoardSocket = io(baseURL, { extraHeaders: { cookie: `papan_sid=${sid.value}` }, transports: ['websocket'], reconnection: false })
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve())
    socket.once('connect_error', reject)
  })
  return socket
}

/** A board:join answer's cards as CardDto objects (they travel as rows). */
export function cardsOf(snapshot: BoardSnapshot): CardDto[] {
  return unpackCards(snapshot)
}

/** Moves `unit`'s card along `path` (regular moves, each by the socket's user), one ack at a time. */
export async function moveAlong(socket: BoardSocket, cycleId: string, unit: UnitId, path: { step: number; lane: string }[]): Promise<void> {
  const joined = await socket.emitWithAck('board:join', { cycleId })
  if (!joined.ok) throw new Error(`board:join: ${JSON.stringify(joined.error)}`)
  let card = cardsOf(joined.data).find((c) => c.unit.id === unit)
  if (!card) throw new Error(`no ${unit} card in ${cycleId}`)
  for (const to of path) {
    const ack: Ack<CardDto> = await socket.emitWithAck('card:move', { opId: randomUUID(), cardId: card.id, version: card.version, to })
    if (!ack.ok) throw new Error(`move ${unit} to ${to.step}/${to.lane}: ${JSON.stringify(ack.error)}`)
    card = ack.data
  }
}

// ---- the board in a browser ----

export function cardOf(page: Page, unit: UnitId): Locator {
  return page.getByTestId(`card-${unit}`)
}

export function cellOf(page: Page, step: number, lane: string): Locator {
  return page.getByTestId(`cell-${step}-${lane}`)
}

/**
 * The card is drawn in that cell. `timeout` is the bound for a change made in another browser to
 * arrive; the default leaves room for the page's own work.
 */
export async function expectCardAt(page: Page, unit: UnitId, step: number, lane: string, timeout?: number): Promise<void> {
  const card = cardOf(page, unit)
  await expect(card).toHaveAttribute('data-step', String(step), { timeout })
  await expect(card).toHaveAttribute('data-lane', lane, { timeout })
  await expect(cellOf(page, step, lane).getByTestId(`card-${unit}`)).toBeVisible()
}

/** The board has its snapshot and a live socket, joined to the board's room. */
export async function expectBoardLive(page: Page, title: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected')
  await expect(page.getByTestId('board-view')).toHaveAttribute('data-live', 'true')
  for (const unit of UNITS) await expect(cardOf(page, unit.id)).toBeVisible()
}

/** The names in the presence bar, exactly these people (the viewer included). */
export async function expectViewers(page: Page, users: TestUser[]): Promise<void> {
  const viewers = page.getByTestId('viewer')
  await expect(viewers).toHaveCount(users.length)
  for (const user of users) await expect(viewers.filter({ hasText: user.name })).toHaveCount(1)
}

/** Keyboard only: focus the card, "m" opens the move menu, Enter on the target's button. */
export async function moveByKeyboard(page: Page, unit: UnitId, step: number, lane: string): Promise<void> {
  await cardOf(page, unit).focus()
  await page.keyboard.press('m')
  const target = page.getByRole('dialog').getByTestId(`move-to-${step}-${lane}`)
  await target.focus()
  await page.keyboard.press('Enter')
}

export interface Fixtures {
  /** API client signed in as the administrator. */
  admin: APIRequestContext
  /** A cycle of this test's own, started over the API. */
  cycle: Cycle
  /** Opens the cycle's board in a browser context of its own, signed in as `user`. */
  boardAs: (user: TestUser) => Promise<Page>
  /** API client signed in as `user`; disposed after the test. */
  apiFor: (user: TestUser) => Promise<APIRequestContext>
  /** A raw Socket.IO connection signed in as `user`; closed after the test. */
  socketFor: (user: TestUser) => Promise<BoardSocket>
}

export const test = base.extend<Fixtures>({
  apiFor: async ({ playwright, baseURL }, use) => {
    const contexts: APIRequestContext[] = []
    await use(async (user) => {
      // The app's pages send their Origin with every write; so must this client (server/platform/http/requestGuards.ts).
      const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL ?? '' } })
      contexts.push(api)
      await login(api, user)
      return api
    })
    for (const api of contexts) await api.dispose()
  },
  socketFor: async ({ apiFor, baseURL }, use) => {
    const sockets: BoardSocket[] = []
    await use(async (user) => {
      const socket = await socketOf(await apiFor(user), baseURL ?? '')
      sockets.push(socket)
      return socket
    })
    for (const socket of sockets) socket.disconnect()
  },
  admin: async ({ apiFor }, use) => {
    await use(await apiFor(USERS.admin))
  },
  cycle: async ({ admin }, use) => {
    await use(await startFreshCycle(admin))
  },
  boardAs: async ({ browser, apiFor, cycle }, use) => {
    const pages: Page[] = []
    await use(async (user) => {
      // Signed in over the API (the login form has its own test); the browser gets the cookie.
      const api = await apiFor(user)
      const context = await browser.newContext({ storageState: await api.storageState() })
      const page = await context.newPage()
      pages.push(page)
      await page.goto(`/cycles/${cycle.id}`)
      await expectBoardLive(page, cycle.title)
      return page
    })
    for (const page of pages) await page.context().close()
  },
})

export { expect }
