import { performance } from 'node:perf_hooks'
import type { Browser, Page } from '@playwright/test'
import type { Ack } from '../../../shared/protocol/events'
import type { BoardSnapshot, CardDto } from '../../../shared/protocol/board'
import { unpacked } from '../../../server/test/client'
import { servedClient } from '../lib/browser'
import { createBoard, nextPlace } from '../lib/fixtures'
import { withScope } from '../lib/processes'
import { row, type Row, type Scenario } from '../lib/rows'
import { mean, percentile, round, sleep } from '../lib/stats'
import { ThinSocket } from '../lib/thinSocket'


/**
 * What the functions below use of the page. They run in Chromium, but this file is checked
 * against Node's types (tsconfig.server.json has no DOM library), so the little they need is
 * declared here. Each function reaches the page as its own source text, so each names
 * `globalThis` itself rather than calling a helper.
 */
interface PageElement {
  closest(selector: string): PageElement | null
}
interface PageWindow {
  document: { querySelector(selector: string): PageElement | null; querySelectorAll(selector: string): { length: number }; body: unknown }
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void }
  WebSocket: new (url: string | URL, protocols?: string | string[]) => { addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void }
  requestAnimationFrame(callback: (now: number) => void): void
  __benchArrivals: Record<string, number>
  __benchSnapshotAt: number
  __benchShown: Promise<number>
  __benchFrames: number[]
  __benchDragging: boolean
}

/**
 * Runs in the page before the app: stamps the arrival of every `card:moved` frame on the app's
 * websocket (a listener added before the app's own, so it runs first), by card id.
 */
function stampArrivals(): void {
  const w = (globalThis as unknown as PageWindow)
  const arrivals: Record<string, number> = {}
  w.__benchArrivals = arrivals
  const Native = w.WebSocket
  w.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols)
      this.addEventListener('message', (e) => {
        const data = e.data
        if (typeof data !== 'string') return
        // The board snapshot: the one large ack.
        if (data.startsWith('43') && data.length > 100_000) w.__benchSnapshotAt = performance.now()
        if (!data.startsWith('42["card:moved"')) return
        const id = /^42\["card:moved",\{"id":"([^"]+)"/.exec(data)?.[1]
        if (id) arrivals[id] = performance.now()
      })
    }
  }
}

/** In the page: resolves (with performance.now()) when the card is drawn in the cell. */
function waitForCardIn(args: { cardId: string; step: number; lane: string }): void {
  const w = (globalThis as unknown as PageWindow)
  const shown = () => !!w.document.querySelector(`[data-testid="cell-${args.step}-${args.lane}"] [data-card-id="${args.cardId}"]`)
  w.__benchShown = new Promise((resolve) => {
    const observer = new w.MutationObserver(() => {
      if (!shown()) return
      observer.disconnect()
      resolve(performance.now())
    })
    observer.observe(w.document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-step', 'data-lane'] })
  })
}

interface BoardFigures {
  firstRenderMs: number
  /** When the board:join answer (the snapshot) had arrived, from navigation start. */
  snapshotAtMs: number
  patchMs: number[]
  endToEndMs: number[]
  frameMs: number[]
}

async function measureBoard(browser: Browser, url: string, cookie: string, cycleId: string, cards: number, samples: number, mover: ThinSocket): Promise<BoardFigures> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'id-ID' })
  try {
    const [name, value] = cookie.split('=') as [string, string]
    await context.addCookies([{ name, value, url }])
    // tsx (esbuild keepNames) wraps named functions in __name(); the functions handed to the
    // page are serialised with those calls, so the page needs one that does nothing.
    await context.addInitScript({ content: 'globalThis.__name = (target) => target' })
    await context.addInitScript(stampArrivals)
    const page = await context.newPage()
    await page.goto(`${url}/cycles/${cycleId}`)
    // First render: from navigation start to the first frame with every card in the DOM.
    const firstRenderMs = await (
      await page.waitForFunction((n) => (globalThis as unknown as PageWindow).document.querySelectorAll('[data-card-id]').length === n && performance.now(), cards, { polling: 'raf', timeout: 120_000 })
    ).jsonValue() as number
    const snapshotAtMs = await page.evaluate(() => (globalThis as unknown as PageWindow).__benchSnapshotAt)
    await sleep(1000)

    // Remote moves: another client (the mover) moves a card; measured in the page from the
    // frame's arrival to the card in its new cell, and end to end from the mover's send.
    const ack = await mover.call<Ack<BoardSnapshot>>('board:join', { cycleId })
    if (!ack.ok) throw new Error('mover could not join')
    const all = unpacked(ack.data).cards
    const patchMs: number[] = []
    const endToEndMs: number[] = []
    for (let i = 0; i < samples; i++) {
      const card = all[Math.floor((i * all.length) / samples)] as CardDto
      const to = nextPlace(card)
      await page.evaluate(waitForCardIn, { cardId: card.id, step: to.step, lane: to.lane })
      const sentAt = performance.timeOrigin + performance.now()
      const moved = await mover.call<Ack<CardDto>>('card:move', { opId: `s6-${cards}-${i}-bench`, cardId: card.id, version: card.version, to })
      if (!moved.ok) throw new Error(`card:move refused: ${moved.error.code}`)
      const { shownAt, arrivedAt, origin } = await page.evaluate(async (id) => {
        const w = (globalThis as unknown as PageWindow)
        const shown = await w.__benchShown
        return { shownAt: shown, arrivedAt: w.__benchArrivals[id] ?? Number.NaN, origin: performance.timeOrigin }
      }, card.id)
      patchMs.push(shownAt - arrivedAt)
      endToEndMs.push(origin + shownAt - sentAt)
      await sleep(150)
    }

    const frameMs = await dragFrames(page)
    return { firstRenderMs, snapshotAtMs, patchMs, endToEndMs, frameMs }
  } finally {
    await context.close()
  }
}

