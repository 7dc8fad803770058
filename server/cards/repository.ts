import { randomUUID } from 'node:crypto'
import { Types } from 'mongoose'
import type { CardDetail, CardDto, FullCard, HistoryEntryDto, NoteDto, PersonRef } from '../../shared/protocol/board'
import { LAST_NOTE_CHARS } from '../../shared/protocol/constants'
import type { DocumentDto } from '../../shared/protocol/documents'
import type { Position } from '../../shared/domain/moves'
import { defaultLaneOf } from '../../shared/domain/moves'
import { stepOf, type SopTemplate, type Unit } from '../../shared/domain/template'
import type { WorkCalendar } from '../../shared/time/calendar'
import type { MovableCard, MoveEvent } from '../../shared/domain/applyMove'
import { clockToDto, extendedOf, openVisit, type StepClock, type Visit } from '../../shared/domain/stepClock'
import type { BoardCache } from './boardCache'
import type { CardModel, CardRecord } from './model'
import { applyEvent, listsOf, type CardLists, type CardState, type FoldEvent, type HistoryEntry, type NoteEntry, type PlaceState, type StepMutu, type StoredDocument } from './projection'
import { seal, type EventDraft, type Ledger } from '../ledger/repository'
import { createLogger, type Logger } from '../platform/logger'

function mutuOf(card: CardRecord, step: number): StepMutu {
  const all = (card.mutu ?? {}) as Record<string, StepMutu>
  return all[`s${step}`] ?? {}
}

function toPosition(p: { step?: number | null; lane?: string | null } | null | undefined): Position | null {
  return p && typeof p.step === 'number' && p.lane ? { step: p.step, lane: p.lane } : null
}

export function visitsOf(card: CardRecord): Visit[] {
  return (card.visits ?? []).map((v) => ({
    step: v.step ?? 0,
    round: v.round ?? 1,
    enteredAt: v.enteredAt ?? new Date(0),
    leftAt: v.leftAt ?? null,
    workingMs: v.workingMs ?? null,
    standardMs: v.standardMs ?? 0,
    ...(v.extended ? { extended: v.extended } : {}),
  }))
}

/** The card as shared/domain/applyMove.ts reads it: place, version, rounds and step clock. */
export function movableOf(card: CardRecord): MovableCard {
  return {
    unitId: card.unit?.id ?? '',
    step: card.step,
    lane: card.lane,
    version: card.version,
    rounds: card.rounds ?? 0,
    ...clockOf(card),
  }
}

function clockOf(card: CardRecord): StepClock {
  return { enteredStepAt: card.enteredStepAt, dueAt: card.dueAt ?? null, atRiskAt: card.atRiskAt ?? null, visits: visitsOf(card) }
}

type LooseEntry = CardRecord['lastEntry']

function toEntryDto(h: LooseEntry | HistoryEntry, card: CardRecord): HistoryEntryDto {
  return {
    opId: h.opId ?? '',
    ...(typeof h.seq === 'number' ? { seq: h.seq } : {}),
    kind: (h.kind ?? 'advance') as HistoryEntryDto['kind'],
    at: (h.at ?? new Date(0)).toISOString(),
    by: { id: h.by?.id ?? '', name: h.by?.name ?? '' },
    from: toPosition(h.from),
    to: toPosition(h.to) ?? { step: card.step, lane: card.lane },
    note: h.note ?? '',
    ...('amount' in h && typeof h.amount === 'number' ? { amount: h.amount } : {}),
  }
}

function toNoteDto(n: NoteEntry): NoteDto {
  return { id: n.id, at: n.at.toISOString(), by: { id: n.by.id, name: n.by.name }, text: n.text, ...(n.editedAt ? { editedAt: n.editedAt.toISOString() } : {}) }
}

function lastNoteOf(card: CardRecord): CardDto['lastNote'] {
  const last = card.lastNote
  if (!last) return null
  return { at: (last.at ?? new Date(0)).toISOString(), by: last.by?.name ?? '', text: (last.text ?? '').slice(0, LAST_NOTE_CHARS) }
}

