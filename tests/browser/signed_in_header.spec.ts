import { test } from '@japa/runner'
import { urlFor } from '@adonisjs/core/services/url_builder'
import { logIn, newPersonContext } from '#tests/helpers/browser_session'

/** Routes are known once the suite has booted, so the URL is built inside the tests. */
const topicUrl = () => urlFor('topics.show', { slug: 'social-media' })

test.group('Signed-in header on reader pages', () => {
  test('a signed-in member sees their account on a topic page and can log out there', async ({
    browser,
    assert,
    cleanup,
  }) => {
    const context = await newPersonContext(browser)
    cleanup(() => context.close())
    const page = await context.newPage()
    await logIn(page, 'advertiser@example.com')

    const response = await page.goto(topicUrl())
    assert.equal(response?.status(), 200)
    // The session is read, never written, on reader pages.
    assert.notProperty(await response!.allHeaders(), 'set-cookie')
    const userNav = page.getByRole('navigation', { name: 'Konto' })
    assert.equal(await userNav.getByRole('link', { name: 'Mein Konto' }).count(), 1)
    assert.equal(await userNav.getByRole('link', { name: 'Anmelden' }).count(), 0)

    await Promise.all([
      page.waitForURL((url) => url.pathname === urlFor('home')),
      userNav.getByRole('button', { name: 'Abmelden' }).click(),
    ])
    assert.equal(await userNav.getByRole('link', { name: 'Anmelden' }).count(), 1)
    assert.equal(await userNav.getByRole('link', { name: 'Mein Konto' }).count(), 0)
  })

  test('a fresh reader gets the log-in link and no cookie on the topic page', async ({
    browser,
    assert,
    cleanup,
  }) => {
    const context = await newPersonContext(browser)
    cleanup(() => context.close())
    const page = await context.newPage()

    const response = await page.goto(topicUrl())
    assert.equal(response?.status(), 200)
    assert.notProperty(await response!.allHeaders(), 'set-cookie')
    const userNav = page.getByRole('navigation', { name: 'Konto' })
    assert.equal(await userNav.getByRole('link', { name: 'Anmelden' }).count(), 1)
    assert.deepEqual(await context.cookies(), [])
  })
})
