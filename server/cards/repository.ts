import { Types } from 'mongoose'
import type { CardDto, HistoryEntryDto, NoteDto, PersonRef, VisitDto } from '../../shared/schemas/board'
import type { DocumentDto } from '../../shared/schemas/documents'
import type { MoveKind, Position } from '../../shared/rules/moves'
import { defaultLaneOf } from '../../shared/rules/moves'
import { stepOf, type SopTemplate, type Unit } from '../../shared/sop/template'
import type { WorkCalendar } from '../../shared/time/calendar'
import { openVisit, type StepClock, type Visit } from '../timers/visits'
import type { CardModel, CardRecord } from './model'

interface StepMutu {
  checks?: Record<string, boolean>
  output?: string
}

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
  }))
}

export function toCardDto(card: CardRecord, template: SopTemplate): CardDto {
  const mutu = mutuOf(card, card.step)
  const items = stepOf(template, card.step)?.kelengkapan.length ?? 0
  return {
    id: String(card._id),
    cycleId: String(card.cycleId),
    unit: { id: card.unit?.id ?? '', name: card.unit?.name ?? '', shortName: card.unit?.shortName ?? '' },
    step: card.step,
    lane: card.lane,
    version: card.version,
    enteredStepAt: card.enteredStepAt.toISOString(),
    dueAt: card.dueAt?.toISOString() ?? null,
    atRiskAt: card.atRiskAt?.toISOString() ?? null,
    visits: visitsOf(card).map(
      (v): VisitDto => ({
        step: v.step,
        round: v.round,
        enteredAt: v.enteredAt.toISOString(),
        leftAt: v.leftAt?.toISOString() ?? null,
        workingMs: v.workingMs,
        standardMs: v.standardMs,
      }),
    ),
    rounds: card.rounds ?? 0,
    checklist: Array.from({ length: items }, (_, i) => mutu.checks?.[`i${i}`] === true),
    output: mutu.output ?? '',
    history: card.history.map(
      (h): HistoryEntryDto => ({
        opId: h.opId ?? '',
        kind: (h.kind ?? 'advance') as HistoryEntryDto['kind'],
        at: (h.at ?? new Date(0)).toISOString(),
        by: { id: h.by?.id ?? '', name: h.by?.name ?? '' },
        from: toPosition(h.from),
        to: toPosition(h.to) ?? { step: card.step, lane: card.lane },
        note: h.note ?? '',
      }),
    ),
    notes: card.notes.map(
      (n): NoteDto => ({
        id: n.id ?? '',
        at: (n.at ?? new Date(0)).toISOString(),
        by: { id: n.by?.id ?? '', name: n.by?.name ?? '' },
        text: n.text ?? '',
      }),
    ),
    documents: (card.documents ?? []).map(toDocumentDto),
  }
}

interface StoredDocument {
  id?: string | null
  step?: number | null
  name?: string | null
  type?: string | null
  size?: number | null
  at?: Date | null
  by?: { id?: string | null; name?: string | null } | null
}

