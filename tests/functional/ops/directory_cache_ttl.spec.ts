import { test } from '@japa/runner'
import { run } from '#tests/helpers/separate_server'

/**
 * DIRECTORY_CACHE_TTL bounds how old a kept page may get; kept topic pages
 * carry the subscription form's token (valid 6 hours), so a longer TTL
 * would serve forms that can no longer be sent. The process refuses it.
 */
test.group('DIRECTORY_CACHE_TTL', () => {
  test('over 3 hours, or not a whole number of seconds, stops the boot naming it', async ({
    assert,
  }) => {
    for (const value of ['10801', '-1', '1.5', 'soon']) {
      const env = { ...process.env, DIRECTORY_CACHE_TTL: value, LOG_LEVEL: 'silent' }
      await assert.rejects(
        () => run(['ace.js', 'list'], env),
        /Invalid value for "DIRECTORY_CACHE_TTL"/
      )
    }
    const accepted = { ...process.env, DIRECTORY_CACHE_TTL: '10800', LOG_LEVEL: 'silent' }
    await run(['ace.js', 'list'], accepted)
  })
})
