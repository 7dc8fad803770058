import { Schema, type Connection, type InferSchemaType, type Types } from 'mongoose'

const unitSchema = new Schema({ id: String, name: String, shortName: String }, { _id: false })

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
  },
  { timestamps: true },
)
// "The same period cannot be started twice by accident": enforced by the database, not a pre-check.
cycleSchema.index({ templateId: 1, year: 1, quarter: 1 }, { unique: true })

export type CycleRecord = InferSchemaType<typeof cycleSchema> & { _id: Types.ObjectId; createdAt: Date }

export function cycleModel(conn: Connection) {
  return conn.model('Cycle', cycleSchema)
}
export type CycleModel = ReturnType<typeof cycleModel>