/**
 * Frame times while a card is dragged across the board by mouse: requestAnimationFrame deltas,
 * collected in the page from the press to the release.
 */
async function dragFrames(page: Page): Promise<number[]> {
  const card = page.locator('[data-card-id][data-draggable="true"]').first()
  const box = await card.boundingBox()
  const area = await page.locator('.board-scroll').boundingBox()
  if (!box || !area) throw new Error('no card to drag')
  await page.evaluate(() => {
    const w = (globalThis as unknown as PageWindow)
    w.__benchFrames = []
    w.__benchDragging = true
    let last = performance.now()
    const tick = (now: number) => {
      w.__benchFrames.push(now - last)
      last = now
      if (w.__benchDragging) w.requestAnimationFrame(tick)
    }
    w.requestAnimationFrame(tick)
  })
  const x0 = box.x + box.width / 2
  const y0 = box.y + box.height / 2
  await page.mouse.move(x0, y0)
  await page.mouse.down()
  // Two seconds of dragging right across and down the board, a mouse move about every frame
  // (each waits until the page has handled it, so a slow page gets fewer, as a user's would).
  const start = performance.now()
  for (let f = 0; f < 1; f = (performance.now() - start) / 2000) {
    await page.mouse.move(x0 + f * (area.width * 0.8), y0 + Math.sin(f * Math.PI) * (area.height * 0.5))
    await page.waitForTimeout(16)
  }
  // Back to where it came from, so the drop is no move.
  await page.mouse.move(x0, y0, { steps: 10 })
  await page.mouse.up()
  return page.evaluate(() => {
    const w = (globalThis as unknown as PageWindow)
    w.__benchDragging = false
    return w.__benchFrames.slice(1)
  })
}

/**
 * S6: boards of 1000 and 4000 cards in headless Chromium against the built client: first render,
 * applying a remote move (p95), frame time while dragging. The boards are written through the
 * repositories (a cycle's units are limited to 50 through the API).
 */
export const s6Browser: Scenario = {
  id: 'S6',
  title: 'large boards in headless Chromium',
  async run(ctx) {
    const samples = ctx.quick ? 8 : 12
    return withScope(async (scope) => {
      const { server, bench, browser } = await servedClient(scope, ctx)
      const mover = await ThinSocket.connect(server.url, { cookie: bench.admin.cookie })
      scope.defer(() => mover.close())
      const rows: Row[] = []
      for (const cards of [1000, 4000]) {
        const t0 = performance.now()
        const cycleId = await createBoard(server, bench.admin, cards)
        ctx.log(`${cards} cards written in ${Math.round(performance.now() - t0)} ms`)
        const f = await measureBoard(browser, server.url, bench.admin.cookie, cycleId, cards, samples, mover)
        const big = cards === 4000
        ctx.log(`${cards} cards: first render ${Math.round(f.firstRenderMs)} ms, patch p95 ${percentile(f.patchMs, 95).toFixed(1)} ms, frames p95 ${percentile(f.frameMs, 95).toFixed(1)} ms`)
        rows.push(
          row({
            id: 'S6',
            name: `${cards}-card board: first render (navigation → every card drawn)`,
            metric: 'first render',
            value: Math.round(f.firstRenderMs),
            unit: 'ms',
            target: big ? { op: '<=', value: 2500 } : undefined,
            note: `the snapshot (board:join answer) had arrived at ${Math.round(f.snapshotAtMs)} ms`,
          }),
          row({
            id: 'S6',
            name: `${cards}-card board: remote move applied (card:moved arrives → card in its new cell) p95`,
            metric: 'patch p95',
            value: round(percentile(f.patchMs, 95), 2),
            unit: 'ms',
            target: big ? { op: '<=', value: 4 } : undefined,
            note: `${samples} moves by another client; p50 ${round(percentile(f.patchMs, 50), 2)} ms; end to end (sent → shown) p50 ${round(percentile(f.endToEndMs, 50), 1)} ms, p95 ${round(percentile(f.endToEndMs, 95), 1)} ms`,
          }),
          row({
            id: 'S6',
            name: `${cards}-card board: frame time while dragging a card, p95`,
            metric: 'frame p95',
            value: round(percentile(f.frameMs, 95), 1),
            unit: 'ms',
            note: `${f.frameMs.length} frames; mean ${round(mean(f.frameMs), 1)} ms, worst ${round(Math.max(...f.frameMs), 1)} ms`,
          }),
        )
      }
      return rows
    })
  },
}
