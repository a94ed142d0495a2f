/**
 * The geometry of a bar chart drawn on the server as SVG: grouped bars, one
 * group per day, one bar per series, on a shared scale from zero. Pure, so
 * the view only prints coordinates (the CSP allows no inline style; colours
 * come from classes in public/css/stats.css).
 */

export type ChartSeries = { key: string; label: string; values: number[] }

export type ChartBar = {
  key: string
  x: number
  y: number
  width: number
  height: number
  /** What a pointer over the bar shows: "15.01.: Impressionen 42". */
  title: string
}

export type ChartTick = { y: number; label: string }
export type ChartLabel = { x: number; label: string }

export type BarChart = {
  width: number
  height: number
  plot: { left: number; top: number; right: number; bottom: number }
  bars: ChartBar[]
  ticks: ChartTick[]
  labels: ChartLabel[]
  max: number
}

const WIDTH = 720
const HEIGHT = 240
const MARGIN = { left: 56, right: 8, top: 12, bottom: 28 }
const MAX_LABELS = 10

/** 1, 2, 5, 10, 20, 50 …: the smallest such number at or above `value` (at least 1). */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= value) return step * power
  }
  return 10 * power
}

const round = (value: number) => Math.round(value * 10) / 10

/**
 * Bars for `series` over `days` (labels of the x axis, e.g. "15.01."),
 * three ticks on the y axis (0, half, max), and at most ten day labels.
 */
export function barChart(
  days: string[],
  series: ChartSeries[],
  formatNumber: (value: number) => string = String
): BarChart {
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: WIDTH - MARGIN.right,
    bottom: HEIGHT - MARGIN.bottom,
  }
  const max = niceCeiling(Math.max(0, ...series.flatMap((entry) => entry.values)))
  const plotHeight = plot.bottom - plot.top
  const groupWidth = days.length > 0 ? (plot.right - plot.left) / days.length : 0
  const gap = Math.min(4, groupWidth * 0.2)
  const barWidth = series.length > 0 ? Math.max(0.5, (groupWidth - gap) / series.length) : 0

  const bars: ChartBar[] = []
  days.forEach((day, index) => {
    series.forEach((entry, position) => {
      const value = entry.values[index] ?? 0
      const height = (value / max) * plotHeight
      bars.push({
        key: entry.key,
        x: round(plot.left + index * groupWidth + gap / 2 + position * barWidth),
        y: round(plot.bottom - height),
        width: round(barWidth),
        height: round(height),
        title: `${day}: ${entry.label} ${formatNumber(value)}`,
      })
    })
  })

  const ticks = [0, max / 2, max]
    .filter((value) => Number.isInteger(value))
    .map((value) => ({
      y: round(plot.bottom - (value / max) * plotHeight),
      label: formatNumber(value),
    }))

  const every = Math.max(1, Math.ceil(days.length / MAX_LABELS))
  const labels = days
    .map((label, index) => ({ label, index }))
    .filter(({ index }) => index % every === 0)
    .map(({ label, index }) => ({ x: round(plot.left + (index + 0.5) * groupWidth), label }))

  return { width: WIDTH, height: HEIGHT, plot, bars, ticks, labels, max }
}
