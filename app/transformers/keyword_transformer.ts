import { BaseTransformer } from '@adonisjs/core/transformers'
import type Keyword from '#models/keyword'

/** A keyword: slug and name. */
export default class KeywordTransformer extends BaseTransformer<Keyword> {
  toObject() {
    return this.pick(this.resource, ['slug', 'name'])
  }
}
