import { Schema, type Connection, type InferSchemaType } from 'mongoose'

/**
 * What can happen to a card. Each is one immutable event in `card_events`; the card document
 * (server/cards/model.ts) is only their projection.
 */
export const EVENT_KINDS = [
  /** The card was made with its cycle: its unit, first place and step clock. */
  'create',
  /** Any change of place (advance, hand-off, return, finish, override): where to, why, the new clock. */
  'move',
  'note',
  /** A note's author rewrote it: the note's id and its new text (the old one stays in its 'note' event). */
  'note_edited',
  /** A note's author deleted it: the note's id, and the newest note left for the card to show. */
  'note_deleted',
  /** One Kelengkapan item of the current step ticked or cleared. */
  'checklist',
  /** The current step's Output text. */
  'output',
  'document_added',
  'document_removed',
  /** The open step's thresholds after a work-calendar edit. */
  'clock',
  /**
   * A dispensation: the Sekretaris or an administrator extended the open step's deadline by
   * `amount` units of its Waktu, with a reason; the new thresholds and visits come with it.
   */
  'extend',
  /**
   * A card of the old shape (before the ledger) taken over as it was: its whole state, after the
   * events rebuilt from its history, notes and documents.
   */
  'migrated',
  /**
   * The mover took their last move back within the undo window: the card's place and step clock
   * as before that move (server/cards/undo.ts). A place change, so it raises the version.
   */
  'undo',
  /**
   * The open step's clock passed its at-risk or due instant. Its operation id names the threshold
   * (`timer-<state>-<instant>`), so the unique { cardId, opId } makes exactly one node (or one
   * start) announce it. Changes nothing on the card; an undo looks past it.
   */
  'timer',
] as const
export type EventKind = (typeof EVENT_KINDS)[number]

const cardEventSchema = new Schema({
  cardId: { type: Schema.Types.ObjectId, required: true },
  cycleId: { type: Schema.Types.ObjectId, required: true },
  /** The event's place in its card's chain, from 1 (the creation); the claim on it is unique. */
  seq: { type: Number, required: true },
  /** The card's place version after the event: moves raise it, nothing else does. */
  version: { type: Number, required: true },
  kind: { type: String, enum: EVENT_KINDS, required: true },
  at: { type: Date, required: true },
  by: { id: { type: String, default: '' }, name: { type: String, default: '' } },
  /** The command's operation id: the same one is applied to a card at most once. */
  opId: { type: String, required: true },
  payload: { type: Schema.Types.Mixed, default: {} },
  /** The hash of the card's previous event ('' for the first): the chain. */
  prev: { type: String, required: true, default: '' },
  /** sha256 over this event's fields and `prev` (server/ledger/chain.ts). */
  hash: { type: String, required: true },
})
// The claim is the `_id`, `<cardId>:<seq>` (server/ledger/repository.ts eventId): of two writers
// of the same place in a chain exactly one insert succeeds, on MongoDB and on FerretDB's SQLite
// alike (unlike an update's guard on FerretDB). An operation is applied to a card at most once.
cardEventSchema.index({ cardId: 1, opId: 1 }, { unique: true })

/** `_id` is `<cardId>:<seq>` (server/ledger/repository.ts eventId). */
export type CardEventRecord = InferSchemaType<typeof cardEventSchema> & { _id: string }

export const CARD_EVENTS = 'card_events'

export function cardEventModel(conn: Connection) {
  return conn.model('CardEvent', cardEventSchema, CARD_EVENTS)
}
export type CardEventModel = ReturnType<typeof cardEventModel>
