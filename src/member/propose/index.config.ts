export default definePageConfig({
  navigationBarTitleText: '我要讲党课',
})
