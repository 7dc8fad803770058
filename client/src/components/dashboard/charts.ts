import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js'

/*
 * Chart.js is tree-shaken: only what the dashboard draws is registered, once. Every chart has a
 * table with the same numbers next to it (ChartFigure), so the canvas itself is decoration for
 * screen readers.
 */
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Filler, Tooltip, Legend)
// Honour the app's font; animations off for people who ask for less motion.
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font') || undefined
if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) Chart.defaults.animation = false
// Every chart fills the height its figure gives it (Chart.js is responsive by default).
Chart.defaults.maintainAspectRatio = false

/** Working hours with one decimal, the unit the charts' axes speak. */
export function hours(ms: number): number {
  return Math.round(ms / 360_000) / 10
}

export const ACTUAL_COLOUR = '#1f6f5c'
export const STANDARD_COLOUR = '#b9c2bc'
