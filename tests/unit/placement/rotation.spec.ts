import { test } from '@japa/runner'
import { MemoryCursorStore, rotationWindow } from '#services/placement/rotation'

function simulate(total: number, size: number, views: number) {
  const seen = new Array(total).fill(0)
  let cursor = 0
  const windows: number[][] = []
  for (let view = 0; view < views; view++) {
    const { segments, nextCursor } = rotationWindow(total, cursor, size)
    const shown = segments.flatMap((s) => Array.from({ length: s.limit }, (_, i) => s.offset + i))
    shown.forEach((index) => seen[index]++)
    windows.push(shown)
    cursor = nextCursor
  }
  return { seen, windows }
}

test.group('Vendor box rotation', () => {
  test('shows everyone when there are no more candidates than places', ({ assert }) => {
    assert.deepEqual(rotationWindow(3, 17, 4).segments, [{ offset: 0, limit: 3 }])
    assert.deepEqual(rotationWindow(0, 5, 4).segments, [])
  })

  test('wraps around the end of the list without duplicates', ({ assert }) => {
    const { segments, nextCursor } = rotationWindow(6, 4, 4)
    assert.deepEqual(segments, [
      { offset: 4, limit: 2 },
      { offset: 0, limit: 2 },
    ])
    assert.equal(nextCursor, 2)
  })

  test('does not show the same four on consecutive views', ({ assert }) => {
    const { windows } = simulate(7, 4, 2)
    assert.notDeepEqual(windows[0], windows[1])
  })

  test('every vendor appears within one view of every other over 1,000 views', ({ assert }) => {
    const { seen, windows } = simulate(13, 4, 1000)
    assert.isAtMost(Math.max(...seen) - Math.min(...seen), 1)
    for (const window of windows) {
      assert.lengthOf(window, 4)
      assert.lengthOf(new Set(window), 4)
    }
  })

  test('the memory cursor store hands out consecutive windows per key', async ({ assert }) => {
    const store = new MemoryCursorStore()
    assert.equal(await store.advance('a', 4), 0)
    assert.equal(await store.advance('a', 4), 4)
    assert.equal(await store.advance('b', 4), 0)
  })
})
