import Taro from '@tarojs/taro'

/** Open another page of the app from "我的". */
export const go = (url: string) => void Taro.navigateTo({ url })
