import { test } from '@japa/runner'
import { restartDelay } from '../../../bin/cluster.js'

test.group('Cluster: restarting a dead worker', () => {
  test('at once after a worker that ran a while, then doubling from 250 ms up to 30 s', ({
    assert,
  }) => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 20].map(restartDelay),
      [0, 250, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]
    )
  })
})
