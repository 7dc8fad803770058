import { isDuplicateKey } from '../platform/db/duplicateKey'
import { Types } from 'mongoose'
import { firstBreak, hashOf, type ChainBreak } from './chain'
import type { CardEventModel, CardEventRecord } from './model'
import type { EventPayload, FoldEvent } from '../cards/projection'

/** An event before it has its place in the chain: what happened, when, by whom. */
export type EventDraft = EventPayload & {
  opId: string
  at: Date
  by: { id: string; name: string }
  /** The card's place version after the event. */
  version: number
}

/** Where the event goes: after the chain head the writer read. */
export interface ChainHead {
  cardId: Types.ObjectId
  cycleId: Types.ObjectId
  seq: number
  head: string
}

export type AppendResult = { appended: FoldEvent } | { taken: 'seq' | 'opId' }

/** The event with its seq, its link to the previous one and its hash. */
export function seal(draft: EventDraft, after: ChainHead): FoldEvent {
  const unsealed = { ...draft, cardId: after.cardId, cycleId: after.cycleId, seq: after.seq + 1, prev: after.head, by: { id: draft.by.id, name: draft.by.name } }
  return { ...unsealed, hash: hashOf(unsealed) } as FoldEvent & { prev: string }
}

/**
 * An event's `_id` is its place: `<cardId>:<seq>`. So the claim is the `_id` itself (unique in any
 * collection), and reading a card's next event is a lookup by `_id`.
 */
export function eventId(cardId: Types.ObjectId | string, seq: number): string {
  return `${String(cardId)}:${seq}`
}

