export default definePageConfig({
  navigationBarTitleText: '主讲人',
})
