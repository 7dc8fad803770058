import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** scrypt (memory-hard, built into Node): N=2^15, r=8 uses 32 MiB per hash. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32

function scrypt(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, KEY_LENGTH, { ...opts, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  )
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, PARAMS)
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** A login for an unknown user still pays for one hash, so timing does not reveal who exists. */
const DUMMY_HASH = hashPassword(randomBytes(12).toString('hex'))
export async function burnPasswordCheck(password: string): Promise<false> {
  await verifyPassword(password, await DUMMY_HASH)
  return false
}

// Letters and digits that cannot be mistaken for one another when read out or copied from a screen.
const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** A temporary password for an administrator's reset: 15 random characters in three groups, "kp7m2-x9qat-rz4hd". */
export function temporaryPassword(): string {
  const bytes = randomBytes(15)
  const chars = [...bytes].map((b) => TEMPORARY_ALPHABET[b % TEMPORARY_ALPHABET.length])
  return [chars.slice(0, 5), chars.slice(5, 10), chars.slice(10)].map((g) => g.join('')).join('-')
}