/** The card ledger: `card_events`, append-only. Nothing here updates or deletes an event. */
export function createLedger(Event: CardEventModel) {
  return {
    async init(): Promise<void> {
      await Event.init()
    },

    /**
     * Claims the event's place: the insert succeeds for exactly one of several writers of the same
     * (card, seq), and for at most one of the same (card, opId). Says which was taken otherwise.
     */
    async append(event: FoldEvent): Promise<AppendResult> {
      try {
        // ignoreUndefined: the hash leaves undefined fields out (server/ledger/chain.ts canonical),
        // so must the stored document, or the driver would store them as null and break the link.
        await Event.collection.insertOne({ ...event, _id: eventId(event.cardId, event.seq) } as never, { ignoreUndefined: true })
        return { appended: event }
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
        const applied = await Event.exists({ cardId: event.cardId, opId: event.opId })
        return { taken: applied ? 'opId' : 'seq' }
      }
    },

    /** Inserts whole chains (a new cycle's cards, a migration); events already there are kept. */
    async appendMany(events: FoldEvent[]): Promise<void> {
      if (!events.length) return
      try {
        await Event.collection.insertMany(events.map((e) => ({ ...e, _id: eventId(e.cardId, e.seq) })) as never[], { ordered: false, ignoreUndefined: true })
      } catch (err) {
        const writeErrors = (err as { writeErrors?: { code?: number }[] }).writeErrors
        if (!isDuplicateKey(err) && !(writeErrors?.length && writeErrors.every(isDuplicateKey))) throw err
      }
    },

    /** Whether the operation was applied: an event of its own, or one the old card listed (migrated). */
    async applied(cardId: string, opId: string): Promise<boolean> {
      const id = new Types.ObjectId(cardId)
      return (await Event.exists({ cardId: id, $or: [{ opId }, { kind: 'migrated', 'payload.opIds': opId }] })) !== null
    },

    /**
     * The card's events after `seq`, in chain order: one lookup by `_id` per event, the only
     * query FerretDB v1 answers from an index (any other filter reads the whole collection,
     * which on the write path would make every move cost as much as the ledger is long).
     */
    async after(cardId: Types.ObjectId | string, seq: number): Promise<FoldEvent[]> {
      const out: FoldEvent[] = []
      for (let next = seq + 1; ; next++) {
        const event = await Event.collection.findOne({ _id: eventId(cardId, next) } as never)
        if (!event) return out
        out.push(event as unknown as FoldEvent)
      }
    },

    /** How many events there are: MongoDB answers from its metadata; FerretDB v1 reads the whole collection. */
    count(): Promise<number> {
      return Event.estimatedDocumentCount()
    },

    /** Every card's last seq, for the repair at start. */
    async heads(): Promise<Map<string, number>> {
      const out = new Map<string, number>()
      const rows = Event.find({}, { cardId: 1, seq: 1 }).lean<{ cardId: Types.ObjectId; seq: number }[]>().cursor()
      for await (const row of rows) {
        const key = String(row.cardId)
        if ((out.get(key) ?? 0) < row.seq) out.set(key, row.seq)
      }
      return out
    },

    /**
     * Checks every chain from its first event; `heads` are the projections' (card documents')
     * claims about where each chain ends, so a deleted last event is caught too.
     */
    async verify(heads: Map<string, { seq: number; head: string }>): Promise<{ cards: number; events: number; breaks: ChainBreak[] }> {
      const breaks: ChainBreak[] = []
      let events = 0
      let cards = 0
      let current: string | null = null
      let chain: CardEventRecord[] = []
      const seen = new Set<string>()
      const close = () => {
        if (current === null) return
        cards++
        seen.add(current)
        const broken = firstBreak(current, chain as never)
        const claimed = heads.get(current)
        const last = chain.at(-1)
        if (broken) breaks.push(broken)
        else if (!claimed) {
          // A chain without its card: the card document was deleted.
          breaks.push({ cardId: current, seq: last?.seq ?? 1, reason: 'head' })
        } else if (chain[claimed.seq - 1]?.hash !== claimed.head) {
          // The document names a head the chain does not have: the chain's last events were
          // deleted (or replaced). A document merely behind its chain names an event the chain
          // has: a write under way, or a crash the next write or start repairs; that is no break.
          breaks.push({ cardId: current, seq: Math.min(claimed.seq, (last?.seq ?? 0) + 1), reason: 'head' })
        }
      }
      const cursor = Event.find({}).sort({ cardId: 1, seq: 1 }).lean<CardEventRecord[]>().cursor()
      for await (const event of cursor) {
        events++
        const id = String(event.cardId)
        if (id !== current) {
          close()
          current = id
          chain = []
        }
        chain.push(event)
      }
      close()
      for (const [cardId] of heads) if (!seen.has(cardId)) breaks.push({ cardId, seq: 1, reason: 'start' })
      return { cards, events, breaks }
    },

    /** Every event of a cycle's cards, each card's in chain order. */
    async ofCycle(cycleId: string): Promise<FoldEvent[]> {
      const events = await Event.find({ cycleId: new Types.ObjectId(cycleId) }).lean<FoldEvent[]>()
      return events.sort((a, b) => (String(a.cardId) < String(b.cardId) ? -1 : String(a.cardId) > String(b.cardId) ? 1 : a.seq - b.seq))
    },

    /** The card's changes of place (moves and undos) from chain place `seq` back, newest first, at most `limit`. */
    async movesBack(cardId: Types.ObjectId | string, seq: number, limit: number): Promise<FoldEvent[]> {
      const out: FoldEvent[] = []
      for (let at = seq; at >= 1 && out.length < limit; at--) {
        const event = (await Event.collection.findOne({ _id: eventId(cardId, at) } as never)) as unknown as FoldEvent | null
        if (event && (event.kind === 'move' || event.kind === 'undo')) out.push(event)
      }
      return out
    },

    /** Only to undo a cycle whose creation failed: its cards never existed for anyone. */
    deleteForCycle(cycleId: Types.ObjectId) {
      return Event.deleteMany({ cycleId })
    },
  }
}
export type Ledger = ReturnType<typeof createLedger>
