import { test } from '@japa/runner'
import { mailLinks } from '#services/mail/mail_links'
import { isLocalPath } from '#services/accounts/intended_url'

test.group('Links', () => {
  test('a captured mail offers its http(s) links once each, entities decoded', ({ assert }) => {
    const url = 'http://localhost:3333/verify-email/7?signature=a.b&lang=de'

    const links = mailLinks({
      text: `Bitte bestätigen:\n\n${url}\n\nDanke.`,
      html: `<a href="${url.replace('&', '&amp;')}">Bestätigen</a> <a href="mailto:x@example.test">x</a> <a href="https://example.org/hilfe">Hilfe</a>.`,
    })

    assert.deepEqual(links, [url, 'https://example.org/hilfe'])
    assert.deepEqual(mailLinks({ text: null, html: null }), [])
  })

  test('only paths of this site are followed after log-in', ({ assert }) => {
    for (const path of ['/account', '/account/vendors?x=1', '/']) assert.isTrue(isLocalPath(path))
    for (const path of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'account',
      '',
      null,
    ]) {
      assert.isFalse(isLocalPath(path))
    }
  })
})
