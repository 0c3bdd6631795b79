/** The router's promises, for any function: parse first, identity from the platform, stable refusals. */
import { createFunction, type Handlers } from '../../cloudfunctions/_shared/router'
import { AppError } from '../../src/shared/errors'
import { asCaller } from '../support/caller'
import { cloudForFile } from '../support/cloudForFile'
import type { TestCloud } from '../support/emulator'

let cloud: TestCloud
cloudForFile((started) => (cloud = started))
beforeEach(() => cloud.emulator.store.clear())

// A handler that writes what it is given, to see what reaches the database.
const handlers: Partial<Handlers<'lecture'>> = {
  list: async (input, { db, openid }) => {
    if (!openid) throw new AppError('NOT_SIGNED_IN')
    if (input.theme === 'micro') throw new Error('database exploded at /secret/path')
    await db.collection('orgs').add({ _id: `${openid}-${input.pageSize}`, by: openid })
    return { items: [] }
  },
}
const recording = createFunction('lecture', handlers as Handlers<'lecture'>) // only list is exercised here

it('a payload that zod rejects reaches no handler and writes nothing', async () => {
  const res = await recording({ action: 'list', payload: { pageSize: 0 } }, asCaller('o-1'))
  expect(res).toMatchObject({ ok: false, code: 'INVALID_INPUT' })
  expect(cloud.emulator.store.scan('orgs', {})).toHaveLength(0)
})

it('takes the identity from the platform context, never from the payload', async () => {
  const res = await recording({ action: 'list', payload: { pageSize: 3, openid: 'o-evil' } }, asCaller('o-1'))
  expect(res).toEqual({ ok: true, data: { items: [] } })
  expect(cloud.emulator.store.scan('orgs', {}).map((r) => r.doc)).toEqual([{ _id: 'o-1-3', by: 'o-1' }])
  expect(await recording({ action: 'list', payload: { pageSize: 3 } }, asCaller())).toMatchObject({
    ok: false,
    code: 'NOT_SIGNED_IN',
    message: '请先登录',
  })
  // A trigger's context carries no environment at all: no caller, not a crash.
  expect(await recording({ action: 'list', payload: { pageSize: 3 } }, {})).toMatchObject({ code: 'NOT_SIGNED_IN' })
})

it('answers an unexpected error with the generic code and no detail', async () => {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
  const res = await recording({ action: 'list', payload: { theme: 'micro' } }, asCaller('o-1'))
  expect(res).toEqual({ ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' })
  expect(JSON.stringify(res)).not.toMatch(/secret|exploded/)
  expect(spy).toHaveBeenCalled()
  spy.mockRestore()
})
