export default definePageConfig({
  navigationBarTitleText: '评价党课',
})
