import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'

/**
 * A minimal Socket.IO v4 client over a bare `ws` websocket, for the load generator. The benchmark
 * holds thousands of sockets in one process on one core; socket.io-client would parse every
 * broadcast into objects in every socket and the load generator, not the server, would be what
 * is measured. This one hands each event over as the raw frame (a Buffer) and parses only acks,
 * so a watcher costs the load generator about what a raw `ws` client of the floor costs.
 *
 * Protocol (websocket transport only): the server opens with `0{…}`, the client connects to the
 * main namespace with `40`, the server answers `40{"sid"}` (or `44{"message"}`); pings `2` get
 * pongs `3`; events are `42["name",payload]`, with an ack id `42<id>[…]`, answered `43<id>[data]`.
 */

export interface ThinSocketOptions {
  cookie?: string
  /** How long connecting may take. */
  timeoutMs?: number
}

const PING = 0x32 // '2'
const MESSAGE = 0x34 // '4'
const EVENT = 0x32 // '2' after '4'
const ACK = 0x33 // '3' after '4'
const CONNECT = 0x30 // '0' after '4'
const CONNECT_ERROR = 0x34 // '4' after '4'

export class ThinSocket {
  /** Every event frame (`42[…]`) as received, with its arrival time (performance.now()). */
  onEvent: ((frame: Buffer, at: number) => void) | undefined
  onClose: (() => void) | undefined
  private readonly acks = new Map<number, (frame: Buffer) => void>()
  private nextAckId = 0

  private constructor(private readonly ws: WebSocket) {}

  static connect(baseUrl: string, opts: ThinSocketOptions = {}): Promise<ThinSocket> {
    const url = `${baseUrl.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`
    const ws = new WebSocket(url, { headers: opts.cookie ? { cookie: opts.cookie } : {}, perMessageDeflate: false })
    const socket = new ThinSocket(ws)
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        ws.terminate()
        reject(new Error('socket connect timed out'))
      }, opts.timeoutMs ?? 30_000)
      const fail = (err: Error) => {
        clearTimeout(timer)
        reject(err)
      }
      ws.once('error', fail)
      ws.once('close', () => fail(new Error('socket closed while connecting')))
      ws.on('message', (data: Buffer) => {
        const at = performance.now()
        const type = data[0]
        if (type === PING) {
          ws.send('3')
        } else if (type === MESSAGE) {
          const kind = data[1]
          if (kind === EVENT) socket.onEvent?.(data, at)
          else if (kind === ACK) socket.settle(data)
          else if (kind === CONNECT) {
            clearTimeout(timer)
            ws.removeListener('error', fail)
            ws.removeAllListeners('close')
            ws.on('error', () => {})
            ws.on('close', () => socket.onClose?.())
            resolve(socket)
          } else if (kind === CONNECT_ERROR) {
            ws.terminate()
            fail(new Error(`connect refused: ${data.toString('utf8', 2)}`))
          }
        } else if (type === 0x30) {
          // Engine.IO open: connect to the main namespace.
          ws.send('40')
        }
      })
    })
  }

  /** A command with an ack; resolves with the ack's raw frame (`43<id>[…]`). */
  callRaw(event: string, payload: unknown, timeoutMs = 10_000): Promise<Buffer> {
    const id = this.nextAckId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.acks.delete(id)
        reject(new Error(`no ack for ${event} within ${timeoutMs} ms`))
      }, timeoutMs)
      this.acks.set(id, (frame) => {
        clearTimeout(timer)
        resolve(frame)
      })
      this.ws.send(`42${id}${JSON.stringify([event, payload])}`)
    })
  }

  /** A command with an ack, parsed: the `Ack` object the server answered. */
  async call<T>(event: string, payload: unknown, timeoutMs?: number): Promise<T> {
    const frame = await this.callRaw(event, payload, timeoutMs)
    const start = frame.indexOf(0x5b) // '['
    return (JSON.parse(frame.toString('utf8', start)) as [T])[0]
  }

  close(): void {
    this.ws.close()
  }

  /** Drops the connection without a closing handshake, like a lost network. */
  terminate(): void {
    this.ws.terminate()
  }

  private settle(frame: Buffer): void {
    let id = 0
    let i = 2
    for (; i < frame.length; i++) {
      const c = frame[i] as number
      if (c < 0x30 || c > 0x39) break
      id = id * 10 + (c - 0x30)
    }
    const done = this.acks.get(id)
    this.acks.delete(id)
    done?.(frame)
  }
}

/** The name of an event frame `42["name",…]`, read without parsing the payload. */
export function eventName(frame: Buffer): string {
  const end = frame.indexOf(0x22, 4) // closing '"' of the name
  return frame.toString('latin1', 4, end)
}

/** The operation id of a `card:moved` frame (the fact carries one opId, the move's). */
export function movedOpId(frame: Buffer): string {
  const key = frame.lastIndexOf('"opId":"')
  if (key < 0) return ''
  const start = key + 8
  return frame.toString('latin1', start, frame.indexOf(0x22, start))
}

/** Card id and version of a `card:moved` frame (`{"id":"…","version":N,…`). */
export function movedCard(frame: Buffer): { id: string; version: number } {
  const idAt = frame.indexOf('"id":"') + 6
  const id = frame.toString('latin1', idAt, frame.indexOf(0x22, idAt))
  const vAt = frame.indexOf('"version":', idAt) + 10
  let version = 0
  for (let i = vAt; i < frame.length; i++) {
    const c = frame[i] as number
    if (c < 0x30 || c > 0x39) break
    version = version * 10 + (c - 0x30)
  }
  return { id, version }
}

/** Connects `count` sockets, `parallel` at a time. */
export async function connectMany(baseUrl: string, count: number, cookieOf: (i: number) => string, parallel = 50): Promise<ThinSocket[]> {
  const sockets: ThinSocket[] = new Array(count)
  let next = 0
  async function worker() {
    while (next < count) {
      const i = next++
      sockets[i] = await ThinSocket.connect(baseUrl, { cookie: cookieOf(i) })
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker))
  return sockets
}
