import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose'

const positionSchema = new Schema({ step: Number, lane: String }, { _id: false })
const personSchema = new Schema({ id: String, name: String }, { _id: false })

const historySchema = new Schema(
  {
    opId: String,
    /** The event's seq in card_events: what card:undo names. */
    seq: Number,
    kind: String,
    at: Date,
    by: personSchema,
    from: { type: positionSchema, default: null },
    to: positionSchema,
    note: { type: String, default: '' },
  },
  { _id: false },
)

const visitSchema = new Schema(
  {
    step: Number,
    round: Number,
    enteredAt: Date,
    leftAt: { type: Date, default: null },
    workingMs: { type: Number, default: null },
    standardMs: Number,
    extended: Number,
  },
  { _id: false },
)

const noteSchema = new Schema({ id: String, at: Date, by: personSchema, text: String, editedAt: Date }, { _id: false })

/** A file in GridFS (bucket `documents`) attached as a step's Output; `id` is the GridFS file id. */
const documentSchema = new Schema(
  { id: String, step: Number, name: String, type: String, size: Number, at: Date, by: personSchema },
  { _id: false },
)

/**
 * A card as the board reads it: the slim projection of its events (server/cards/projection.ts),
 * written after each event, and rebuilt from them when it fell behind (a crash between the two
 * writes). Documents of versions before 2026-12 also held `history` and `notes` (server/cards/slim.ts).
 */
const cardSchema = new Schema({
  cycleId: { type: Schema.Types.ObjectId, required: true, index: true },
  unit: { id: String, name: String, shortName: String },
  step: { type: Number, required: true },
  lane: { type: String, required: true },
  version: { type: Number, required: true },
  enteredStepAt: { type: Date, required: true },
  rounds: { type: Number, default: 0 },
  // The current step's thresholds, top-level so the timer scheduler can find the next one by index.
  dueAt: { type: Date, default: null, index: true },
  atRiskAt: { type: Date, default: null, index: true },
  /** Every stay in a step; the last one is open (leftAt null) while the card is not finished. */
  visits: { type: [visitSchema], default: [] },
  /**
   * Mutu Baku per step, keyed "s<step>": { checks: { i<index>: boolean }, output }. Object keys, not
   * arrays, so one tick is one `$set` on a dotted path (FerretDB v1 cannot address array elements).
   */
  mutu: { type: Schema.Types.Mixed, default: {} },
  /** The latest change of place; the whole history is the chain's (server/cards/projection.ts). */
  lastEntry: { type: historySchema, required: true },
  noteCount: { type: Number, default: 0 },
  /** The newest note, cut to LAST_NOTE_CHARS; the notes themselves are the chain's. */
  lastNote: { type: noteSchema, default: null },
  documents: { type: [documentSchema], default: [] },
  /**
   * The head of the card's chain in `card_events` (server/ledger): the last event's seq and hash.
   * This document is the projection of those events; the events are what counts.
   */
  seq: { type: Number, required: true },
  head: { type: String, required: true },
})

export type CardRecord = InferSchemaType<typeof cardSchema> & { _id: Types.ObjectId }

export function cardModel(conn: Connection) {
  return conn.model('Card', cardSchema, 'cards')
}
export type CardModel = ReturnType<typeof cardModel>