/** The slim card boards hold: no history, notes, visits or documents (those are `toCardDetail`). */
export function toCardDto(card: CardRecord, template: SopTemplate): CardDto {
  const mutu = mutuOf(card, card.step)
  const items = stepOf(template, card.step)?.kelengkapan.length ?? 0
  const { visits, ...clock } = clockToDto(clockOf(card))
  const extended = extendedOf(visits)
  return {
    id: String(card._id),
    cycleId: String(card.cycleId),
    unit: { id: card.unit?.id ?? '', name: card.unit?.name ?? '', shortName: card.unit?.shortName ?? '' },
    step: card.step,
    lane: card.lane,
    version: card.version,
    seq: card.seq,
    ...clock,
    rounds: card.rounds ?? 0,
    ...(extended ? { extended } : {}),
    checklist: Array.from({ length: items }, (_, i) => mutu.checks?.[`i${i}`] === true),
    output: mutu.output ?? '',
    noteCount: card.noteCount ?? 0,
    documentCount: (card.documents ?? []).length,
    lastNote: lastNoteOf(card),
    lastEntry: toEntryDto(card.lastEntry, card),
  }
}

/** What the card panel loads (`card:detail`): the card's history and notes (from its chain), visits and documents. */
export function toCardDetail(card: CardRecord, lists: CardLists): CardDetail {
  return {
    cardId: String(card._id),
    version: card.version,
    history: lists.history.map((h) => toEntryDto(h, card)),
    notes: lists.notes.map(toNoteDto),
    visits: clockToDto(clockOf(card)).visits,
    documents: (card.documents ?? []).map(toDocumentDto),
  }
}

/** The slim card with its lists: what the server's reports and exports read, never sent to a board. */
export function toFullCard(card: CardRecord, template: SopTemplate, lists: CardLists): FullCard {
  const { cardId: _id, version: _version, ...detail } = toCardDetail(card, lists)
  return { ...toCardDto(card, template), ...detail }
}

interface LooseDocument {
  id?: string | null
  step?: number | null
  name?: string | null
  type?: string | null
  size?: number | null
  at?: Date | null
  by?: { id?: string | null; name?: string | null } | null
}

export function toDocumentDto(d: LooseDocument): DocumentDto {
  return {
    id: d.id ?? '',
    step: d.step ?? 0,
    name: d.name ?? '',
    type: d.type ?? '',
    size: d.size ?? 0,
    at: (d.at ?? new Date(0)).toISOString(),
    by: { id: d.by?.id ?? '', name: d.by?.name ?? '' },
  }
}

/** A move decided by shared/domain/applyMove.ts against the card at `expectedVersion`. */
export interface MoveWrite {
  cardId: string
  opId: string
  expectedVersion: number
  event: MoveEvent
  by: PersonRef
  at: Date
  /** The card the move was checked against (commit() decides on it first). */
  seen?: CardRecord
}

/** An undo of the move at chain place `undoes`, back to `state` (the card as before that move). */
export interface UndoWrite {
  cardId: string
  opId: string
  undoes: number
  /** The chain's head the undo was checked against: the move, or a timer crossing after it. */
  after: number
  from: Position
  to: Position
  state: PlaceState
  by: PersonRef
  at: Date
  seen?: CardRecord
}

/**
 * Runs tasks one after another per key. FerretDB v1 (SQLite) executes an update as a read and then
 * a separate whole-document write (FerretDB/FerretDB#3040): two concurrent writes of one card's
 * projection could land in either order. Waiting for the previous write to the same card keeps
 * one node's writes in order; the ledger's unique claim keeps several nodes' events in order.
 */
function keyedQueue() {
  const tails = new Map<string, Promise<unknown>>()
  return function run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const result = (tails.get(key) ?? Promise.resolve()).then(task, task)
    const tail = result.catch(() => undefined)
    tails.set(key, tail)
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key)
    })
    return result
  }
}

/** How often a writer re-reads and tries again after another writer claimed the same place. */
const MAX_CLAIMS = 8

/** What a command decided against the card as it is: an event to append, or nothing to do. */
export type Decide = (card: CardRecord) => EventDraft | null

export interface Committed {
  card: CardRecord
  /**
   * The appended event; null when the operation had been applied before (a resend). A resend
   * whose first attempt died before its projection gets that attempt's event, to tell the others.
   */
  event: FoldEvent | null
  /** Whether this call's insert made the event (not an earlier attempt, nor another node's). */
  ours: boolean
}

