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
    // The supply side: 商户入驻 and 我的网点, the worker's 网点审核 / 纠错任务 / 网点管理, and a resident's 我的纠错.
    {
      root: 'packages/supply',
      pages: ['pages/apply/index', 'pages/outlets/index', 'pages/outlet/index', 'pages/revise/index', 'pages/review/index', 'pages/reports/index', 'pages/manage/index', 'pages/myreports/index'],
    },
    // Circle health: the worker's 圈子体检 and one compound of it, and a resident's 我家附近有什么.
    { root: 'packages/health', pages: ['pages/report/index', 'pages/compound/index', 'pages/around/index'] },
    // Residents' needs (社区需求): the list, one need, 提需求, the worker's 需求处理 and the public figures.
    { root: 'packages/needs', pages: ['pages/list/index', 'pages/detail/index', 'pages/new/index', 'pages/inbox/index', 'pages/figures/index'] },
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
    // Drawn by miniapp/scripts/icons.ts (81 × 81, under 1 KB each): grey outline, filled when selected.
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/category/index', text: '找服务', iconPath: 'assets/tabbar/browse.png', selectedIconPath: 'assets/tabbar/browse-active.png' },
      { pagePath: 'pages/volunteer/index', text: '志愿', iconPath: 'assets/tabbar/volunteer.png', selectedIconPath: 'assets/tabbar/volunteer-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-active.png' },
    ],
  },
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: { 'scope.userLocation': { desc: '用于查找您步行15分钟内的便民服务' } },
  lazyCodeLoading: 'requiredComponents',
});
