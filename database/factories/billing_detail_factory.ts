import factory from '@adonisjs/lucid/factories'
import BillingDetail from '#models/billing_detail'
import { UserFactory } from '#database/factories/user_factory'

/** A German business's billing details; merge `userId` or let it make a user. */
export const BillingDetailFactory = factory
  .define(BillingDetail, (ctx) => {
    return {
      company: `${ctx.faker.company.name()} GmbH`,
      street: 'Hauptstraße 12',
      postalCode: '06108',
      city: 'Halle (Saale)',
      country: 'DE',
      invoiceEmail: `billing-${ctx.faker.string.alphanumeric(8).toLowerCase()}@example.test`,
      vatId: 'DE811907980',
      buyerReference: null,
    }
  })
  .before('create', async (_, billing, ctx) => {
    if (billing.userId === undefined) {
      const user = await UserFactory.useCtx(ctx).create()
      billing.userId = user.id
    }
  })
  .build()
