import type { Page } from '@playwright/test'
import { servedClient } from '../lib/browser'
import { withScope } from '../lib/processes'
import { row, type Scenario } from '../lib/rows'
import { percentile, round } from '../lib/stats'

/**
 * Chrome DevTools' "Slow 4G" preset (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip), as an
 * office outside Paringin gets on a phone. Applied to the page's every request and its socket.
 */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 }

/** What the page function reads (this file is checked without the DOM library, as S6 is). */
interface PageDocument {
  document: { querySelectorAll(selector: string): { length: number } }
}

/** The page's clock (ms from navigation) at the first frame where `selector` matches `count` elements. */
async function whenDrawn(page: Page, selector: string, count: number): Promise<number> {
  const handle = await page.waitForFunction(
    ([sel, n]) => (globalThis as unknown as PageDocument).document.querySelectorAll(sel).length === n && performance.now(),
    [selector, count] as const,
    { polling: 'raf', timeout: 60_000 },
  )
  return (await handle.jsonValue()) as number
}

interface FirstLoad {
  /** Navigation start → every card of the board drawn. */
  ms: number
  /** Navigation start → the board's room joined over the socket: others' moves reach it. */
  liveMs: number
  /** Bytes over the wire until then: HTTP responses as transferred (compressed) and socket frames. */
  bytes: number
  /** The same responses as the browser decoded them. */
  decodedBytes: number
  requests: number
}

/**
 * S9: the board a user opens first, from an empty cache, on a throttled link in headless Chromium:
 * how many bytes until it is drawn and how long that takes. The built client, served the way
 * `npm start` serves it.
 */
export const s9FirstLoad: Scenario = {
  id: 'S9',
  title: 'first board on a slow 4G link',
  async run(ctx) {
    const samples = ctx.quick ? 3 : 5
    return withScope(async (scope) => {
      const { server, bench, browser } = await servedClient(scope, ctx)
      const [name, value] = bench.admin.cookie.split('=') as [string, string]

      const loads: FirstLoad[] = []
      for (let i = 0; i < samples; i++) {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID' })
        try {
          await context.addCookies([{ name, value, url: server.url }])
          // tsx (esbuild keepNames) may wrap what is handed to the page in __name() (see S6).
          await context.addInitScript({ content: 'globalThis.__name = (target) => target' })
          const page = await context.newPage()
          const cdp = await context.newCDPSession(page)
          await cdp.send('Network.enable')
          await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
          await cdp.send('Network.emulateNetworkConditions', SLOW_4G)
          let bytes = 0
          let decodedBytes = 0
          let requests = 0
          const decoded = new Map<string, number>()
          const asked = new Map<string, { url: string; at: number }>()
          const transfers: { url: string; bytes: number; from: number; to: number }[] = []
          // CDP timestamps are seconds on the browser's monotonic clock.
          cdp.on('Network.requestWillBeSent', (e: { requestId: string; timestamp: number; request: { url: string } }) => asked.set(e.requestId, { url: e.request.url, at: e.timestamp }))
          cdp.on('Network.dataReceived', (e: { requestId: string; dataLength: number }) => decoded.set(e.requestId, (decoded.get(e.requestId) ?? 0) + e.dataLength))
          cdp.on('Network.loadingFinished', (e: { requestId: string; timestamp: number; encodedDataLength: number }) => {
            bytes += e.encodedDataLength
            decodedBytes += decoded.get(e.requestId) ?? 0
            requests++
            const request = asked.get(e.requestId)
            if (request) transfers.push({ url: request.url, bytes: e.encodedDataLength, from: request.at, to: e.timestamp })
          })
          const frame = (e: { response: { payloadData: string } }) => {
            bytes += Buffer.byteLength(e.response.payloadData)
            decodedBytes += Buffer.byteLength(e.response.payloadData)
          }
          cdp.on('Network.webSocketFrameReceived', frame)
          cdp.on('Network.webSocketFrameSent', frame)
          await page.goto(`${server.url}/cycles/${bench.cycleId}`, { waitUntil: 'commit' })
          const ms = await whenDrawn(page, '[data-card-id]', 4)
          const liveMs = await whenDrawn(page, '[data-live="true"]', 1)
          loads.push({ ms, liveMs, bytes, decodedBytes, requests })
          // When each file came and what it weighed, for whoever tries to make the page faster.
          if (i === 0) {
            const start = Math.min(...transfers.map((t) => t.from))
            const since = (at: number) => Math.round((at - start) * 1000)
            for (const t of transfers) ctx.log(`  ${since(t.from)}–${since(t.to)} ms ${Math.round(t.bytes / 1024)} KB ${new URL(t.url).pathname}`)
          }
          ctx.log(`first board ${Math.round(ms)} ms (live ${Math.round(liveMs)} ms), ${Math.round(bytes / 1024)} KB transferred (${Math.round(decodedBytes / 1024)} KB decoded), ${requests} requests`)
        } finally {
          await context.close()
        }
      }
      const median = (pick: (l: FirstLoad) => number) => percentile(loads.map(pick), 50)
      return [
        row({
          id: 'S9',
          name: 'bytes to the first board (empty cache, 4-card board): transferred',
          metric: 'bytes to first board',
          value: Math.round(median((l) => l.bytes) / 1024),
          unit: 'KB',
          target: { op: '<=', value: 200 },
          note: `HTTP responses as sent (brotli) and socket frames, median of ${samples}; ${Math.round(median((l) => l.decodedBytes) / 1024)} KB once decoded, ${Math.round(median((l) => l.requests))} requests`,
        }),
        row({
          id: 'S9',
          name: 'first board on slow 4G (1.6 Mbit/s, 150 ms RTT): navigation → every card drawn',
          metric: 'first board, slow 4G',
          value: Math.round(median((l) => l.ms)),
          unit: 'ms',
          target: { op: '<=', value: 1500 },
          note: `median of ${samples}; slowest ${Math.round(Math.max(...loads.map((l) => l.ms)))} ms; Chromium network throttling, cache disabled`,
        }),
        row({
          id: 'S9',
          name: 'first board on slow 4G: navigation → joined over the socket, others\' moves arriving',
          metric: 'board live, slow 4G',
          value: Math.round(median((l) => l.liveMs)),
          unit: 'ms',
          note: `median of ${samples}; the cards are drawn from the page's own request before this (GET /api/cycles/:id/board)`,
        }),
      ]
    })
  },
}
