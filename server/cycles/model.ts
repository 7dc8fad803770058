import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose'
import { CYCLE_STATUSES } from '../../shared/protocol/cycles'

export const LIVE_SLOT = 'live'

const unitSchema = new Schema({ id: String, name: String, shortName: String }, { _id: false })
const personSchema = new Schema({ id: String, name: String }, { _id: false })
const endSchema = new Schema({ at: Date, by: personSchema, reason: String }, { _id: false })

const cycleSchema = new Schema(
  {
    year: { type: Number, required: true },
    quarter: { type: Number, required: true },
    title: { type: String, required: true },
    templateId: { type: String, required: true },
    templateVersion: { type: Number, required: true },
    // A snapshot of the template: a cycle keeps the version it started with whatever is edited later.
    template: { type: Schema.Types.Mixed, required: true },
    units: { type: [unitSchema], default: [] },
    createdBy: { type: String, required: true },
    status: { type: String, enum: CYCLE_STATUSES, default: 'running' },
    /**
     * Which of a period's cycles holds it: 'live' for the running or closed one, the cycle's own id
     * once cancelled, so the period can be started again. A field, not "missing" or null: FerretDB
     * (SQLite) counts missing fields and nulls as distinct in a unique index, MongoDB as equal.
     */
    slot: { type: String, default: LIVE_SLOT },
    /** Who cancelled or closed it, when, and (for a cancel) why. */
    ended: { type: endSchema, default: null },
  },
  { timestamps: true },
)
// "The same period cannot be started twice by accident": enforced by the database, not a pre-check.
// A cancelled cycle leaves the live slot (server/cycles/migrate.ts drops the index of before).
cycleSchema.index({ templateId: 1, year: 1, quarter: 1, slot: 1 }, { unique: true })

export type CycleRecord = InferSchemaType<typeof cycleSchema> & { _id: Types.ObjectId; createdAt: Date }

export function cycleModel(conn: Connection) {
  return conn.model('Cycle', cycleSchema)
}
export type CycleModel = ReturnType<typeof cycleModel>
