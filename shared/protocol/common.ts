import { z } from '../zod'

/** Ids are checked by shape before they reach a query, so no operator object can slip through. */
export const ObjectId = z.string().regex(/^[0-9a-f]{24}$/, 'bukan id yang sah')
export const OpId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'operation id harus 8–64 karakter A-Z, a-z, 0-9, _ atau -')
export const LaneId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/)
export const UnitId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/)

export const Position = z.strictObject({
  step: z.int().min(1).max(99),
  lane: LaneId,
})
export type Position = z.infer<typeof Position>

export const NoteText = z.string().trim().min(1).max(2000)
