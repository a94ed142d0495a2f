import { BaseTransformer } from '@adonisjs/core/transformers'
import type { AccessToken } from '@adonisjs/auth/access_tokens'

/** A token just created by `POST /api/v1/auth/tokens`: the only time its secret is shown. */
export default class AccessTokenTransformer extends BaseTransformer<AccessToken> {
  toObject() {
    return {
      token: this.resource.value!.release(),
      expiresAt: this.resource.expiresAt?.toISOString() ?? null,
    }
  }
}
