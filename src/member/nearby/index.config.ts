export default definePageConfig({
  navigationBarTitleText: '附近的党课',
})
