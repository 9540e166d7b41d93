/** Simplified Chinese, the default language. Keys are shared with en.ts (the type there enforces it). */
const zhCN = {
  app: { title: '煤质检查站', subtitle: '运煤车辆登记与煤质核查系统' },
  nav: { kiosk: '车辆登记', ledger: '登记台账', users: '用户管理', settings: '系统设置', logout: '退出登录', lock: '锁屏' },
  setup: {
    title: '首次使用：设置检查站', stationName: '检查站名称', stationCode: '检查站代码', adminUsername: '管理员用户名',
    adminName: '管理员姓名', adminPassword: '管理员密码', submit: '完成设置',
  },
  login: { title: '登录', username: '用户名', password: '密码', submit: '登录', locked: '屏幕已锁定，请重新输入密码', unlock: '解锁' },
  roles: { kiosk: '登记员', officer: '执法人员', disposal: '处置点管理员', supervisor: '主管', admin: '系统管理员' },
  registration: {
    title: '运煤车辆登记', plate: '牵引车号牌', trailerPlate: '挂车号牌', plateColor: '号牌颜色', driverName: '驾驶员姓名',
    driverIdNumber: '身份证号码', driverPhone: '联系电话', carrier: '承运单位', origin: '煤炭来源（矿/销售方及地点）',
    consignee: '收货单位', destination: '目的地', destinationInHebei: '目的地在河北省内', coalKind: '煤种', coalKindOther: '其他煤种',
    intendedUse: '用途', declaredKg: '运单申报重量（kg）', hasContract: '出示购销合同', hasReport: '出示质检报告',
    reportNumber: '质检报告编号', viaDesignatedRoute: '经运煤专用通道', grossKg: '毛重（kg）', tareKg: '皮重（kg）', netKg: '净重（kg）',
    weightSource: '称重方式', manualReason: '手工录入原因', save: '保存登记', saved: '已保存，登记编号 {{recordNumber}}',
    reset: '清空', rememberedTare: '该车上次皮重 {{tareKg}} kg（{{date}}），点击使用', training: '培训模式',
    recordNumber: '登记编号', registeredAt: '登记时间', operator: '登记人', revision: '版本', amend: '更正', amendReason: '更正原因',
    amendedBy: '已被更正', amendmentOf: '更正自第 {{revision}} 版', history: '全部版本', manualMark: '手工录入', scaleMark: '地磅采集',
    weights: '称重', driver: '驾驶员', cargo: '货物与去向', documents: '随车单证',
  },
  plateColors: { yellow: '黄牌', blue: '蓝牌', green: '绿牌（新能源）', 'yellow-green': '黄绿牌（新能源）', white: '白牌', black: '黑牌' },
  coalKinds: { 'anthracite-lump': '无烟块煤', bituminous: '烟煤', 'clean-briquette': '洁净型煤', 'semi-coke': '兰炭', 'washed-fine': '洗精煤', other: '其他' },
  uses: { civil: '民用', industrial: '工业' },
  weightSources: { manual: '手工录入', scale: '地磅采集' },
  ledger: {
    title: '运煤车辆信息登记台账', search: '车牌 / 身份证号 / 登记编号', from: '开始日期', to: '结束日期', open: '查看', empty: '暂无记录',
    prev: '上一页', next: '下一页', page: '第 {{page}} 页',
  },
  common: { yes: '是', no: '否', cancel: '取消', confirm: '确定', close: '关闭', language: 'English', search: '查询', loading: '加载中…' },
  provincePicker: { title: '选择省份简称' },
  validation: {
    required: '必填', tooLong: '内容过长', weightInteger: '重量须为整数千克', weightNegative: '重量不能为负数',
    weightAbsurd: '重量超过 200 吨，请核对', tareAboveGross: '皮重不能大于毛重', choice: '请选择有效选项', boolean: '请选择是或否',
    phone: '电话号码格式不正确', date: '日期格式应为 YYYY-MM-DD', dateRange: '结束日期不能早于开始日期',
    username: '用户名为 3–32 位字母、数字或 _ . -', passwordShort: '密码至少 8 位', stationCode: '检查站代码为 2–12 位大写字母或数字',
    patternSeq: '编号规则必须包含 {seq:N}', patternToken: '编号规则含有无法识别的占位符', manualReason: '手工录入重量必须填写原因',
    plate: {
      empty: '请输入车牌号', province: '车牌首字须为省份简称', format: '车牌格式不符合 GA 36', trailer: '挂车号牌应以“挂”结尾',
    },
    idNumber: { format: '身份证号应为 18 位', 'birth-date': '身份证号中的出生日期无效', checksum: '身份证号校验位错误' },
    invalid_type: '数据类型错误', unrecognized_keys: '包含不允许的字段', too_big: '数值或长度超出范围', too_small: '数值或长度不足',
    invalid_value: '取值无效', invalid_format: '格式错误', custom: '内容无效', invalid_union: '内容无效',
  },
  errors: {
    invalidInput: '输入有误', unknownMethod: '未知的操作：{{method}}', forbidden: '当前角色无权执行此操作',
    sessionExpired: '登录已失效，请重新登录', badCredentials: '用户名或密码错误', accountLocked: '账户已锁定，请稍后再试',
    notSetUp: '检查站尚未设置', alreadySetUp: '检查站已设置', usernameTaken: '用户名 {{username}} 已存在',
    registrationNotFound: '找不到该登记记录', notCurrentRevision: '只能更正最新版本', internal: '系统错误，请联系管理员',
    network: '无法连接到本机服务',
  },
};
export default zhCN;
