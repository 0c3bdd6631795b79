/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'
declare module '*.sass'

declare namespace NodeJS {
  interface ProcessEnv {
    /**
     * The platform of a Taro build, replaced at compile time. Undefined outside a Taro build (node
     * scripts, the emulator, jest unless a setup file sets it), hence optional.
     */
    TARO_ENV?: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    /** Build-time: CloudBase environment id (config/index.ts defineConstants CLOUD_ENV_ID). */
    DANGKE_CLOUD_ENV?: string
    /** Build-time: base URL of the local server for h5 (config/index.ts defineConstants API_BASE). */
    DANGKE_API_BASE?: string
  }
}
