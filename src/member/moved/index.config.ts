export default definePageConfig({
  navigationBarTitleText: '转出后的报名',
})
