import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { z } from 'zod'
import { invalidFields } from '../lib/validation'

/**
 * What every form here keeps while it is filled in and sent: which fields are invalid, whether a
 * request is on its way, and the server's answer in words.
 */
export function useFormState() {
  const { t } = useI18n()
  const invalid = ref(new Set<string>())
  const submitting = ref(false)
  const serverError = ref('')

  /** A FormField's `invalid` and `error`: the field's own text from `validation.*`. */
  function fieldError(field: string): { invalid: boolean; error: string } {
    return { invalid: invalid.value.has(field), error: t(`validation.${field}`) }
  }

  /**
   * Marks the fields the schema rejected, plus those `also` flags (checks the schema cannot see,
   * such as a repeated password); true when none is invalid.
   */
  function validate(result: z.ZodSafeParseResult<unknown>, also: Record<string, boolean> = {}): boolean {
    const fields = result.success ? new Set<string>() : invalidFields(result.error)
    for (const [field, bad] of Object.entries(also)) if (bad) fields.add(field)
    invalid.value = fields
    return fields.size === 0
  }

  /** Runs the request with `submitting` set; a failure becomes `serverError` through `explain`. */
  async function send(request: () => Promise<void>, explain: (err: unknown) => string): Promise<void> {
    submitting.value = true
    try {
      await request()
    } catch (err) {
      serverError.value = explain(err)
    } finally {
      submitting.value = false
    }
  }

  return { invalid, submitting, serverError, fieldError, validate, send }
}
