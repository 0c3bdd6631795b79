import '@testing-library/jest-dom'

// Pages and the client branch on the platform; the stand-ins behave like h5.
process.env.TARO_ENV = 'h5'

// Compile-time globals of a Taro build (app.config.ts, pages' index.config.ts).
Object.assign(globalThis, {
  defineAppConfig: <T>(config: T) => config,
  definePageConfig: <T>(config: T) => config,
})
