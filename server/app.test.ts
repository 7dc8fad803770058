import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { brotliCompressSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { api, setupAdmin, useHarness } from './test/harness'

const h = useHarness()

describe('the HTTP surface', () => {
  it('/healthz reports the server and the database ok', async () => {
    const server = await h.startServer()
    const res = await api(server, 'GET', '/healthz')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'ok', server: 'ok', database: { status: 'ok', kind: 'mongodb' } })
  })

  it('/healthz reports a lost database as degraded', async () => {
    const server = await h.startServer({ deps: { dbKind: 'embedded' } })
    await server.db.close()
    const res = await api(server, 'GET', '/healthz')
    expect(res.status).toBe(503)
    expect(res.body).toMatchObject({ status: 'degraded', server: 'ok', database: { status: 'down', kind: 'embedded' } })
  })

  it('serves the built client compressed, its hashed files cached for a year and the page asked for again', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'papan-static-'))
    try {
      mkdirSync(path.join(dir, 'assets'))
      const script = `export const words = ${JSON.stringify('kata '.repeat(4000))}\n`
      writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), script)
      writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Papan SOP</title>')
      const server = await h.startServer({ deps: { staticDir: dir } })
      const asset = await fetch(`${server.url}/assets/index-AbC123.js`, { headers: { 'Accept-Encoding': 'br, gzip' } })
      expect(asset.headers.get('content-encoding')).toBe('br')
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(await asset.text()).toBe(script)
      const gzip = await fetch(`${server.url}/assets/index-AbC123.js`, { headers: { 'Accept-Encoding': 'gzip' } })
      expect(gzip.headers.get('content-encoding')).toBe('gzip')
      // The build's own compressed forms, where it wrote them, are sent as they are.
      writeFileSync(path.join(dir, 'assets', 'index-AbC123.js.br'), brotliCompressSync(script))
      const packed = await fetch(`${server.url}/assets/index-AbC123.js`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } })
      expect(packed.headers.get('content-encoding')).toBe('br')
      expect(packed.headers.get('content-type')).toMatch(/^text\/javascript|^application\/javascript/)
      expect(packed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      expect(await packed.text()).toBe(script)
      // A name that climbs out of assets/ finds nothing there, encoded or not.
      expect((await fetch(`${server.url}/assets/..%2F..%2Fpackage.json`, { headers: { 'Accept-Encoding': 'br' } })).headers.get('content-encoding')).toBeNull()
      // A client route gets the app's page, never kept without asking.
      const page = await fetch(`${server.url}/cycles/abc`)
      expect(page.status).toBe(200)
      expect(page.headers.get('cache-control')).toBe('no-cache')
      expect(await page.text()).toContain('<title>Papan SOP</title>')
      expect(page.headers.get('link')).toBeNull()
      // A board's page names the board's snapshot, for the browser to ask for with the page.
      const boardPage = await fetch(`${server.url}/cycles/0123456789abcdef01234567`)
      expect(boardPage.headers.get('link')).toBe('</api/cycles/0123456789abcdef01234567/board>; rel=preload; as=fetch; crossorigin=anonymous')
      expect((await fetch(`${server.url}/cycles/0123456789abcdef01234567/report`)).headers.get('link')).toBeNull()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('sends security headers and no framework banner', async () => {
    const server = await h.startServer()
    const res = await api(server, 'GET', '/api/setup')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('x-powered-by')).toBeNull()
    // The policy itself is proven against the built client in e2e/security.spec.ts.
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  it('answers unknown API paths, unreadable and oversized bodies with the one error shape', async () => {
    const server = await h.startServer()
    const admin = await setupAdmin(server)
    const unknown = await api(server, 'GET', '/api/nothing-here', { cookie: admin.cookie })
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ error: { code: 'NOT_FOUND' } })

    const malformed = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: '{"username": ',
    })
    expect(malformed.status).toBe(400)
    expect(await malformed.json()).toMatchObject({ error: { code: 'VALIDATION' } })

    const big = await api(server, 'POST', '/api/auth/login', { body: { username: 'admin', password: 'x'.repeat(100_000) } })
    expect(big.status).toBe(413)
    expect(big.body).toMatchObject({ error: { code: 'VALIDATION' } })

    const operator = await api(server, 'POST', '/api/auth/login', { body: { username: { $gt: '' }, password: { $gt: '' } } })
    expect(operator.status).toBe(400)
    expect(operator.body).toMatchObject({ error: { code: 'VALIDATION' } })
  })
})
