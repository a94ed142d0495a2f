import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import mail from '@adonisjs/mail/services/main'
import User from '#models/user'
import UserToken from '#models/user_token'
import ResetPasswordNotification from '#mails/reset_password_notification'
import { generateToken, hashToken, isUsable } from '#services/accounts/single_use_token'
import LoginThrottle from '#services/accounts/login_throttle'
import MailLimit from '#services/mail/mail_limit'

export const RESET_TOKEN_LIFETIME = { hours: 1 }

/**
 * Password reset by an e-mailed, expiring, single-use link. Whether an
 * address has an account never shows in the answer.
 */
@inject()
export default class PasswordResetService {
  constructor(
    private throttle: LoginThrottle,
    private mailLimit: MailLimit
  ) {}

  /**
   * Sends a link if the address belongs to an active account and its mail
   * limit allows; does nothing otherwise. Runs after the response.
   */
  async request(email: string, origin: { baseUrl: string; ip: string | null }) {
    const address = email.trim().toLowerCase()
    if (!(await this.mailLimit.allow('password_reset', address, origin.ip))) return
    const user = await User.findBy('email', address)
    if (!user || user.isDisabled) return
    const baseUrl = origin.baseUrl

    const { token, hash } = generateToken()
    await UserToken.create({
      userId: user.id,
      kind: 'password_reset',
      tokenHash: hash,
      expiresAt: DateTime.now().plus(RESET_TOKEN_LIFETIME),
      usedAt: null,
    })
    const url = urlFor('auth.password.reset', { token }, { prefixUrl: baseUrl })
    await mail.send(new ResetPasswordNotification(user, url))
  }

  /** The stored token for a link, if it can still be used. */
  async findUsable(token: string, trx?: TransactionClientContract) {
    const record = await UserToken.query({ client: trx })
      .where('token_hash', hashToken(token))
      .where('kind', 'password_reset')
      .first()
    return record && isUsable(record) ? record : null
  }

  /**
   * Sets the new password and spends the token, together with every other
   * reset token of the account, ends its API tokens and its sessions (the
   * User model raises its session generation) and lifts its log-in block.
   * Returns null when the link is invalid, expired or used (also by a
   * concurrent request).
   */
  async reset(token: string, password: string, ip?: string): Promise<User | null> {
    const changed = await db.transaction(async (trx) => {
      const record = await this.findUsable(token, trx)
      if (!record) return null

      const now = DateTime.now().toFormat(trx.dialect.dateTimeFormat)
      // Spending the token is a conditional update, so two requests cannot both win.
      const spent = await UserToken.query({ client: trx })
        .where('id', record.id)
        .whereNull('used_at')
        .update({ usedAt: now })
      if (Number(Array.isArray(spent) ? spent[0] : spent) !== 1) return null

      await UserToken.query({ client: trx })
        .where('user_id', record.userId)
        .where('kind', 'password_reset')
        .whereNull('used_at')
        .update({ usedAt: now })

      const user = await User.findOrFail(record.userId, { client: trx })
      user.password = password
      await user.useTransaction(trx).save()
      await trx.from('auth_access_tokens').where('tokenable_id', user.id).delete()
      return user
    })
    if (changed) await this.throttle.clear(changed.email, ip)
    return changed
  }
}
