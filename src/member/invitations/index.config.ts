export default definePageConfig({
  navigationBarTitleText: '讲课邀请',
})
