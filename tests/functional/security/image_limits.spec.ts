import { crc32 } from 'node:zlib'
import { test } from '@japa/runner'
import sharp from 'sharp'
import testUtils from '@adonisjs/core/services/test_utils'
import { urlFor } from '@adonisjs/core/services/url_builder'
import drive from '@adonisjs/drive/services/main'
import { ownedVendor } from '#tests/helpers/vendor_accounts'

const REFUSAL =
  'Das Bild ist zu groß: höchstens 4000 Pixel Breite und Höhe. Bitte verkleinern Sie es vor dem Hochladen.'

function solidPng(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: '#0b4f8a' } })
    .png()
    .toBuffer()
}

/**
 * A small PNG whose header claims 16000 × 16000 px: its pixels could never
 * be decoded, so only a check on the header refuses it cleanly.
 */
async function pngClaiming(width: number, height: number) {
  const png = Buffer.from(await solidPng(10, 10))
  // IHDR: length (4) at 8, type at 12, data at 16 (width, height), CRC after 13 data bytes.
  png.writeUInt32BE(width, 16)
  png.writeUInt32BE(height, 20)
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29)
  return png
}

test.group('Upload limits / image dimensions', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())
  group.each.setup(() => {
    drive.fake()
    return () => drive.restore()
  })

  test('{name} is refused before it is decoded')
    .with([
      { name: 'a 4001 × 10 px PNG', image: () => solidPng(4001, 10) },
      { name: 'a 10 × 4001 px PNG', image: () => solidPng(10, 4001) },
      {
        name: 'a PNG whose header claims 16000 × 16000 px',
        image: () => pngClaiming(16000, 16000),
      },
    ])
    .run(async ({ client, assert }, { image }) => {
      const { vendor, owner } = await ownedVendor({ status: 'draft' })
      const response = await client
        .post(urlFor('account.vendors.logo.store', { id: vendor.id }))
        .header('referer', urlFor('account.vendors.show', { id: vendor.id }))
        .file('logo', await image(), { filename: 'logo.png', contentType: 'image/png' })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)

      response.assertStatus(302)
      response.assertFlashMessage('inputErrorsBag', { logo: [REFUSAL] })
      await vendor.refresh()
      assert.isNull(vendor.logoPath)
    })

  test('4000 px on a side is still taken, and scaled down', async ({ client, assert }) => {
    const { vendor, owner } = await ownedVendor({ status: 'draft' })
    const response = await client
      .post(urlFor('account.vendors.logo.store', { id: vendor.id }))
      .file('logo', await solidPng(4000, 10), { filename: 'logo.png', contentType: 'image/png' })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)

    response.assertStatus(302)
    response.assertFlashMessage('notice', 'Das Logo ist gespeichert.')
    await vendor.refresh()
    const stored = await drive.use().getBytes(vendor.logoPath!)
    const metadata = await sharp(Buffer.from(stored)).metadata()
    assert.equal(metadata.width, 400)
  })
})
