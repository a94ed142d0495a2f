import { spawn } from 'node:child_process'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import env from '#start/env'
import { TopicFactory } from '#database/factories/topic_factory'
import { createVendor } from '#tests/helpers/directory'

const SITE = 'https://anbieter.example.org'
const FORGED = 'evil.example'

/** Runs with APP_URL set to `value` (or unset), then puts it back. */
function withAppUrl(value: string | undefined) {
  const original = process.env.APP_URL
  env.set('APP_URL', value as string)
  if (value === undefined) delete process.env.APP_URL
  return () => {
    env.set('APP_URL', original as string)
    if (original === undefined) delete process.env.APP_URL
  }
}

/**
 * Starts the HTTP server in production mode on a free port, and reports
 * whether it listens or exits (with its output). It is stopped either way.
 */
function startProductionServer(appUrl: string | undefined) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: '0' }
  delete childEnv.APP_URL
  if (appUrl) childEnv.APP_URL = appUrl
  const child = spawn('node', ['--import', '@poppinss/ts-exec', 'bin/server.ts'], {
    cwd: app.makePath(),
    env: { ...childEnv, LOG_LEVEL: 'info' },
  })
  let output = ''
  return new Promise<{ started: boolean; output: string }>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (/started HTTP server|listening/i.test(output)) {
        child.kill('SIGTERM')
        resolve({ started: true, output })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', () => resolve({ started: false, output }))
  })
}

test.group('Absolute URLs come from APP_URL', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a forged Host or X-Forwarded-Host never reaches canonical, JSON-LD, Open Graph or the sitemap', async ({
    client,
    assert,
  }) => {
    const restore = withAppUrl(SITE)
    try {
      const topic = await TopicFactory.merge({ slug: 'open-data', name: 'Open Data' }).create()
      await createVendor({ slug: 'datenwerk', name: 'Datenwerk', website: null }, [topic])

      const forgeries: Record<string, string>[] = [{ host: FORGED }, { 'x-forwarded-host': FORGED }]
      for (const headers of forgeries) {
        const profile = await client
          .get(urlFor('vendors.show', { slug: 'datenwerk' }))
          .headers(headers)
        profile.assertStatus(200)
        const html = profile.text()
        assert.include(html, `<link rel="canonical" href="${SITE}/vendors/datenwerk">`)
        assert.include(html, `<meta property="og:url" content="${SITE}/vendors/datenwerk">`)
        assert.include(html, `"url":"${SITE}/vendors/datenwerk"`)
        assert.notInclude(html, FORGED)

        const topicPage = await client
          .get(urlFor('topics.show', { slug: 'open-data' }))
          .headers(headers)
        topicPage.assertStatus(200)
        assert.include(topicPage.text(), `<link rel="canonical" href="${SITE}/topics/open-data">`)
        assert.notInclude(topicPage.text(), FORGED)

        const sitemap = await client.get(urlFor('sitemap')).headers(headers)
        sitemap.assertStatus(200)
        assert.include(sitemap.text(), `<loc>${SITE}/topics/open-data</loc>`)
        assert.notInclude(sitemap.text(), FORGED)

        const robots = await client.get(urlFor('robots')).headers(headers)
        assert.include(robots.text(), `${SITE}/sitemap.xml`)
        assert.notInclude(robots.text(), FORGED)
      }
    } finally {
      restore()
    }
  })

  test('without APP_URL (development, tests) they use the address the server listens on', async ({
    client,
    assert,
  }) => {
    const restore = withAppUrl(undefined)
    try {
      await createVendor({ slug: 'datenwerk', name: 'Datenwerk' })
      const origin = `http://${env.get('HOST')}:${env.get('PORT')}`
      const profile = await client
        .get(urlFor('vendors.show', { slug: 'datenwerk' }))
        .header('host', FORGED)
      profile.assertStatus(200)
      assert.include(profile.text(), `<link rel="canonical" href="${origin}/vendors/datenwerk">`)
      assert.notInclude(profile.text(), FORGED)
    } finally {
      restore()
    }
  })

  test('a production server refuses to start without APP_URL', async ({ assert }) => {
    const without = await startProductionServer(undefined)
    assert.isFalse(without.started)
    assert.include(without.output, 'APP_URL must be set in production')

    const withUrl = await startProductionServer(SITE)
    assert.isTrue(withUrl.started, withUrl.output)
  }).timeout(60000)
})
