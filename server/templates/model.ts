import { Schema, type Connection, type InferSchemaType } from 'mongoose'

const authorSchema = new Schema({ id: { type: String, default: null }, name: { type: String, required: true } }, { _id: false })

/** One document per stored version of an SOP template; a version is never changed once written. */
const templateSchema = new Schema({
  templateId: { type: String, required: true },
  version: { type: Number, required: true },
  // The whole SopTemplate (id and version included), exactly what a cycle started on it copies.
  template: { type: Schema.Types.Mixed, required: true },
  createdBy: { type: authorSchema, required: true },
  createdAt: { type: Date, required: true },
})
// Saving inserts version n + 1: of two administrators saving on the same base, the index lets one
// through (FerretDB's updates are not atomic across writers; a unique insert is).
templateSchema.index({ templateId: 1, version: 1 }, { unique: true })

export type TemplateRecord = InferSchemaType<typeof templateSchema>

export function templateModel(conn: Connection) {
  return conn.model('Template', templateSchema)
}
export type TemplateModel = ReturnType<typeof templateModel>
