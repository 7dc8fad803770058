import { createHash } from 'node:crypto'

/** The fields an event's hash covers: all of it but its database id and the hash itself. */
export interface Hashable {
  cardId: unknown
  cycleId: unknown
  seq: number
  version: number
  kind: string
  at: Date
  by: { id: string; name: string }
  opId: string
  payload: unknown
  prev: string
}

/**
 * One text for one value, whatever the key order or the driver's types: keys sorted, dates as ISO
 * instants, ids as their hex, undefined left out (events are stored with `ignoreUndefined`, so the
 * database leaves it out too).
 */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v === undefined ? null : v)).join(',')}]`
  if (typeof value === 'object') {
    // ObjectId (and any other id type) stands for its string form.
    if (typeof (value as { toHexString?: unknown }).toHexString === 'function') return JSON.stringify(String(value))
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function hashOf(event: Hashable): string {
  const { cardId, cycleId, seq, version, kind, at, by, opId, payload, prev } = event
  const text = canonical({ cardId, cycleId, seq, version, kind, at, by: { id: by.id, name: by.name }, opId, payload, prev })
  return createHash('sha256').update(text).digest('hex')
}

export interface ChainBreak {
  cardId: string
  /** The first event whose link does not hold; for a missing event, the first seq that is absent. */
  seq: number
  reason: 'hash' | 'link' | 'gap' | 'start' | 'head'
}

/**
 * The first broken link of one card's chain, given its events in seq order, or null: an edited
 * event no longer matches its hash, a deleted one leaves a gap or a `prev` that points nowhere.
 */
export function firstBreak(cardId: string, events: (Hashable & { hash: string })[]): ChainBreak | null {
  let prev = ''
  let expected = 1
  for (const event of events) {
    if (event.seq !== expected) return { cardId, seq: expected, reason: expected === 1 ? 'start' : 'gap' }
    if (event.prev !== prev) return { cardId, seq: event.seq, reason: 'link' }
    if (hashOf(event) !== event.hash) return { cardId, seq: event.seq, reason: 'hash' }
    prev = event.hash
    expected++
  }
  return null
}