/** The card document as the fold's state; mongoose leaves empty objects and defaults unwritten. */
function stateOf(card: CardRecord): CardState {
  const { _id: _ignored, __v: _version, ...state } = card as CardRecord & { __v?: number }
  const s = state as unknown as CardState
  return { ...s, rounds: s.rounds ?? 0, visits: s.visits ?? [], mutu: s.mutu ?? {}, noteCount: s.noteCount ?? 0, lastNote: s.lastNote ?? null, documents: s.documents ?? [] }
}

/** `log` hears of a projection that failed after its event was committed (see settle()). */
export function createCardsRepository(Card: CardModel, ledger: Ledger, boards: BoardCache, log: Logger = createLogger('warn')) {
  const oneWriteAtATime = keyedQueue()

  /**
   * Writes the projection, then folds in any event that landed meanwhile and writes again, until
   * no later event exists. The write is filtered by `_id` alone: FerretDB v1 answers anything more
   * by reading every card into its own process (a guard `seq < n` made a move cost 130 ms beside a
   * 4000-card board). No guard is needed for the order: on two nodes, guarded or not, the older of
   * two writes can land last; but its writer then looks for later events and finds the newer one
   * (it was inserted before the newer write, which came before this one), so the last writer always
   * leaves the document at the head.
   */
  async function toHead(cardId: Types.ObjectId, state: CardState): Promise<CardState> {
    await Card.updateOne({ _id: cardId }, { $set: state })
    for (let later = await ledger.after(cardId, state.seq); later.length; later = await ledger.after(cardId, state.seq)) {
      state = later.reduce<CardState>((s, e) => applyEvent(s, e), state)
      await Card.updateOne({ _id: cardId }, { $set: state })
    }
    await boards.written(String(state.cycleId), [{ ...state, _id: cardId } as CardRecord])
    return state
  }

  /** Brings the projection up to the ledger's head (after a crash, or another node's write); `folded` are the events it lacked. */
  async function catchUp(card: CardRecord): Promise<{ card: CardRecord; folded: FoldEvent[] }> {
    const missing = await ledger.after(card._id, card.seq)
    if (!missing.length) return { card, folded: [] }
    const state = await toHead(card._id, missing.reduce<CardState>((s, e) => applyEvent(s, e), stateOf(card)))
    return { card: { ...state, _id: card._id } as CardRecord, folded: missing }
  }

  /**
   * Projects a committed event. It is committed whatever happens here, so a failure is logged,
   * not thrown: the next write to the card or the next start folds it in.
   */
  async function settle(card: CardRecord, event: FoldEvent): Promise<CardRecord> {
    let state = applyEvent(stateOf(card), event)
    try {
      state = await toHead(card._id, state)
    } catch (err) {
      log.error({ err, cardId: String(card._id), seq: event.seq }, 'card projection failed; the ledger holds the event')
    }
    return { ...state, _id: card._id } as CardRecord
  }

  /**
   * The one write path: read the card, decide, claim the next place in its chain with the event
   * (the commit point: from here on the change exists), then project it onto the card document.
   * A writer that loses the claim to another catches up with the winner's event and decides again
   * against the card as it now is. A resent operation id is answered with the card as it is, and
   * with its event if that event had not reached the document yet (its first attempt died between
   * the two writes), so the caller still tells the others.
   * `seen` is the card as the caller just read it (to check the command against): the first
   * attempt decides on it instead of reading it again; if it is behind, the claim says so.
   */
  function commit(cardId: string, decide: Decide, seen?: CardRecord): Promise<Committed | null> {
    return oneWriteAtATime(cardId, async () => {
      for (let attempt = 0; attempt < MAX_CLAIMS; attempt++) {
        const read = attempt === 0 && seen ? seen : await Card.findById(cardId).lean<CardRecord>()
        if (!read) return null
        const card = attempt === 0 ? read : (await catchUp(read)).card
        const draft = decide(card)
        if (!draft) return null
        const event = seal(draft, { cardId: card._id, cycleId: card.cycleId, seq: card.seq, head: card.head })
        const result = await ledger.append(event)
        if ('appended' in result) return { card: await settle(card, event), event, ours: true }
        if (result.taken === 'opId') {
          // Against the document as stored, not `seen`: the event is news only if the document lacks it.
          const stored = (await Card.findById(cardId).lean<CardRecord>()) ?? card
          const { card: now, folded } = await catchUp(stored)
          return { card: now, event: folded.find((e) => e.opId === draft.opId) ?? null, ours: false }
        }
      }
      throw new Error(`card ${cardId}: could not claim a place in its chain after ${MAX_CLAIMS} attempts`)
    })
  }

  const system = { id: '', name: '' }
  const sysOp = (what: string) => `${what}-${randomUUID()}`

  return {
    commit,

    async createForCycle(cycleId: Types.ObjectId, template: SopTemplate, units: Unit[], by: PersonRef, at: Date, cal: WorkCalendar) {
      const to = { step: 1, lane: defaultLaneOf(template, 1) ?? template.lanes[0]?.id ?? '' }
      const { visit, ...clock } = openVisit(cal, template, to.step, 1, at)
      const events = units.map((unit) =>
        seal(
          {
            kind: 'create',
            payload: { unit, to, clock: { ...clock, visits: visit ? [visit] : [] } },
            opId: `create-${String(cycleId)}-${unit.id}`,
            at,
            by,
            version: 1,
          },
          { cardId: new Types.ObjectId(), cycleId, seq: 0, head: '' },
        ),
      )
      // The board's list, then the events: a card document without its chain would be a card
      // nothing vouches for, and one missing from the list a card no board shows.
      await boards.listed(String(cycleId), events.map((e) => String(e.cardId)))
      await ledger.appendMany(events)
      const records = events.map((e) => ({ _id: e.cardId, ...applyEvent(null, e) }) as CardRecord)
      await Card.insertMany(records)
      await boards.written(String(cycleId), records)
    },

    async deleteForCycle(cycleId: Types.ObjectId) {
      await Card.deleteMany({ cycleId })
      await boards.dropped(String(cycleId))
      await ledger.deleteForCycle(cycleId)
    },

    async findById(id: string): Promise<CardRecord | null> {
      return Card.findById(id).lean<CardRecord>()
    },

    /** Ordered by `_id`; from this node's copy of the board while no other writer changed it. */
    listForCycle(cycleId: string): Promise<CardRecord[]> {
      return boards.cardsOf(cycleId)
    },

    /** Steps per card for the cycles' progress bars, without loading histories. */
    async stepsByCycle(cycleIds: Types.ObjectId[]): Promise<Map<string, number[]>> {
      const rows = await Card.find({ cycleId: { $in: cycleIds } }, { cycleId: 1, step: 1 }).lean()
      const out = new Map<string, number[]>()
      for (const row of rows) {
        const key = String(row.cycleId)
        out.set(key, [...(out.get(key) ?? []), row.step])
      }
      return out
    },

    /**
     * The card as it is now if this operation id was applied to it already (a resend), else null.
     * Queued behind the card's writes and caught up with its ledger, so a resend that races its
     * first attempt is answered with that attempt's result, not with the card from before it.
     */
    resent(cardId: string, opId: string): Promise<CardRecord | null> {
      return oneWriteAtATime(cardId, async () => {
        if (!(await ledger.applied(cardId, opId))) return null
        const read = await Card.findById(cardId).lean<CardRecord>()
        return read && (await catchUp(read)).card
      })
    },

    /**
     * The move as one event, guarded by the version the client saw: null when the card's place
     * changed since (the caller tells the client who moved it). The event (clock and rounds
     * included) was computed from the card the caller read; a note or tick in between changes
     * neither place nor clock.
     */
    async applyMove(m: MoveWrite): Promise<Committed | null> {
      return commit(m.cardId, (card) =>
        card.version !== m.expectedVersion ? null : { ...m.event, opId: m.opId, at: m.at, by: m.by, version: card.version + 1 },
        m.seen,
      )
    },

    /** The card's whole chain, oldest first: an undo folds it to the card as it was before the move. */
    eventsOf(cardId: string): Promise<FoldEvent[]> {
      return ledger.after(cardId, 0)
    },

    /**
     * The cycle's latest moves and undos, newest first (the wall's ticker), read by id. They are
     * all of the `limit` cards whose last change of place is the latest: a card outside those
     * has every move older than theirs, `limit` moves in all. Each of them gives its chain's
     * latest moves, read back from its head. `cycleCards` are the cycle's cards as just read.
     */
    async latestMoves(cycleCards: CardRecord[], limit: number): Promise<FoldEvent[]> {
      const newest = (a: { at?: Date | null; seq?: number | null }, b: { at?: Date | null; seq?: number | null }) =>
        (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0) || (b.seq ?? 0) - (a.seq ?? 0)
      const moved = cycleCards.filter((c) => c.lastEntry.kind !== 'create')
      const latest = moved.sort((a, b) => newest(a.lastEntry, b.lastEntry)).slice(0, limit)
      const chains = await Promise.all(latest.map((c) => ledger.movesBack(c._id, c.seq, limit)))
      return chains.flat().sort(newest).slice(0, limit)
    },

    /** The card's history and notes, from its chain: what the card panel shows. */
    async listsOf(cardId: string): Promise<CardLists> {
      return listsOf(await ledger.after(cardId, 0))
    },

    /**
     * Every card's history and notes for a cycle's reports and exports: one read of the cycle's
     * events (any filter but `_id` reads the whole ledger on FerretDB v1, so this is not for boards).
     */
    async listsOfCycle(cycleId: string): Promise<Map<string, CardLists>> {
      const byCard = new Map<string, FoldEvent[]>()
      for (const event of await ledger.ofCycle(cycleId)) {
        const key = String(event.cardId)
        const chain = byCard.get(key)
        if (chain) chain.push(event)
        else byCard.set(key, [event])
      }
      return new Map([...byCard].map(([id, events]) => [id, listsOf(events)]))
    },

    /**
     * The undo as one event, guarded by the chain's head: null when anything (a move, a note, a
     * tick) happened to the card since it was checked. A place change, like a move.
     */
    async applyUndo(u: UndoWrite): Promise<Committed | null> {
      return commit(u.cardId, (card) =>
        card.seq !== u.after
          ? null
          : {
              kind: 'undo',
              payload: { undoes: u.undoes, from: u.from, to: u.to, state: u.state },
              opId: u.opId,
              at: u.at,
              by: u.by,
              version: card.version + 1,
            },
        u.seen,
      )
    },

    /** Appends a note once per operation id (the note's id). */
    async addNote(cardId: string, note: { id: string; at: Date; by: PersonRef; text: string }, seen?: CardRecord) {
      return commit(cardId, (card) => ({ kind: 'note', payload: { text: note.text }, opId: note.id, at: note.at, by: note.by, version: card.version }), seen)
    },

    /**
     * The author's change to their note, once per operation id: `text` rewrites it, null deletes
     * it. `lastNote` is the newest note that remains, which the card shows if this one was it.
     */
    async changeNote(cardId: string, change: { opId: string; noteId: string; text: string | null; lastNote: NoteEntry | null; by: PersonRef; at: Date }, seen?: CardRecord) {
      const { opId, noteId, text, lastNote, by, at } = change
      return commit(
        cardId,
        (card) =>
          text === null
            ? { kind: 'note_deleted', payload: { noteId, lastNote }, opId, at, by, version: card.version }
            : { kind: 'note_edited', payload: { noteId, text }, opId, at, by, version: card.version },
        seen,
      )
    },

    /**
     * A threshold of the card's open step passed: one `timer` event per crossing, its operation
     * id naming state and instant, so of several nodes (or a start after a stop) exactly one
     * records it. The card when this call recorded it; null when it was recorded before, or the
     * card's thresholds are no longer these (it moved on).
     */
    async recordCrossing(cardId: string, state: 'at_risk' | 'overdue', at: Date, now: Date): Promise<CardRecord | null> {
      const done = await commit(cardId, (card) => {
        const current = state === 'at_risk' ? card.atRiskAt : card.dueAt
        if (current?.getTime() !== at.getTime()) return null
        return { kind: 'timer', payload: { state, at }, opId: `timer-${state}-${at.getTime()}`, at: now, by: system, version: card.version }
      })
      // Only the one insert that made it announces it: not a node that lost the same claim.
      return done?.ours ? done.card : null
    },

    /** New thresholds for the open visit after a calendar edit; skipped if the card moved meanwhile. */
    async setThresholds(cardId: string, version: number, clock: Pick<StepClock, 'dueAt' | 'atRiskAt' | 'visits'>) {
      const done = await commit(cardId, (card) =>
        card.version !== version ? null : { kind: 'clock', payload: clock, opId: sysOp('clock'), at: new Date(), by: system, version },
      )
      return done?.card ?? null
    },

    /**
     * A dispensation on the version it was granted for: `clockFor` gives the extended clock of the
     * card as it is (null: no running clock, nothing written). Null when the card moved since;
     * `ours` false for a resend.
     */
    async extend(
      cardId: string,
      grant: { opId: string; version: number; amount: number; reason: string; by: PersonRef; at: Date },
      clockFor: (card: CardRecord) => Pick<StepClock, 'dueAt' | 'atRiskAt' | 'visits'> | null,
      seen?: CardRecord,
    ): Promise<Committed | null> {
      return commit(
        cardId,
        (card) => {
          const clock = card.version === grant.version ? clockFor(card) : null
          if (!clock) return null
          const { opId, amount, reason, by, at, version } = grant
          return { kind: 'extend', payload: { amount, reason, clock }, opId, at, by, version }
        },
        seen,
      )
    },

    /**
     * Records an uploaded file on the card, guarded by the step it was uploaded to (a card that
     * moved during the upload gets nothing). Null when the guard did not match.
     */
    async addDocument(cardId: string, step: number, doc: StoredDocument) {
      const done = await commit(cardId, (card) =>
        card.step !== step ? null : { kind: 'document_added', payload: { document: doc }, opId: `document-${doc.id}`, at: doc.at, by: doc.by, version: card.version },
      )
      return done?.card ?? null
    },

    /** Removes a document from the card; null when the card does not list it. */
    async removeDocument(cardId: string, documentId: string, by: PersonRef, at: Date) {
      const done = await commit(cardId, (card) =>
        !(card.documents ?? []).some((d) => d.id === documentId)
          ? null
          : { kind: 'document_removed', payload: { documentId }, opId: `document-removed-${documentId}`, at, by, version: card.version },
      )
      return done?.card ?? null
    },

    /** Mutu Baku writes are guarded by the step: a tick meant for step 3 never lands on step 4. */
    async setMutu(cardId: string, step: number, change: { index: number; checked: boolean } | { output: string }, op: { opId: string; by: PersonRef; at: Date }) {
      const done = await commit(cardId, (card) => {
        if (card.step !== step) return null
        const base = { opId: op.opId, at: op.at, by: op.by, version: card.version }
        return 'output' in change
          ? { ...base, kind: 'output', payload: { step, output: change.output } }
          : { ...base, kind: 'checklist', payload: { step, index: change.index, checked: change.checked } }
      })
      return done?.card ?? null
    },

    /** Every card's claim about its chain's head, for the audit (server/ledger/repository.ts verify). */
    async heads(): Promise<Map<string, { seq: number; head: string }>> {
      const out = new Map<string, { seq: number; head: string }>()
      for await (const c of Card.find({}, { seq: 1, head: 1 }).lean<{ _id: Types.ObjectId; seq: number; head: string }[]>().cursor()) {
        out.set(String(c._id), { seq: c.seq, head: c.head })
      }
      return out
    },

    /**
     * At start: every card whose document is behind its chain (the process died between the event
     * and the projection) is brought up to it; a chain whose card document is missing gets one.
     */
    async repairAll(): Promise<number> {
      // Every chain runs from 1 to its head, so when the documents' heads add up to the number of
      // events, no document is behind and no chain lacks its card: the usual start reads no event.
      let sum = 0
      for await (const c of Card.find({}, { seq: 1 }).lean<{ seq: number }[]>().cursor()) sum += c.seq
      if (sum === (await ledger.count())) return 0
      const heads = await ledger.heads()
      let repaired = 0
      for await (const card of Card.find({}).lean<CardRecord[]>().cursor()) {
        const id = String(card._id)
        const last = heads.get(id)
        heads.delete(id)
        if (last !== undefined && last > card.seq) {
          await oneWriteAtATime(id, () => catchUp(card))
          repaired++
        }
      }
      for (const [id] of heads) {
        const events = await ledger.after(id, 0)
        if (events[0]?.kind !== 'create') continue
        const state = events.reduce<CardState | null>((s, e) => applyEvent(s, e), null)
        if (!state) continue
        await Card.updateOne({ _id: new Types.ObjectId(id) }, { $setOnInsert: state }, { upsert: true })
        await boards.written(String(state.cycleId), [])
        repaired++
      }
      return repaired
    },
  }
}
export type CardsRepository = ReturnType<typeof createCardsRepository>
