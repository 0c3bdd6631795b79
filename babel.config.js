// babel-preset-taro: used by the Taro build and by jest (both node and jsdom tests).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
}
