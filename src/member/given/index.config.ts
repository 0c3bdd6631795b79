export default definePageConfig({ navigationBarTitleText: '我讲的党课' })
