/** `$jsonSchema` keywords beyond those the SDK conformance test drives (MongoDB's draft-4 subset). */
import { jsonSchemaValidator } from '../../emulator/src/database/json-schema'

const valid = (schema: Record<string, unknown>, doc: unknown) => jsonSchemaValidator(schema)(doc)

describe('$jsonSchema', () => {
  it('properties, additionalProperties and patternProperties', () => {
    const schema = {
      properties: { a: { type: 'string' } },
      patternProperties: { '^x_': { bsonType: 'int' } },
      additionalProperties: false,
    }
    expect(valid(schema, { a: 's', x_1: 2 })).toBe(true)
    expect(valid(schema, { a: 's', x_1: 2.5 })).toBe(false)
    expect(valid(schema, { a: 's', b: 1 })).toBe(false)
    expect(valid({ additionalProperties: { bsonType: 'bool' } }, { a: true, b: 1 })).toBe(false)
  })

  it('items (one schema or a list with additionalItems), minItems, uniqueItems', () => {
    expect(valid({ properties: { t: { items: { bsonType: 'string' }, minItems: 1 } } }, { t: ['a'] })).toBe(true)
    expect(valid({ properties: { t: { items: { bsonType: 'string' } } } }, { t: ['a', 1] })).toBe(false)
    expect(valid({ properties: { t: { minItems: 1 } } }, { t: [] })).toBe(false)
    const tuple = { properties: { t: { items: [{ bsonType: 'string' }], additionalItems: false } } }
    expect(valid(tuple, { t: ['a'] })).toBe(true)
    expect(valid(tuple, { t: ['a', 'b'] })).toBe(false)
    expect(valid({ properties: { t: { uniqueItems: true } } }, { t: [{ a: 1 }, { a: 1 }] })).toBe(false)
  })

  it('strings, numbers, combinators and dependencies', () => {
    expect(valid({ properties: { s: { pattern: '^党', minLength: 2, maxLength: 2 } } }, { s: '党课' })).toBe(true)
    expect(valid({ properties: { s: { maxLength: 1 } } }, { s: '党课' })).toBe(false)
    expect(valid({ properties: { n: { maximum: 3, exclusiveMaximum: true } } }, { n: 3 })).toBe(false)
    expect(valid({ properties: { n: { multipleOf: 0.5 } } }, { n: 1.5 })).toBe(true)
    expect(valid({ anyOf: [{ required: ['a'] }, { required: ['b'] }] }, { b: 1 })).toBe(true)
    expect(valid({ oneOf: [{ required: ['a'] }, { required: ['b'] }] }, { a: 1, b: 1 })).toBe(false)
    expect(valid({ not: { required: ['a'] } }, { a: 1 })).toBe(false)
    expect(valid({ dependencies: { a: ['b'] } }, { a: 1 })).toBe(false)
    expect(valid({ properties: { d: { bsonType: 'date' } } }, { d: new Date() })).toBe(true)
  })

  it('refuses what MongoDB omits or does not know', () => {
    for (const schema of [
      { $schema: 'x' },
      { default: 1 },
      { format: 'email' },
      { type: 'integer' },
      { bsonType: 'boolean' },
    ])
      expect(() => jsonSchemaValidator(schema)).toThrow(expect.objectContaining({ code: 'INVALID_PARAM' }))
  })
})
