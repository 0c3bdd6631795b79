/**
 * Pages grouped by who uses them (style.md 14): what every member needs first stays in the main
 * package (the two tab pages, lecture detail, binding); proposing is a small member sub-package; the
 * secretary's and administrator's pages are the `manage` sub-package, preloaded from "我的" on any
 * network (village 4G never counts as wifi).
 */
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/mine/index', 'pages/lecture/index', 'pages/bind/index'],
  subPackages: [
    {
      root: 'member',
      pages: [
        'propose/index',
        'checkin/index',
        'hours/index',
        'mycode/index',
        'setup/index',
        'privacy/index',
        'mydata/index',
        'moved/index',
        'nearby/index',
        'rate/index',
        'torate/index',
        'given/index',
        'ratings/index',
        'topics/index',
        'topic/index',
        'lecturer/index',
        'invitations/index',
      ],
    },
    {
      root: 'manage',
      pages: [
        'lectures/index',
        'edit/index',
        'roster/index',
        'proposals/index',
        'members/index',
        'checkin/index',
        'hours/index',
        'targets/index',
        'transfers/index',
        'org/index',
        'appoint/index',
        'topics/index',
        'pool/index',
      ],
    },
  ],
  preloadRule: {
    'pages/mine/index': { network: 'all', packages: ['manage', 'member'] },
    'pages/lecture/index': { network: 'all', packages: ['member'] },
  },
  // WeChat's privacy flow on (小程序隐私协议开发指南): a privacy API waits for the member's consent, asked by
  // the PrivacySheet of the page that calls it. Taro passes the key to app.json as it is.
  __usePrivacyCheck__: true,
  // Location check-in (L2, L3) and 附近的党课 ask for the position; WeChat wants both declared.
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '党课签到时核对您是否在现场，查找附近的党课' } },
  tabBar: {
    color: '#333333',
    selectedColor: '#C40000',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    // icons: 81x81 PNG (weapp caps them at 40 KB), grey #333333 and selected red #C40000
    list: [
      {
        pagePath: 'pages/index/index',
        text: '党课',
        iconPath: 'assets/tabbar/lectures.png',
        selectedIconPath: 'assets/tabbar/lectures-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
  window: {
    navigationBarTitleText: '我来讲党课',
    navigationBarBackgroundColor: '#C40000',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
    backgroundTextStyle: 'dark',
  },
})
