import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'

/** True when a Papan SOP server answers /healthz at `baseUrl` within `timeoutMs`. */
export async function serverAnswers(baseUrl: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const res = await fetch(new URL('/healthz', baseUrl), { signal: AbortSignal.timeout(timeoutMs) })
    await res.body?.cancel()
    // 503 is a server whose database is down: it answers, but a backup through it would fail.
    return res.status === 200 || res.status === 503
  } catch {
    return false
  }
}

/** Downloads GET /api/admin/backup from a running server into `file` (created with mode 0600). */
export async function downloadBackup(baseUrl: string, token: string, file: string): Promise<void> {
  const res = await fetch(new URL('/api/admin/backup', baseUrl), { headers: { authorization: `Bearer ${token}` } })
  if (!res.ok || !res.body) {
    const text = await res.text().catch(() => '')
    throw new Error(`the server refused the backup: HTTP ${res.status} ${text}`.trim())
  }
  await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), createWriteStream(file, { mode: 0o600 }))
}
