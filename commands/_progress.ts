/**
 * A text progress bar for ace task updates (`task.update(progressBar(...))`):
 * cliui renders tasks and their last line, but has no bar of its own.
 */
export function progressBar(done: number, total: number, label = '', width = 30): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1
  const filled = Math.round(ratio * width)
  const percent = String(Math.floor(ratio * 100)).padStart(3)
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
  return `${bar} ${percent}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}${label ? ` ${label}` : ''}`
}

/** Calls `update` at most every `intervalMs`, and always for the last step. */
export function throttled<T extends unknown[]>(update: (...args: T) => void, intervalMs = 100) {
  let last = 0
  return (force: boolean, ...args: T) => {
    const now = Date.now()
    if (force || now - last >= intervalMs) {
      last = now
      update(...args)
    }
  }
}
