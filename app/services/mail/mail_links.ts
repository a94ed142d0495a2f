import type { CapturedMail } from '#services/mail/mailbox_transport'

const LINK = /https?:\/\/[^\s"'<>]+/g

/**
 * The http(s) links of a captured mail, in order and without repeats, so
 * the development mailbox can offer them as plain links. Entities that the
 * HTML version escapes (&amp;) are decoded.
 */
export function mailLinks(mail: Pick<CapturedMail, 'html' | 'text'>): string[] {
  const found = `${mail.text ?? ''}\n${mail.html ?? ''}`.match(LINK) ?? []
  return [...new Set(found.map((url) => url.replace(/&amp;/g, '&').replace(/[).,;]+$/, '')))]
}
