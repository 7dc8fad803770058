import { computed, inject, provide, type ComputedRef, type InjectionKey } from 'vue'
import { useI18n } from 'vue-i18n'
import type { CalendarIssue } from '../lib/calendarIssues'

const ISSUES: InjectionKey<ComputedRef<Map<string, CalendarIssue>>> = Symbol('calendar-issues')

/** The calendar editor hands its validation issues down to every field once, here. */
export function provideCalendarIssues(issues: ComputedRef<Map<string, CalendarIssue>>): void {
  provide(ISSUES, issues)
}

/** The input id for a calendar path, so an issue in the summary can take focus to its field. */
export function calendarFieldId(path: string): string {
  return `cal-${path.replaceAll('.', '-')}`
}

/**
 * A field's `invalid` and `error` for FormField, by its path in the calendar ('holidays.3.date'):
 * the sentence of the issue's kind in the reader's language, naming the clashing date or entry.
 */
export function useCalendarIssue() {
  const issues = inject(ISSUES, computed(() => new Map<string, CalendarIssue>()))
  const { t } = useI18n()

  function message(issue: CalendarIssue): string {
    return t(`calendarErrors.${issue.kind}`, issue.params)
  }

  function fieldIssue(path: string): { invalid: boolean; error: string } {
    const issue = issues.value.get(path)
    return { invalid: !!issue, error: issue ? message(issue) : '' }
  }

  return { issues, message, fieldIssue }
}
