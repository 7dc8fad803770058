import type { z } from 'zod'

/**
 * The first failing top-level field of a zod result, by field name. The shared schemas' messages
 * are Indonesian only, so forms show their own i18n text per field and use this only for which.
 */
export function invalidFields(error: z.ZodError): Set<string> {
  const fields = new Set<string>()
  for (const issue of error.issues) {
    const key = issue.path[0]
    if (typeof key === 'string') fields.add(key)
  }
  return fields
}
