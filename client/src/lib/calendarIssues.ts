import type { z } from 'zod'

/**
 * Where WorkCalendarSchema found a problem, keyed by its path ('week.1.close',
 * 'holidays.12.date', 'overrides.0.week.5.breaks.0.end'), so each input of the calendar editor
 * can show the message that belongs to it. The first issue on a path wins.
 */
export interface CalendarIssue {
  path: string
  /** The schema's own sentence (Bahasa Indonesia), shown as is in the Indonesian UI. */
  message: string
  /** An i18n key under `calendarErrors.` for the other locales. */
  kind: CalendarIssueKind
}

export type CalendarIssueKind =
  | 'clock'
  | 'closeAfterOpen'
  | 'breakOrder'
  | 'breakEnd'
  | 'breakInside'
  | 'breaks'
  | 'week'
  | 'date'
  | 'dateDuplicate'
  | 'dateRange'
  | 'overlap'
  | 'name'
  | 'source'
  | 'kind'
  | 'id'
  | 'tooMany'
  | 'other'

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.')
}

/** Sorts a schema issue into a kind that has a translated sentence. */
export function issueKind(issue: z.core.$ZodIssue): CalendarIssueKind {
  const path = issue.path
  const last = path.at(-1)
  const parent = path.at(-2)
  const custom = issue.code === 'custom'
  if (issue.code === 'too_big' && (last === 'overrides' || last === 'holidays')) return 'tooMany'
  switch (last) {
    case 'open':
      return 'clock'
    case 'close':
      return custom ? 'closeAfterOpen' : 'clock'
    case 'start':
      return custom ? 'breakOrder' : 'clock'
    case 'end':
      return custom ? 'breakEnd' : 'clock'
    case 'breaks':
      return 'breaks'
    case 'week':
      return 'week'
    // A date's own checks are refinements too (code 'custom'), so the cross-field ones are told
    // apart by their sentence; an unknown sentence still gets the general date text.
    case 'date':
      return custom && issue.message.includes('sudah ada') ? 'dateDuplicate' : 'date'
    case 'from':
      return custom && issue.message.includes('tumpang tindih') ? 'overlap' : 'date'
    case 'to':
      return custom && issue.message.includes('sebelum') ? 'dateRange' : 'date'
    case 'name':
      return 'name'
    case 'source':
      return 'source'
    case 'kind':
      return 'kind'
    case 'id':
      return 'id'
  }
  if (parent === 'breaks' && typeof last === 'number') return 'breakInside'
  return 'other'
}

/** The issues of a failed parse by path, first one per path, in the schema's order. */
export function calendarIssues(error: z.ZodError): Map<string, CalendarIssue> {
  const byPath = new Map<string, CalendarIssue>()
  for (const issue of error.issues) {
    const path = pathKey(issue.path)
    if (!byPath.has(path)) byPath.set(path, { path, message: issue.message, kind: issueKind(issue) })
  }
  return byPath
}
