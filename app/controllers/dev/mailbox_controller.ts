import env from '#start/env'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import { Exception } from '@adonisjs/core/exceptions'
import { readMailbox } from '#services/mail/mailbox_transport'
import { mailLinks } from '#services/mail/mail_links'

/** Where config/mail.ts's `mailbox` transport writes. */
const folder = () => app.makePath(env.get('MAILBOX_DIR', 'tmp/mailbox'))

/** The development mailbox (never routed in production). */
export default class MailboxController {
  async index({ view }: HttpContext) {
    return view.render('pages/dev/mailbox/index', { mails: await readMailbox(folder()) })
  }

  async show({ params, view }: HttpContext) {
    const mails = await readMailbox(folder(), Number.POSITIVE_INFINITY)
    const mail = mails.find((entry) => entry.id === params.id)
    if (!mail) throw new Exception('Mail not found', { status: 404 })
    return view.render('pages/dev/mailbox/show', { mail, links: mailLinks(mail) })
  }
}
