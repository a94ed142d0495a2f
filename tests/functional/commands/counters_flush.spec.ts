import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import CountersReport from '../../../commands/counters_report.js'
import { clickUrl } from '#services/delivery/click_token'
import { SeparateServer } from '#tests/helpers/separate_server'

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'
const BOOKING_ID = 6262

async function storedClicks(server: SeparateServer) {
  const [row] = await db
    .connection(server.name)
    .from('placement_counts')
    .where('booking_id', BOOKING_ID)
    .sum('clicks as total')
  await db.manager.close(server.name)
  return Number(row.total ?? 0)
}

test.group('counters:report --flush (separate server)', (group) => {
  // The periodic flush is ten minutes away: only the signal can write the counts.
  const server = new SeparateServer('counters-flush', { COUNTER_FLUSH_MS: '600000' })
  group.setup(() => server.prepare())
  group.teardown(() => server.cleanup())

  test('signals the running server, which writes what it held', async ({ assert }) => {
    await server.start()
    const now = Date.now()
    for (let i = 0; i < 5; i++) {
      const path = clickUrl(
        {
          kind: 'ad',
          bookingId: BOOKING_ID,
          vendorId: null,
          topicId: 1,
          target: 'https://advertiser.example.com/',
        },
        new Date(now - i)
      )
      const response = await fetch(`${server.base}${path}`, {
        redirect: 'manual',
        headers: { 'user-agent': FIREFOX },
      })
      assert.equal(response.status, 302)
    }
    assert.equal(await storedClicks(server), 0)

    const command = await ace.create(CountersReport, ['--flush', `--pid=${server.process!.pid}`])
    command.ui.switchMode('raw')
    await command.exec()
    assert.equal(command.exitCode, 0)
    assert.equal(await storedClicks(server), 5)
    assert.isNull(server.process!.exitCode, 'the server keeps running')
  }).timeout(120_000)

  test('without a pid it says what it needs and fails', async ({ assert }) => {
    const command = await ace.create(CountersReport, ['--flush'])
    command.ui.switchMode('raw')
    await command.exec()
    assert.equal(command.exitCode, 1)
    assert.isTrue(
      command.ui.logger.getLogs().some((log) => log.message.includes('--pid=<pid>')),
      JSON.stringify(command.ui.logger.getLogs())
    )
  })
})
