import type { Socket } from 'socket.io-client'
import type { Ack, AckFn, ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events'
import type { BoardSnapshot, CardDetail, CardDto } from '../../shared/protocol/board'
import { unpackCards } from '../../shared/protocol/packedCards'
import type { CycleDto } from '../../shared/protocol/cycles'
import type { UserDto } from '../../shared/protocol/users'
import { BALANGAN_UNITS } from '../../shared/sop/balangan'
import type { Unit } from '../../shared/domain/template'

/**
 * The client side of the integration harness (./harness): HTTP calls, accounts, cycles and socket
 * helpers against a server at some URL. Free of vitest, so scripts (scripts/bench) use it too.
 */

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>

/** Where a server under test answers; a harness TestServer is one. */
export interface ServerAddress {
  url: string
}

export interface TestUser extends UserDto {
  password: string
  /** `papan_sid=<token>`, ready for a Cookie header. */
  cookie: string
}

// ---------------------------------------------------------------------------------------------
// HTTP

export interface ApiResponse<T = unknown> {
  status: number
  body: T
  headers: Headers
}

export async function api<T = Record<string, unknown>>(
  server: ServerAddress,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  urlPath: string,
  opts: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  // As the app's own pages do: a write without an Origin (or Sec-Fetch-Site) is refused as cross-site.
  const headers: Record<string, string> = { origin: server.url, ...opts.headers }
  if (opts.cookie) headers.cookie = opts.cookie
  if (opts.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(server.url + urlPath, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers }
}

/** `papan_sid=<token>` from a response's Set-Cookie, or undefined when it sets none. */
export function sessionCookieOf(res: ApiResponse): string | undefined {
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(';')[0] ?? ''
    if (pair.startsWith('papan_sid=') && pair.length > 'papan_sid='.length) return pair
  }
  return undefined
}

function expectStatus(res: ApiResponse, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: expected HTTP ${status}, got ${res.status} ${JSON.stringify(res.body)}`)
}

const PASSWORD = 'rahasia-sekali-123'

export interface NewUser {
  name?: string
  username?: string
  role: string
  unitId?: string | null
  isAdmin?: boolean
  password?: string
}

let userCounter = 0

/** The first administrator, through POST /api/setup. */
export async function setupAdmin(server: ServerAddress, user: Partial<NewUser> = {}): Promise<TestUser> {
  const password = user.password ?? PASSWORD
  const res = await api<{ user: UserDto }>(server, 'POST', '/api/setup', {
    body: {
      name: user.name ?? 'Admin Utama',
      username: user.username ?? 'admin',
      role: user.role ?? 'sekretaris',
      unitId: user.unitId ?? null,
      password,
    },
  })
  expectStatus(res, 201, 'setup')
  const cookie = sessionCookieOf(res)
  if (!cookie) throw new Error('setup set no session cookie')
  return { ...res.body.user, password, cookie }
}

/** A user created by an administrator through POST /api/users, then logged in. */
export async function createUser(server: ServerAddress, admin: TestUser, user: NewUser): Promise<TestUser> {
  const n = ++userCounter
  const password = user.password ?? PASSWORD
  const res = await api<{ user: UserDto }>(server, 'POST', '/api/users', {
    cookie: admin.cookie,
    body: {
      name: user.name ?? `Pengguna ${n}`,
      username: user.username ?? `user${n}`,
      role: user.role,
      unitId: user.unitId ?? null,
      isAdmin: user.isAdmin ?? false,
      password,
    },
  })
  expectStatus(res, 201, `create user ${user.username ?? n}`)
  return { ...res.body.user, password, cookie: await login(server, res.body.user.username, password) }
}

/** Logs in and returns the session cookie. */
export async function login(server: ServerAddress, username: string, password: string): Promise<string> {
  const res = await api(server, 'POST', '/api/auth/login', { body: { username, password } })
  expectStatus(res, 200, `login ${username}`)
  const cookie = sessionCookieOf(res)
  if (!cookie) throw new Error('login set no session cookie')
  return cookie
}

let periodCounter = 0

/** A cycle through POST /api/cycles; each call picks a period of its own unless told. */
export async function createCycle(
  server: ServerAddress,
  admin: TestUser,
  input: { year?: number; quarter?: number; units?: Unit[] } = {},
): Promise<CycleDto> {
  const n = periodCounter++
  const res = await api<{ cycle: CycleDto }>(server, 'POST', '/api/cycles', {
    cookie: admin.cookie,
    body: {
      year: input.year ?? 2030 + Math.floor(n / 4),
      quarter: input.quarter ?? (n % 4) + 1,
      units: input.units ?? BALANGAN_UNITS,
    },
  })
  expectStatus(res, 201, 'create cycle')
  return res.body.cycle
}

// ---------------------------------------------------------------------------------------------
// Sockets

type AckData<E extends keyof ClientToServerEvents> =
  Parameters<ClientToServerEvents[E]>[1] extends AckFn<infer T> ? T : never

interface RawSocket {
  timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> }
}

/**
 * Sends a command and waits for its ack. The payload is `unknown` on purpose: tests send hostile
 * payloads too. Rejects if no ack arrives within 5 s, so a lost ack fails fast and clearly.
 */
export async function send<E extends keyof ClientToServerEvents>(
  socket: ClientSocket,
  event: E,
  payload: unknown,
): Promise<Ack<AckData<E>>> {
  const raw = socket as unknown as RawSocket
  return (await raw.timeout(5000).emitWithAck(event, payload)) as Ack<AckData<E>>
}

/** Sends a command that must succeed and returns its data. */
export async function sendOk<E extends keyof ClientToServerEvents>(
  socket: ClientSocket,
  event: E,
  payload: unknown,
): Promise<AckData<E>> {
  const ack = await send(socket, event, payload)
  if (!ack.ok) throw new Error(`${event} refused: ${ack.error.code} ${ack.error.reason ?? ''} ${JSON.stringify(ack.error.params ?? {})}`)
  return ack.data
}

/** A card's history, notes, visits and documents, as the card panel loads them (`card:detail`). */
/** A board snapshot with its cards as CardDto objects (the wire carries them as rows). */
export type Board = Omit<BoardSnapshot, 'cards'> & { cards: CardDto[] }

export function unpacked(snapshot: BoardSnapshot): Board {
  return { ...snapshot, cards: unpackCards(snapshot) }
}

export function detailOf(socket: ClientSocket, cardId: string): Promise<CardDetail> {
  return sendOk(socket, 'card:detail', { cardId })
}

/**
 * Waits until the server has handled everything sent to this socket before now. Socket.IO keeps
 * one connection's packets in order, so any broadcast the server emitted to this socket before
 * answering arrives before this answer: a deterministic "nothing else came", without sleeping.
 * The payload is deliberately invalid, so the command changes nothing.
 */
export async function roundTrip(socket: ClientSocket): Promise<void> {
  const ack = await send(socket, 'card:checklist', { roundTrip: true })
  if (ack.ok || ack.error.code !== 'VALIDATION') throw new Error('round trip answered unexpectedly')
}

type EventPayload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0]

export interface EventLog<E extends keyof ServerToClientEvents> {
  readonly events: EventPayload<E>[]
  /** Resolves with the first recorded (or future) event matching `match`; rejects after `timeoutMs`. */
  waitFor(match?: (payload: EventPayload<E>) => boolean, timeoutMs?: number): Promise<EventPayload<E>>
}

/** Records every `event` the socket receives from now on. */
export function record<E extends keyof ServerToClientEvents>(socket: ClientSocket, event: E): EventLog<E> {
  const events: EventPayload<E>[] = []
  const waiters = new Set<{ match: (p: EventPayload<E>) => boolean; resolve: (p: EventPayload<E>) => void }>()
  const listener = (payload: EventPayload<E>) => {
    events.push(payload)
    for (const w of waiters) {
      if (w.match(payload)) {
        waiters.delete(w)
        w.resolve(payload)
      }
    }
  }
  ;(socket as unknown as { on(e: string, l: (p: EventPayload<E>) => void): void }).on(event, listener)
  return {
    events,
    waitFor(match = () => true, timeoutMs = 3000) {
      const seen = events.find(match)
      if (seen) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (p: EventPayload<E>) => {
            clearTimeout(timer)
            resolve(p)
          },
        }
        const timer = setTimeout(() => {
          waiters.delete(waiter)
          reject(new Error(`no matching "${event}" within ${timeoutMs} ms (got ${events.length}: ${JSON.stringify(events).slice(0, 500)})`))
        }, timeoutMs)
        waiters.add(waiter)
      })
    },
  }
}

/** The first `event` the socket receives from now on. */
export function nextEvent<E extends keyof ServerToClientEvents>(socket: ClientSocket, event: E, timeoutMs = 3000) {
  return record(socket, event).waitFor(undefined, timeoutMs)
}

/** Resolves when the socket is disconnected (with the reason); rejects after `timeoutMs`. */
export function disconnected(socket: ClientSocket, timeoutMs = 3000): Promise<string> {
  if (socket.disconnected && !socket.active) return Promise.resolve('already disconnected')
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${timeoutMs} ms`)), timeoutMs)
    socket.once('disconnect', (reason) => {
      clearTimeout(timer)
      resolve(reason)
    })
  })
}

/** The error a refused connection reports. */
export function connectError(socket: ClientSocket, timeoutMs = 3000): Promise<Error> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no connect_error within ${timeoutMs} ms`)), timeoutMs)
    socket.once('connect', () => {
      clearTimeout(timer)
      reject(new Error('connected, but should have been refused'))
    })
    socket.once('connect_error', (err) => {
      clearTimeout(timer)
      resolve(err)
    })
  })
}

let opCounter = 0
/** A fresh operation id (8–64 characters of [A-Za-z0-9_-]). */
export function opId(): string {
  return `op-${process.pid}-${++opCounter}-${Math.random().toString(36).slice(2, 10)}`
}

/** An instant written as WITA wall-clock time, "2027-01-11 08:00". */
export function wita(local: string): number {
  return Date.parse(`${local.replace(' ', 'T')}:00+08:00`)
}

/** A clock the test moves by hand (pass `clock` to startServer); instants as WITA wall-clock time. */
export function fakeClock(start: string) {
  let now = wita(start)
  return {
    clock: () => new Date(now),
    set(at: string) {
      now = wita(at)
    },
  }
}
