import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * Taro build configuration (webpack5 runner). One base, merged with dev.ts or prod.ts by NODE_ENV.
 * `taro build` without --watch sets NODE_ENV=production when it is unset.
 *
 * - Output per platform (dist/weapp, dist/h5) so the two builds never overwrite each other;
 *   project.config.json points WeChat DevTools at dist/weapp/.
 * - No Taro plugins: the template's @tarojs/plugin-generator is not published at 4.2.1.
 * - Imports are relative everywhere, so no tsconfig-paths plugin.
 * - `px` is turned into rpx (weapp) / rem (h5) against a 750-wide design; sizes that must not shrink
 *   on small old phones (font sizes, tap-target heights) are written in `PX` and left as they are.
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'dangke',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      CLOUD_ENV_ID: JSON.stringify(process.env.DANGKE_CLOUD_ENV || 'dangke-dev'),
      API_BASE: JSON.stringify(process.env.DANGKE_API_BASE || ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Persistent webpack cache in node_modules/.cache, one per NODE_ENV-TARO_ENV; invalidated when
    // config/index.ts or src/app.config.ts changes.
    cache: { enable: true },
    // Levels of nested elements that weapp's base.wxml (in the main package) has templates for, ~2.5 KB each
    // (default 16); deeper nodes render through Taro's recursive `comp` component. Our deepest page, manage's
    // edit form, nests about 9.
    baseLevel: 12,
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      // Relative, so the build can be served under any sub-path.
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        // contenthash: webpack 5 deprecates [hash]
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