export function toDocumentDto(d: StoredDocument): DocumentDto {
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

export interface MoveWrite {
  cardId: string
  opId: string
  expectedVersion: number
  kind: MoveKind
  from: Position
  to: Position
  by: PersonRef
  note: string
  at: Date
  clock: StepClock
}

/**
 * Runs tasks one after another per key. FerretDB v1 (SQLite) executes findAndModify/update as a
 * read and then a separate whole-document write (FerretDB/FerretDB#3040): two concurrent guarded
 * updates of one card can both match, and the later write silently replaces the earlier one, so
 * the version guard alone does not stop a lost move. Waiting for the previous write to the same
 * card makes the guard see it. This covers one server process; MongoDB needs none of it.
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

export function createCardsRepository(Card: CardModel) {
  const oneWriteAtATime = keyedQueue()

  return {
    async createForCycle(cycleId: Types.ObjectId, template: SopTemplate, units: Unit[], by: PersonRef, at: Date, cal: WorkCalendar) {
      const to = { step: 1, lane: defaultLaneOf(template, 1) ?? template.lanes[0]?.id ?? '' }
      const { visit, ...clock } = openVisit(cal, template, to.step, 1, at)
      await Card.insertMany(
        units.map((unit) => {
          const opId = `create-${String(cycleId)}-${unit.id}`
          return {
            cycleId,
            unit,
            step: to.step,
            lane: to.lane,
            version: 1,
            ...clock,
            visits: visit ? [visit] : [],
            rounds: 0,
            mutu: {},
            history: [{ opId, kind: 'create', at, by, from: null, to, note: '' }],
            notes: [],
            opIds: [opId],
          }
        }),
      )
    },

    deleteForCycle(cycleId: Types.ObjectId) {
      return Card.deleteMany({ cycleId })
    },

    async findById(id: string): Promise<CardRecord | null> {
      return Card.findById(id).lean<CardRecord>()
    },

    async listForCycle(cycleId: string): Promise<CardRecord[]> {
      return Card.find({ cycleId: new Types.ObjectId(cycleId) }).sort({ _id: 1 }).lean<CardRecord[]>()
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
     * The move, its history entry and the applied operation id in ONE single-document update,
     * guarded by the version the client saw and by the operation id not being applied yet.
     * FerretDB has no multi-document transactions; one document needs none. Returns null when the
     * guard did not match (stale version or repeated operation).
     */
    async applyMove(m: MoveWrite): Promise<CardRecord | null> {
      const entry = { opId: m.opId, kind: m.kind, at: m.at, by: m.by, from: m.from, to: m.to, note: m.note }
      return oneWriteAtATime(m.cardId, () =>
        Card.findOneAndUpdate(
          { _id: m.cardId, version: m.expectedVersion, opIds: { $ne: m.opId } },
          {
            // The whole visits array is rewritten: FerretDB v1 cannot $set one array element, and the
          // version guard (plus the per-card queue) makes the read it was computed from current.
          $set: { step: m.to.step, lane: m.to.lane, ...m.clock },
            $inc: { version: 1, rounds: m.kind === 'return' ? 1 : 0 },
            $push: { history: entry, opIds: m.opId },
          },
          { returnDocument: 'after' },
        )
          .lean<CardRecord>()
          .exec(),
      )
    },

    /** Appends a note once per operation id; null when that id was applied already. */
    async addNote(cardId: string, note: { id: string; at: Date; by: PersonRef; text: string }) {
      return oneWriteAtATime(cardId, () =>
        Card.findOneAndUpdate(
          { _id: cardId, opIds: { $ne: note.id } },
          { $push: { notes: note, opIds: note.id } },
          { returnDocument: 'after' },
        )
          .lean<CardRecord>()
          .exec(),
      )
    },

    /** Cards whose current step has a clock that passed its at-risk instant (overdue ones included). */
    async pastAtRisk(now: Date): Promise<CardRecord[]> {
      return Card.find({ atRiskAt: { $lte: now }, dueAt: { $ne: null } }, { history: 0, notes: 0, mutu: 0 }).lean<CardRecord[]>()
    },

    /** The earliest threshold still ahead of `now` among all running cards, or null. */
    async nextThreshold(now: Date): Promise<Date | null> {
      const [risk, due] = await Promise.all([
        Card.findOne({ atRiskAt: { $gt: now } }, { atRiskAt: 1 }).sort({ atRiskAt: 1 }).lean(),
        Card.findOne({ dueAt: { $gt: now } }, { dueAt: 1 }).sort({ dueAt: 1 }).lean(),
      ])
      const times = [risk?.atRiskAt, due?.dueAt].filter((d): d is Date => d instanceof Date)
      return times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : null
    },

    /** Running cards that sit in a lane, across all cycles: the candidates for someone's tasks. */
    async inLane(lane: string): Promise<CardRecord[]> {
      return Card.find({ lane: { $eq: lane }, dueAt: { $ne: null } }).sort({ dueAt: 1 }).lean<CardRecord[]>()
    },

    async running(): Promise<CardRecord[]> {
      return Card.find({ dueAt: { $ne: null } }, { history: 0, notes: 0, mutu: 0 }).lean<CardRecord[]>()
    },

    /** New thresholds for the open visit after a calendar edit; skipped if the card moved meanwhile. */
    async setThresholds(cardId: string, version: number, clock: Pick<StepClock, 'dueAt' | 'atRiskAt' | 'visits'>) {
      return oneWriteAtATime(cardId, () =>
        Card.findOneAndUpdate({ _id: cardId, version }, { $set: clock }, { returnDocument: 'after' })
          .lean<CardRecord>()
          .exec(),
      )
    },

    /**
     * Records an uploaded file on the card, guarded by the step it was uploaded to (a card that
     * moved during the upload gets nothing). Null when the guard did not match.
     */
    async addDocument(cardId: string, step: number, doc: { id: string; step: number; name: string; type: string; size: number; at: Date; by: PersonRef }) {
      return oneWriteAtATime(cardId, () =>
        Card.findOneAndUpdate({ _id: cardId, step }, { $push: { documents: doc } }, { returnDocument: 'after' })
          .lean<CardRecord>()
          .exec(),
      )
    },

    /**
     * Removes a document from the card. The list is read and rewritten as a whole (the same
     * array-wide `$set` the visits use on FerretDB v1) inside the per-card queue, so no other write
     * to the card lands between the read and the write on this node.
     */
    async removeDocument(cardId: string, documentId: string) {
      return oneWriteAtATime(cardId, async () => {
        const card = await Card.findById(cardId, { documents: 1 }).lean<Pick<CardRecord, 'documents'>>()
        if (!card) return null
        const documents = (card.documents ?? []).filter((d) => d.id !== documentId)
        return Card.findOneAndUpdate({ _id: cardId }, { $set: { documents } }, { returnDocument: 'after' })
          .lean<CardRecord>()
          .exec()
      })
    },

    /** Mutu Baku writes are guarded by the step: a tick meant for step 3 never lands on step 4. */
    async setMutu(cardId: string, step: number, field: string, value: boolean | string) {
      return oneWriteAtATime(cardId, () =>
        Card.findOneAndUpdate(
          { _id: cardId, step },
          { $set: { [`mutu.s${step}.${field}`]: value } },
          { returnDocument: 'after' },
        )
          .lean<CardRecord>()
          .exec(),
      )
    },
  }
}
export type CardsRepository = ReturnType<typeof createCardsRepository>
