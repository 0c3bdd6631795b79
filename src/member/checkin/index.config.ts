export default definePageConfig({
  navigationBarTitleText: '党课签到',
})
