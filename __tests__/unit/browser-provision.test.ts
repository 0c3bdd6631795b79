/** What the browser tests' globalSetup does on a machine: nothing, install with apt, or stop with one line. */
import { provisionPlan } from '../support/browser-provision'

const all = { chromium: true, font: true, root: true, apt: true }

it('does nothing when chromium and the font are there, whoever runs it', () => {
  expect(provisionPlan(all)).toBe('ready')
  expect(provisionPlan({ ...all, root: false, apt: false })).toBe('ready')
})

it('installs what is missing as root with apt (a fresh Debian machine)', () => {
  expect(provisionPlan({ ...all, chromium: false, font: false })).toBe('install')
  expect(provisionPlan({ ...all, font: false })).toBe('install')
})

it('otherwise stops with one line that names what is missing and what to do', () => {
  const notRoot = provisionPlan({ ...all, chromium: false, root: false })
  expect(notRoot).toEqual({ stop: expect.stringContaining('/usr/bin/chromium missing') })
  expect((notRoot as { stop: string }).stop).toContain('sudo apt-get install')
  const noApt = provisionPlan({ ...all, font: false, apt: false })
  expect((noApt as { stop: string }).stop).toMatch(/wqy-microhei\.ttc missing; install chromium/)
  for (const plan of [notRoot, noApt]) expect((plan as { stop: string }).stop).not.toContain('\n')
})
