import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { APIRequestContext, Request, Response } from '@playwright/test'
import { USERS, cardsOf, expect, moveAlong, test } from './helpers'

/*
 * Cross-site request forgery, in Chromium: a page served from another origin on this machine
 * fires the forms and scripts such a page can send with the signed-in user's cookie. Once from a
 * same-site origin (127.0.0.1, another port: SameSite=Lax lets the cookie ride along) and once
 * from a cross-site one (localhost, another port). Every request reaches the server and is
 * refused; nothing changes.
 */

/**
 * The attacker's page: what an HTML page on another origin can send without a CORS preflight.
 * Forms post into frames of their own, so each answer is a navigation the test can read; the
 * scripts' answers are opaque to the page (and blocked by CORP), so only their sending is seen.
 */
function attackPage(app: string, cardId: string): string {
  const forms = [
    // The classic: a text/plain form whose one field spells out a JSON body, or a PDF's magic bytes.
    { action: '/api/notifications/read', enctype: 'text/plain', name: '{"all":true,"x":"', value: '"}' },
    { action: `/api/cards/${cardId}/documents?name=laporan.pdf`, enctype: 'text/plain', name: '%PDF-1.4 1 0 obj', value: 'x' },
    { action: `/api/cards/${cardId}/documents?name=laporan.pdf`, enctype: 'application/x-www-form-urlencoded', name: '%PDF-1.4', value: 'x' },
    { action: '/api/auth/logout', enctype: 'application/x-www-form-urlencoded', name: 'x', value: '1' },
  ]
  const html = forms
    .map(
      (f, i) => `<iframe name="sink${i}"></iframe>
<form method="post" enctype="${f.enctype}" action="${app}${f.action}" target="sink${i}"><input name='${f.name}' value='${f.value}'></form>`,
    )
    .join('\n')
  return `<!doctype html><html><body>
${html}
<script>
  const hit = (path, type, body) => fetch('${app}' + path, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': type }, body }).catch(() => {})
  hit('/api/notifications/read', 'text/plain', '{"all":true}')
  hit('/api/cards/${cardId}/documents?name=a.pdf', 'text/plain', '%PDF-1.4 x')
  hit('/api/auth/logout', 'application/x-www-form-urlencoded', '')
  for (const form of document.forms) form.submit()
</script>
</body></html>`
}

/** How many form posts and how many script posts the page makes. */
const FORMS = 4
const SCRIPTS = 3

async function serveAttacker(html: () => string): Promise<{ server: Server; port: number }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(html())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, port: (server.address() as AddressInfo).port }
}

async function unread(api: APIRequestContext): Promise<number> {
  const res = await api.get('/api/notifications')
  expect(res.status()).toBe(200)
  return ((await res.json()) as { unread: number }).unread
}

test('a page on another origin, same-site or cross-site, changes nothing with the user\'s cookie', async ({ browser, apiFor, socketFor, cycle, baseURL }) => {
  const app = baseURL ?? ''
  // Kabid PPIK holds the PPIK card (so he may upload to it) and has a notification of its arrival.
  const kabid = await apiFor(USERS.kabidPpik)
  const unreadBefore = await unread(kabid)
  const sekretaris = await socketFor(USERS.sekretaris)
  await moveAlong(sekretaris, cycle.id, 'ppik', [{ step: 2, lane: 'kepala_bidang' }])
  await expect.poll(() => unread(kabid)).toBe(unreadBefore + 1)
  const board = await sekretaris.emitWithAck('board:join', { cycleId: cycle.id })
  if (!board.ok) throw new Error(JSON.stringify(board.error))
  const card = cardsOf(board.data).find((c) => c.unit.id === 'ppik')!

  const { server, port } = await serveAttacker(() => attackPage(app, card.id))
  try {
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const context = await browser.newContext({ storageState: await kabid.storageState() })
      const sent: Request[] = []
      const answers: Response[] = []
      context.on('request', (req) => {
        if (req.url().startsWith(`${app}/api/`)) sent.push(req)
      })
      context.on('response', (res) => {
        if (res.url().startsWith(`${app}/api/`) && res.request().isNavigationRequest()) answers.push(res)
      })
      const page = await context.newPage()
      await page.goto(`${origin}/`)
      // Every post went out; every form's answer came back, and each was refused as cross-site.
      await expect.poll(() => sent.length, { message: `posts from ${origin}` }).toBe(FORMS + SCRIPTS)
      await expect.poll(() => answers.length, { message: `answers to the forms from ${origin}` }).toBe(FORMS)
      for (const res of answers) expect(res.status(), `${res.request().method()} ${res.url()} from ${origin}`).toBe(403)
      await context.close()
    }
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }

  // Still signed in, the notification still unread, no document stored.
  expect((await kabid.get('/api/auth/me')).status()).toBe(200)
  expect(await unread(kabid)).toBe(unreadBefore + 1)
  const after = await sekretaris.emitWithAck('board:join', { cycleId: cycle.id })
  if (!after.ok) throw new Error(JSON.stringify(after.error))
  expect(cardsOf(after.data).find((c) => c.id === card.id)?.documentCount).toBe(0)

  // The control: the same cookie on the app's own page does mark them read.
  const own = await browser.newContext({ storageState: await kabid.storageState() })
  const page = await own.newPage()
  await page.goto('/')
  const status = await page.evaluate(async () => {
    const res = await fetch('/api/notifications/read', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"all":true}' })
    return res.status
  })
  expect(status).toBe(200)
  expect(await unread(kabid)).toBe(0)
  await own.close()
})
