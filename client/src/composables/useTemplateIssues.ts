import { computed, inject, nextTick, provide, type ComputedRef, type InjectionKey } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ImportIssue } from '@shared/sop/importText'
import { fieldLabelKey, type TemplateIssue } from '../lib/templateIssues'

const ISSUES: InjectionKey<ComputedRef<TemplateIssue[]>> = Symbol('template-issues')

/** The template editor hands its live validation issues down to every field once, here. */
export function provideTemplateIssues(issues: ComputedRef<TemplateIssue[]>): void {
  provide(ISSUES, issues)
}

/**
 * A field's `invalid` and `error` for FormField, by its editor field ('steps.2.title'): the
 * sentence of the issue's kind in the reader's language, naming what the issue's params say (the
 * lane at fault, the step a decision points at, the longest a text may be).
 */
export function useTemplateIssues() {
  const issues = inject(ISSUES, computed(() => []))
  const { t } = useI18n()
  const byField = computed(() => new Map(issues.value.map((i) => [i.field, i])))

  function message(issue: TemplateIssue): string {
    return t(`templates.errors.${issue.kind}`, issue.params)
  }

  /** "Tahap 3 · Pelaksana tahap", "Pelaksana 2 · Nama pelaksana", "Nomor SOP": where an issue is. */
  function place(issue: TemplateIssue): string {
    const label = t(`templates.fields.${fieldLabelKey(issue.field)}`)
    if (issue.step !== null) return `${t('templates.steps.heading', { n: issue.step })} · ${label}`
    if (issue.lane !== null) return `${t('templates.lanes.heading', { n: issue.lane })} · ${label}`
    return label
  }

  /** What the text importer noticed, in the reader's language; the line is shown beside it, not in it. */
  function importNote(note: ImportIssue): string {
    return t(`templates.import.issues.${note.code}`, note.params ?? {})
  }

  function fieldIssue(field: string): { invalid: boolean; error: string } {
    const issue = byField.value.get(field)
    return { invalid: !!issue, error: issue ? message(issue) : '' }
  }

  return { issues, message, place, importNote, fieldIssue }
}

/**
 * Takes focus to the first of these elements that exists and is enabled: a summary entry to its
 * field, or an arrow that moved a row to the arrow that still works at the row's new place.
 */
export async function focusFirst(ids: readonly string[]): Promise<void> {
  await nextTick()
  const el = ids
    .map((id) => document.getElementById(id))
    .find((e): e is HTMLElement => e !== null && !(e as HTMLButtonElement).disabled)
  el?.scrollIntoView({ block: 'center' })
  el?.focus()
}
