export default definePageConfig({
  navigationBarTitleText: '重点选题',
})
