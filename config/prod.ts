import type { UserConfigExport } from '@tarojs/cli'

/** Production builds: minified JS (terser), CSS (csso) and WXML whitespace. */
export default {
  terser: { enable: true },
  csso: { enable: true },
  mini: {
    minifyXML: { collapseWhitespace: true },
  },
  h5: {},
} satisfies UserConfigExport<'webpack5'>
