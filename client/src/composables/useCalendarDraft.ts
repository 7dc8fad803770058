import { computed, ref, watch } from 'vue'
import { DEFAULT_CALENDAR, type WorkCalendar } from '@shared/time/calendar'
import { WorkCalendarSchema } from '@shared/time/schema'
import { calendarIssues, type CalendarIssue } from '../lib/calendarIssues'
import { copyData, sameData } from '../lib/sameData'
import { useCalendarStore } from '../stores/calendar'

export type SaveOutcome = { ok: true } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'server'; error: unknown }

function prepared(cal: WorkCalendar): WorkCalendar {
  const copy = copyData(cal)
  // Shown by date; the order has no meaning to the arithmetic.
  copy.holidays.sort((a, b) => a.date.localeCompare(b.date))
  return copy
}

/**
 * The administrator's working copy of the calendar: edited freely, checked with the shared
 * WorkCalendarSchema (messages appear after the first attempt to save, then follow every edit),
 * saved whole with PUT. A save by someone else while editing is adopted if nothing was changed
 * here, and reported otherwise.
 */
export function useCalendarDraft() {
  const store = useCalendarStore()
  const draft = ref<WorkCalendar | null>(null)
  const baseline = ref<WorkCalendar | null>(null)
  const checked = ref(false)
  const saving = ref(false)
  /** Another administrator saved while this draft had changes. */
  const overtaken = ref(false)

  const dirty = computed(() => !!draft.value && !!baseline.value && !sameData(draft.value, baseline.value))
  const parsed = computed(() => (draft.value ? WorkCalendarSchema.safeParse(draft.value) : null))
  const issues = computed<Map<string, CalendarIssue>>(() =>
    checked.value && parsed.value && !parsed.value.success ? calendarIssues(parsed.value.error) : new Map(),
  )
  const isDefault = computed(() => !!draft.value && sameData(draft.value, prepared(DEFAULT_CALENDAR)))

  function adopt(cal: WorkCalendar): void {
    baseline.value = prepared(cal)
    draft.value = prepared(cal)
    checked.value = false
    overtaken.value = false
  }

  function revert(): void {
    if (baseline.value) adopt(baseline.value)
  }

  async function save(): Promise<SaveOutcome> {
    checked.value = true
    const result = parsed.value
    if (!result?.success) return { ok: false, reason: 'invalid' }
    saving.value = true
    try {
      adopt(await store.save(result.data))
      return { ok: true }
    } catch (error) {
      return { ok: false, reason: 'server', error }
    } finally {
      saving.value = false
    }
  }

  /** Puts the shipped calendar (Perpres 21/2023 hours, SKB 3 Menteri holidays) in the draft and saves it. */
  function resetToDefault(): Promise<SaveOutcome> {
    draft.value = prepared(DEFAULT_CALENDAR)
    return save()
  }

  watch(
    () => store.status === 'ready' && store.calendar,
    (cal) => {
      if (cal && !draft.value) adopt(cal)
    },
    { immediate: true },
  )

  watch(
    () => store.remoteVersion,
    () => {
      const cal = store.calendar
      if (!cal || saving.value || (baseline.value && sameData(prepared(cal), baseline.value))) return
      if (dirty.value) overtaken.value = true
      else adopt(cal)
    },
  )

  return { draft, baseline, dirty, checked, saving, overtaken, issues, isDefault, adopt, revert, save, resetToDefault }
}
