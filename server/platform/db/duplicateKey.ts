/** The error MongoDB and FerretDB answer when an insert meets a unique index: the claims this app makes. */
export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number }).code === 11000
}
