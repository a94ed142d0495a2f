import { HttpContext } from '@adonisjs/core/http'
import { BaseSerializer } from '@adonisjs/core/transformers'

/**
 * Serializes the JSON API's answers: transformer output inside the
 * `{ data: … }` envelope that every successful API body has.
 */
class ApiSerializer extends BaseSerializer<{ Wrap: 'data' }> {
  wrap: 'data' = 'data'

  /**
   * Our lists answer `meta: { total, page, perPage }` next to `data`
   * (GET /api/v1/vendors), not the `metadata` key that `paginate()` would
   * add, so no endpoint may paginate through the serializer.
   */
  definePaginationMetaData(): never {
    throw new Error('The API sends its own `meta`; do not serialize a paginator')
  }
}

const apiSerializer = new ApiSerializer()

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    serialize: ApiSerializer['serialize']
  }
}

/** `ctx.serialize(...)`, resolving transformers with the request's container. */
HttpContext.instanceProperty('serialize', function (this: HttpContext, values: any): any {
  return apiSerializer.serialize(values, this.containerResolver)
})
