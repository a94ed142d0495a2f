import { watch, type FSWatcher } from 'node:fs'
import { mkdir, readdir } from 'node:fs/promises'
import { test } from '@japa/runner'
import sharp from 'sharp'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import drive from '@adonisjs/drive/services/main'
import { multipartUploadsDir } from '#config/bodyparser'
import { ownedVendor } from '#tests/helpers/vendor_accounts'

/** 1 MB of a would-be upload: large enough that a parser would write it out. */
const payload = Buffer.alloc(1024 * 1024, 7)

async function uploadsOnDisk() {
  const names = await readdir(multipartUploadsDir)
  return names.length
}

/** Every file created in the upload temp folder while it runs. */
async function filesCreatedDuring(action: () => Promise<unknown>) {
  const created: string[] = []
  const watcher: FSWatcher = watch(multipartUploadsDir, (event, name) => {
    if (event === 'rename' && name) created.push(name)
  })
  try {
    await action()
    // fs.watch reports asynchronously.
    await new Promise((resolve) => setTimeout(resolve, 50))
  } finally {
    watcher.close()
  }
  return created
}

test.group('Multipart bodies', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(async () => {
    await mkdir(multipartUploadsDir, { recursive: true })
  })
  group.each.setup(() => {
    drive.fake()
    return () => drive.restore()
  })

  test('{name} refuses multipart with 415 before writing anything')
    .with([
      { name: 'the token API (anonymous)', url: () => urlFor('api.v1.auth.tokens.store') },
      { name: 'the log-in form (anonymous)', url: () => urlFor('auth.login.store') },
      { name: 'the vendor form (anonymous)', url: () => urlFor('account.vendors.store') },
    ])
    .run(async ({ client, assert }, { url }) => {
      const before = await uploadsOnDisk()
      let status = 0
      let body = ''
      const created = await filesCreatedDuring(async () => {
        const response = await client
          .post(url())
          .field('email', 'someone@example.com')
          .file('logo', payload, { filename: 'big.png', contentType: 'image/png' })
        status = response.status()
        body = response.text()
      })
      assert.equal(status, 415)
      assert.include(body, 'Diese Art von Anfrage nimmt die Adresse nicht an')
      assert.deepEqual(created, [])
      assert.equal(await uploadsOnDisk(), before)
    })

  test('the API answers 415 in its own error shape, in English when asked', async ({ client }) => {
    const response = await client
      .patch(urlFor('api.v1.vendors.update', { slug: 'any' }))
      .header('accept-language', 'en')
      .file('logo', payload, { filename: 'big.png', contentType: 'image/png' })
    response.assertStatus(415)
    response.assertBody({
      errors: [
        {
          field: null,
          message:
            'This address does not accept this kind of request. Please send JSON (Content-Type: application/json), or a form without a file.',
        },
      ],
    })
  })

  test('the logo upload takes its file, and the temp file is gone afterwards', async ({
    client,
    assert,
  }) => {
    const { vendor, owner } = await ownedVendor({ status: 'draft' })
    const logo = await sharp({
      create: { width: 20, height: 20, channels: 3, background: '#0b4f8a' },
    })
      .png()
      .toBuffer()
    const before = await uploadsOnDisk()

    let location: string | undefined
    const created = await filesCreatedDuring(async () => {
      const response = await client
        .post(urlFor('account.vendors.logo.store', { id: vendor.id }))
        .file('logo', logo, { filename: 'firma.png', contentType: 'image/png' })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
      location = response.header('location')
    })

    assert.equal(location, urlFor('account.vendors.show', { id: vendor.id }))
    await vendor.refresh()
    assert.isNotNull(vendor.logoPath)
    // It was written while the request ran, and deleted when it ended.
    assert.isAbove(created.length, 0)
    assert.equal(await uploadsOnDisk(), before)
  })

  test('refused uploads leave no temp file: {name}')
    .with([
      { name: 'an SVG refused by the logo rules', signedIn: true, svg: true },
      { name: 'an anonymous upload to the logo route', signedIn: false, svg: false },
    ])
    .run(async ({ client, assert }, { signedIn, svg }) => {
      const { vendor, owner } = await ownedVendor({ status: 'draft' })
      const before = await uploadsOnDisk()

      let request = client
        .post(urlFor('account.vendors.logo.store', { id: vendor.id }))
        .file(
          'logo',
          svg ? Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>') : payload,
          { filename: svg ? 'logo.svg' : 'logo.png' }
        )
        .withCsrfToken()
        .redirects(0)
      if (signedIn) request = request.loginAs(owner)
      let response!: Awaited<typeof request>
      const created = await filesCreatedDuring(async () => {
        response = await request
      })

      // The upload reached the temp folder, and left it when the request ended.
      assert.isAbove(created.length, 0)
      response.assertStatus(302)
      if (!signedIn) response.assertHeader('location', urlFor('auth.login'))
      await vendor.refresh()
      assert.isNull(vendor.logoPath)
      assert.equal(await uploadsOnDisk(), before)
    })
})
