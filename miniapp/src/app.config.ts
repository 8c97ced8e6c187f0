export default defineAppConfig({
  pages: ['pages/index/index', 'pages/category/index', 'pages/volunteer/index', 'pages/mine/index'],
  // Everything that is not a tab lives in a subpackage, keeping the main package small.
  subPackages: [
    { root: 'packages/outlet', pages: ['pages/detail/index'] },
    { root: 'packages/booking', pages: ['pages/book/index', 'pages/mine/index', 'pages/family/index'] },
    { root: 'packages/merchant', pages: ['pages/inbox/index', 'pages/canteen/index', 'pages/slots/index'] },
    // Volunteer points: the volunteer's own pages, the community worker's workspace, the exchange station.
    {
      root: 'packages/volunteer',
      pages: ['pages/activity/index', 'pages/hours/index', 'pages/passbook/index', 'pages/rewards/index', 'pages/redemption/index', 'pages/redemptions/index'],
    },
    { root: 'packages/worker', pages: ['pages/activities/index', 'pages/activity/index', 'pages/code/index'] },
    { root: 'packages/station', pages: ['pages/handover/index', 'pages/rewards/index'] },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/outlet'] },
    'pages/volunteer/index': { network: 'all', packages: ['packages/volunteer'] },
  },
  window: {
    navigationBarTitleText: '一刻钟',
    navigationBarBackgroundColor: '#c2410c',
    navigationBarTextStyle: 'white',
    backgroundColor: '#fff7ed',
  },
  tabBar: {
    color: '#57534e',
    selectedColor: '#c2410c',
    backgroundColor: '#ffffff',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/category/index', text: '找服务' },
      { pagePath: 'pages/volunteer/index', text: '志愿' },
      { pagePath: 'pages/mine/index', text: '我的' },
    ],
  },
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于查找您步行15分钟内的便民服务' } },
  lazyCodeLoading: 'requiredComponents',
});
