import { z } from 'zod'
import { LaneId, UnitId } from './common'

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung')
export const Password = z.string().min(8, 'kata sandi minimal 8 karakter').max(200)

export const UserCreate = z.strictObject({
  name: z.string().trim().min(1).max(120),
  username: Username,
  nip: z
    .string()
    .trim()
    .regex(/^(\d{18})?$/, 'NIP terdiri dari 18 angka')
    .optional()
    .default(''),
  role: LaneId,
  unitId: UnitId.nullable().optional().default(null),
  isAdmin: z.boolean().default(false),
  password: Password,
})
export type UserCreate = z.input<typeof UserCreate>

export const SetupAdmin = UserCreate.omit({ isAdmin: true })
export type SetupAdmin = z.input<typeof SetupAdmin>

export const Login = z.strictObject({ username: z.string().trim().toLowerCase().min(1).max(40), password: z.string().min(1).max(200) })
export type Login = z.infer<typeof Login>

export const UserActive = z.strictObject({ active: z.boolean() })

export interface UserDto {
  id: string
  name: string
  username: string
  nip: string
  role: string
  unitId: string | null
  isAdmin: boolean
  active: boolean
}
