export default definePageConfig({
  navigationBarTitleText: '党课详情',
})
