export default definePageConfig({
  navigationBarTitleText: '党员自荐',
})
