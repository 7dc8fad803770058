import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import mongoose from 'mongoose'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startEmbeddedFerretdb, type EmbeddedDb } from './embeddedFerretdb'

const logger = pino({ level: 'silent' })

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  // An orphan that exited stays a zombie until PID 1 reaps it, and some container inits never do.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

function portOf(uri: string): number {
  return Number(new URL(uri).port)
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (condition()) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return condition()
}

describe('startEmbeddedFerretdb', () => {
  let dataDir: string
  const started: EmbeddedDb[] = []

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'papan-ferretdb-'))
  })

  afterEach(async () => {
    await Promise.all(started.splice(0).map((db) => db.stop()))
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves a MongoDB-compatible database and leaves nothing running after stop()', async () => {
    const db = await startEmbeddedFerretdb({ dataDir, logger })
    started.push(db)
    expect(db.uri).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/papan_sop$/)

    const conn = await mongoose.createConnection(db.uri).asPromise()
    try {
      const Note = conn.model('Note', new mongoose.Schema({ text: String, count: Number }))
      await Note.create({ text: 'halo', count: 2 })
      const found = await Note.findOne({ text: 'halo' }).lean()
      expect(found).toMatchObject({ text: 'halo', count: 2 })
    } finally {
      await conn.close()
    }

    await db.stop()
    expect(isAlive(db.pid)).toBe(false)
    expect(await canConnect(portOf(db.uri))).toBe(false)
    await db.stop() // idempotent
  })

  it('keeps data across restarts and honours port and dbName', async () => {
    const first = await startEmbeddedFerretdb({ dataDir, logger, dbName: 'other' })
    const conn = await mongoose.createConnection(first.uri).asPromise()
    await conn.collection('things').insertOne({ name: 'persisted' })
    await conn.close()
    await first.stop()

    const port = portOf(first.uri)
    const second = await startEmbeddedFerretdb({ dataDir, logger, port, dbName: 'other' })
    started.push(second)
    expect(second.uri).toBe(`mongodb://127.0.0.1:${port}/other`)
    const again = await mongoose.createConnection(second.uri).asPromise()
    try {
      expect(await again.collection('things').findOne({}, { projection: { _id: 0 } })).toEqual({ name: 'persisted' })
    } finally {
      await again.close()
    }
  })

  it('refuses a second instance on the same data directory', async () => {
    started.push(await startEmbeddedFerretdb({ dataDir, logger }))
    await expect(startEmbeddedFerretdb({ dataDir, logger })).rejects.toThrow(/already using/)
  })

  it('refuses a port that something else already listens on', async () => {
    const blocker = net.createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as net.AddressInfo
    try {
      await expect(startEmbeddedFerretdb({ dataDir, logger, port })).rejects.toThrow(/already in use/)
    } finally {
      blocker.close()
    }
  })

  it('does not outlive a Node process that is killed with SIGKILL', async () => {
    // A separate Node process, because SIGKILL skips every 'exit' handler; only the watchdog can help.
    const script = path.join(dataDir, 'owner.mts')
    const moduleUrl = pathToFileURL(path.join(import.meta.dirname, 'embeddedFerretdb.ts')).href
    // The script lives in the temp dir, outside node_modules' reach.
    const pinoUrl = pathToFileURL(createRequire(import.meta.url).resolve('pino')).href
    writeFileSync(
      script,
      `import pino from ${JSON.stringify(pinoUrl)}
       import { startEmbeddedFerretdb } from ${JSON.stringify(moduleUrl)}
       const db = await startEmbeddedFerretdb({ dataDir: ${JSON.stringify(dataDir)}, logger: pino({ level: 'silent' }) })
       process.stdout.write(JSON.stringify({ pid: db.pid, uri: db.uri }) + "\\n")
       setInterval(() => {}, 1000)`,
    )
    const owner = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const { pid, uri } = await new Promise<{ pid: number; uri: string }>((resolve, reject) => {
      owner.stdout.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString()) as { pid: number; uri: string }))
      owner.once('exit', (code) => reject(new Error(`owner exited early with ${code}`)))
    })
    expect(isAlive(pid)).toBe(true)

    owner.kill('SIGKILL')
    expect(await waitUntil(() => !isAlive(pid), 8_000)).toBe(true)
    expect(await canConnect(portOf(uri))).toBe(false)
  })
})
