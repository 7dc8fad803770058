import type { z } from 'zod'

/**
 * Where WorkCalendarSchema found a problem, keyed by its path ('week.1.close',
 * 'holidays.12.date', 'overrides.0.week.5.breaks.0.end'), so each input of the calendar editor
 * can show the message that belongs to it. The first issue on a path wins.
 */
export interface CalendarIssue {
  path: string
  /** The i18n key under `calendarErrors.` of its sentence. */
  kind: CalendarIssueKind
  /** What the sentence names: the clashing date and holiday, the overlapped special hours, a bound. */
  params: Record<string, string | number>
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

/** A cross-field rule of shared/time/schema.ts, by the `rule` param it gives its issue. */
function ruleOf(issue: z.core.$ZodIssue): string | undefined {
  return issue.code === 'custom' && typeof issue.params?.rule === 'string' ? issue.params.rule : undefined
}

/** Sorts a schema issue into a kind that has a translated sentence. */
export function issueKind(issue: z.core.$ZodIssue): CalendarIssueKind {
  const path = issue.path
  const last = path.at(-1)
  const parent = path.at(-2)
  const custom = issue.code === 'custom'
  const rule = ruleOf(issue)
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
    // apart by their rule; any other still gets the general date text.
    case 'date':
      return rule === 'date_taken' ? 'dateDuplicate' : 'date'
    case 'from':
      return rule === 'overlap' ? 'overlap' : 'date'
    case 'to':
      return rule === 'date_range' ? 'dateRange' : 'date'
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

/** The values a sentence may name: a rule's own params, zod's bound of a list. */
function paramsOf(issue: z.core.$ZodIssue): Record<string, string | number> {
  const source: Record<string, unknown> = issue.code === 'custom' ? { ...issue.params } : issue.code === 'too_big' ? { maximum: issue.maximum } : {}
  const params: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === 'string' || typeof value === 'number') params[key] = value
    else if (typeof value === 'bigint') params[key] = Number(value)
  }
  return params
}

/** The issues of a failed parse by path, first one per path, in the schema's order. */
export function calendarIssues(error: z.ZodError): Map<string, CalendarIssue> {
  const byPath = new Map<string, CalendarIssue>()
  for (const issue of error.issues) {
    const path = pathKey(issue.path)
    if (!byPath.has(path)) byPath.set(path, { path, kind: issueKind(issue), params: paramsOf(issue) })
  }
  return byPath
}
