import { test } from '@japa/runner'
import sharp from 'sharp'
import DomainError from '#exceptions/domain_error'
import { MAX_LOGO_BYTES, prepareLogo, type LogoUpload } from '#services/vendors/logo_service'

function image(format: 'png' | 'jpeg' | 'webp' | 'gif', width = 40, height = 20) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .toFormat(format)
    .toBuffer()
}

const SVG = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" width="10" height="10"></svg>'
)

/** The refusal's message key; refusals of a logo belong to the form's logo field. */
async function refusalOf(upload: LogoUpload) {
  try {
    await prepareLogo(upload)
    return null
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    return { key: error.key, status: error.status, field: error.field }
  }
}

test.group('Vendors / logo', () => {
  test('PNG, JPEG and WebP keep their format; a large one is scaled into 400 × 400', async ({
    assert,
  }) => {
    for (const [format, name] of [
      ['png', 'logo.png'],
      ['jpeg', 'logo.JPG'],
      ['webp', 'logo.webp'],
    ] as const) {
      const logo = await prepareLogo({ clientName: name, content: await image(format, 1200, 600) })
      const metadata = await sharp(logo.buffer).metadata()
      assert.equal(metadata.format, format)
      assert.equal(metadata.width, 400)
      assert.equal(metadata.height, 200)
      assert.equal(logo.format, format)
    }
  })

  test('a small logo is not enlarged', async ({ assert }) => {
    const logo = await prepareLogo({
      clientName: 'x.png',
      contentType: 'image/png',
      content: await image('png', 40, 20),
    })
    const metadata = await sharp(logo.buffer).metadata()
    assert.deepEqual([metadata.width, metadata.height], [40, 20])
    assert.equal(logo.extension, 'png')
  })

  test('refused: {0}')
    .with([
      [
        'an SVG',
        async () => ({ clientName: 'logo.svg', contentType: 'image/svg+xml', content: SVG }),
        'svg',
      ],
      [
        'an SVG named .png',
        async () => ({ clientName: 'logo.png', contentType: 'image/png', content: SVG }),
        'svg',
      ],
      [
        'a text file named .png',
        async () => ({
          clientName: 'logo.png',
          contentType: 'image/png',
          content: Buffer.from('hello, not an image'),
        }),
        'mismatch',
      ],
      [
        'a JPEG named .png',
        async () => ({ clientName: 'logo.png', content: await image('jpeg') }),
        'mismatch',
      ],
      [
        'a PNG declared as JPEG',
        async () => ({
          clientName: 'logo.jpg',
          contentType: 'image/png',
          content: await image('png'),
        }),
        'mismatch',
      ],
      [
        'a GIF',
        async () => ({
          clientName: 'logo.gif',
          contentType: 'image/gif',
          content: await image('gif'),
        }),
        'wrong_type',
      ],
      [
        'a PDF',
        async () => ({ clientName: 'logo.pdf', content: Buffer.from('%PDF-1.4') }),
        'wrong_type',
      ],
      ['an empty upload', async () => ({ clientName: '', content: Buffer.alloc(0) }), 'missing'],
      [
        'more than 2 MB',
        async () => ({ clientName: 'logo.png', content: Buffer.alloc(MAX_LOGO_BYTES + 1) }),
        'too_large',
      ],
    ] as const)
    .run(async ({ assert }, [, upload, problem]) => {
      assert.deepEqual(await refusalOf(await upload()), {
        key: `vendor_account.logo.errors.${problem}`,
        status: 422,
        field: 'logo',
      })
    })
})
