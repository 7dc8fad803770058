import AxeBuilder from '@axe-core/playwright'
import { USERS, cardOf, expect, test } from './helpers'

/*
 * axe-core on the board with a card's panel open (WCAG 2.1 A and AA rules): nothing serious or
 * critical. The report of what it found is attached to the test for whoever fixes the next one.
 */
test('the board with a card panel open has no serious accessibility violation', async ({ boardAs }, testInfo) => {
  const page = await boardAs(USERS.sekretaris)
  await cardOf(page, 'ppik').click()
  await expect(page.getByTestId('card-panel')).toBeVisible()
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  await testInfo.attach('axe', { body: JSON.stringify(results.violations, null, 2), contentType: 'application/json' })
  // Each offending element by rule, so the failure itself says what to fix.
  expect(serious.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n').at(-1)?.trim() ?? v.help}`))).toEqual([])
})
