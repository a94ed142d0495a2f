import { test } from '@japa/runner'
import drive from '@adonisjs/drive/services/main'
import { urlFor } from '@adonisjs/core/services/url_builder'

test.group('Uploads / path tricks', (group) => {
  group.each.setup(async () => {
    drive.fake()
    await drive.use().put('logos/1-abc.txt', Buffer.from('a logo'))
    return () => drive.restore()
  })

  test('a real file is served', async ({ client }) => {
    const response = await client.get(urlFor('drive.fs.serve', { '*': ['logos', '1-abc.txt'] }))
    response.assertStatus(200)
    response.assertTextIncludes('a logo')
  })

  test('{$self} is refused with 400 or 404')
    .with([
      '/uploads/..%2f..%2f.env',
      '/uploads/..%2F..%2Fpackage.json',
      '/uploads/%2e%2e/%2e%2e/.env',
      '/uploads/logos/..%2f..%2f..%2f.env',
      '/uploads/logos/..%5c..%5c.env',
      '/uploads/..%5c..%5cpackage.json',
      '/uploads/logos/1-abc.txt%00.txt',
      '/uploads/logos%2f1-abc.txt%00',
      '/uploads/.env',
      '/uploads/logos/%2e%2e%2f1-abc.txt',
      '/uploads/%c0%ae%c0%ae/.env',
      '/uploads/logos/%',
      '/uploads/C:%5cwindows',
    ])
    .run(async ({ client, assert }, path) => {
      const response = await client.get(path)
      assert.oneOf(response.status(), [400, 404], path)
      assert.notInclude(response.text(), 'APP_KEY')
      assert.equal(response.header('x-content-type-options'), 'nosniff')
    })
})
