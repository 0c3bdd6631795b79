/** What deployment takes from the repository: the declared indexes and the function list. */
import { readFileSync } from 'fs'
import { join } from 'path'
import { loadDeclarations } from '../../emulator/src/database/declarations'
import { functionNames } from '../../scripts/build-functions'
import { indexPlan } from '../../scripts/deploy-database'
import { loadStorageDeclaration, othersMayRead } from '../../scripts/deploy-storage'

it('turns each declared index into the manager API shape', () => {
  const plan = indexPlan(loadDeclarations())
  const bindings = plan.find((p) => p.collection === 'bindings')!
  expect(bindings.indexes).toEqual([
    {
      IndexName: 'memberId',
      MgoKeySchema: { MgoIsUnique: true, MgoIndexKeys: [{ Name: 'memberId', Direction: '1' }] },
    },
    {
      IndexName: 'adminOrgId',
      MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: [{ Name: 'adminOrgId', Direction: '1' }] },
    },
  ])
  const lectures = plan.find((p) => p.collection === 'lectures')!
  expect(lectures.indexes[0].MgoKeySchema.MgoIndexKeys.map((k) => k.Name)).toEqual(['status', 'startAt'])
  // A geo index goes as the console makes it: the direction is the index type.
  expect(lectures.indexes).toContainEqual({
    IndexName: 'venue_geo',
    MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: [{ Name: 'venue.geo', Direction: '2dsphere' }] },
  })
})

it('deploys every function that has a source, and only those', () => {
  const rc = JSON.parse(readFileSync(join(__dirname, '..', '..', 'cloudbaserc.json'), 'utf8'))
  expect(rc.functions.map((f: { name: string }) => f.name).sort()).toEqual(functionNames())
  for (const f of rc.functions) expect(f).toMatchObject({ handler: 'index.main', installDependency: false })
})

it('declares a storage permission under which no client but a file’s creator reads it (exports stay private)', () => {
  expect(othersMayRead(loadStorageDeclaration())).toBe(false)
  expect(loadStorageDeclaration()).toEqual({ acl: 'PRIVATE' })
  // the presets that would serve an export's URL to anyone who has it
  expect(othersMayRead({ acl: 'READONLY' })).toBe(true)
  expect(othersMayRead({ acl: 'ADMINWRITE' })).toBe(true)
  expect(othersMayRead({ acl: 'CUSTOM', rule: { read: true, write: false } })).toBe(true)
  expect(othersMayRead({ acl: 'CUSTOM', rule: { read: 'auth != null', write: false } })).toBe(true)
})

it('gives the checkin function the mini program’s AppID and AppSecret from .env, for the poster code over HTTPS', () => {
  const rc = JSON.parse(readFileSync(join(__dirname, '..', '..', 'cloudbaserc.json'), 'utf8'))
  const checkin = rc.functions.find((f: { name: string }) => f.name === 'checkin')
  expect(checkin.envVariables).toMatchObject({
    DANGKE_WX_APPID: '{{env.DANGKE_WX_APPID}}',
    DANGKE_WX_APPSECRET: '{{env.DANGKE_WX_APPSECRET}}',
  })
})
