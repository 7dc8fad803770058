import type { APIRequestContext, Browser, Page } from '@playwright/test'
import { DEFAULT_CALENDAR, type WorkCalendar } from '../shared/time/calendar'
import { USERS, cardOf, expect, expectBoardLive, moveAlong, startFreshCycle, test, type Cycle } from './helpers'

/*
 * Step clocks in the browser. The browser's Date is pinned with Playwright's clock and moved by
 * hand (its timers keep running, so the socket stays healthy); the board corrects for the server
 * clock once, when it joins, so every later jump of the browser's Date is time passing on screen.
 */

const MINUTE = 60_000

/** Office open all day every day, so the test does not depend on the hour CI runs at. */
const ALWAYS_OPEN: WorkCalendar = {
  ...DEFAULT_CALENDAR,
  week: { 1: allDay(), 2: allDay(), 3: allDay(), 4: allDay(), 5: allDay(), 6: allDay(), 7: allDay() },
  overrides: [],
  holidays: [],
}

function allDay() {
  return { open: '00:00', close: '23:59', breaks: [] }
}

async function putCalendar(admin: APIRequestContext, calendar: WorkCalendar): Promise<void> {
  const res = await admin.put('/api/calendar', { data: calendar })
  expect(res.status(), await res.text()).toBe(200)
}

/** The board in a context of its own whose Date is pinned at `at`. */
async function boardAt(browser: Browser, admin: APIRequestContext, cycle: Cycle, at: number): Promise<Page> {
  const context = await browser.newContext({ storageState: await admin.storageState() })
  await context.clock.setFixedTime(at)
  const page = await context.newPage()
  await page.goto(`/cycles/${cycle.id}`)
  await expectBoardLive(page, cycle.title)
  return page
}

test.afterEach(async ({ admin }) => {
  await putCalendar(admin, DEFAULT_CALENDAR)
})

test('a card timer counts working time, turns at risk at 75 % and overdue past its standard', async ({ admin, browser }) => {
  await putCalendar(admin, ALWAYS_OPEN)
  const cycle = await startFreshCycle(admin)
  const start = Date.now()
  const page = await boardAt(browser, admin, cycle, start)
  const card = cardOf(page, 'ppik')
  const timer = card.getByTestId('step-timer')

  await expect(card).toHaveAttribute('data-timer-state', 'on_track')
  await expect(timer).toContainText('Sesuai jadwal')
  const early = await timer.innerText()

  await page.clock.setFixedTime(start + 5 * MINUTE)
  await expect(timer).not.toHaveText(early)
  await expect(timer).toContainText('5 m')
  await expect(card).toHaveAttribute('data-timer-state', 'on_track')

  // 15 menit: at risk from 11 m 15 s on.
  await page.clock.setFixedTime(start + 12 * MINUTE)
  await expect(card).toHaveAttribute('data-timer-state', 'at_risk')
  await expect(timer).toContainText('Hampir habis')

  await page.clock.setFixedTime(start + 16 * MINUTE)
  await expect(card).toHaveAttribute('data-timer-state', 'overdue')
  await expect(timer).toContainText('Terlambat')
  await page.context().close()
})

test('outside office hours a running card says it is paused, and why', async ({ admin, browser, socketFor }) => {
  const cycle = await startFreshCycle(admin)
  // Step 3 has 7 hari: whenever this runs, next Sunday is well before its due day.
  await moveAlong(await socketFor(USERS.admin), cycle.id, 'ppik', [
    { step: 2, lane: 'kepala_bidang' },
    { step: 3, lane: 'kasubag_program' },
  ])
  const start = Date.now()
  const page = await boardAt(browser, admin, cycle, start)
  const card = cardOf(page, 'ppik')

  // Next Sunday, 10.00 WITA.
  const witaNow = new Date(start + 8 * 60 * MINUTE)
  const daysToSunday = 7 - witaNow.getUTCDay() || 7
  const sunday = Date.UTC(witaNow.getUTCFullYear(), witaNow.getUTCMonth(), witaNow.getUTCDate() + daysToSunday, 10 - 8)
  await page.clock.setFixedTime(sunday)
  await expect(card).toHaveAttribute('data-timer-state', 'paused')
  await expect(card.getByTestId('step-timer')).toContainText(/Dijeda.*(akhir pekan|hari libur)/s)
  // A hari step counts in working days, not in hundreds of hours; so does its standard in the panel.
  await expect(card.getByTestId('step-timer')).toContainText(/dipakai · sisa\s\d+\shari/)
  await card.click()
  await expect(page.getByTestId('card-panel').getByTestId('step-timer')).toContainText('Standar 7\u00a0hari kerja')
  await page.context().close()
})
