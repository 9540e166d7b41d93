import type zhCN from './zh-CN.ts';

type Catalog<T> = { [K in keyof T]: T[K] extends string ? string : Catalog<T[K]> };

const en: Catalog<typeof zhCN> = {
  app: { title: 'Coal Checkpoint', subtitle: 'Coal truck registration and quality checks' },
  nav: { kiosk: 'Register truck', ledger: 'Ledger', users: 'Users', settings: 'Settings', logout: 'Log out', lock: 'Lock' },
  setup: {
    title: 'First run: set up the checkpoint', stationName: 'Checkpoint name', stationCode: 'Checkpoint code', adminUsername: 'Administrator username',
    adminName: 'Administrator name', adminPassword: 'Administrator password', submit: 'Finish set-up',
  },
  login: { title: 'Log in', username: 'Username', password: 'Password', submit: 'Log in', locked: 'Screen locked: enter your password', unlock: 'Unlock' },
  roles: { kiosk: 'Kiosk operator', officer: 'Enforcement officer', disposal: 'Disposal clerk', supervisor: 'Supervisor', admin: 'Administrator' },
  registration: {
    title: 'Register a coal truck', plate: 'Tractor plate', trailerPlate: 'Trailer plate', plateColor: 'Plate colour', driverName: 'Driver name',
    driverIdNumber: 'ID number', driverPhone: 'Phone', carrier: 'Carrier', origin: 'Origin (mine or seller, place)',
    consignee: 'Consignee', destination: 'Destination', destinationInHebei: 'Destination inside Hebei', coalKind: 'Coal kind', coalKindOther: 'Other coal kind',
    intendedUse: 'Use', declaredKg: 'Declared weight (kg)', hasContract: 'Sales contract shown', hasReport: 'Inspection report shown',
    reportNumber: 'Report number', viaDesignatedRoute: 'Came by designated coal route', grossKg: 'Gross (kg)', tareKg: 'Tare (kg)', netKg: 'Net (kg)',
    weightSource: 'Weighing', manualReason: 'Reason for manual entry', save: 'Save', saved: 'Saved as {{recordNumber}}',
    reset: 'Clear', rememberedTare: 'Last tare of this truck {{tareKg}} kg ({{date}}): click to use', training: 'Training mode',
    recordNumber: 'Record number', registeredAt: 'Registered at', operator: 'Operator', revision: 'Revision', amend: 'Amend', amendReason: 'Reason for amendment',
    amendedBy: 'Amended', amendmentOf: 'Amends revision {{revision}}', history: 'All revisions', manualMark: 'Manual entry', scaleMark: 'From weighbridge',
    weights: 'Weights', driver: 'Driver', cargo: 'Cargo and destination', documents: 'Documents carried',
  },
  plateColors: { yellow: 'Yellow', blue: 'Blue', green: 'Green (new energy)', 'yellow-green': 'Yellow-green (new energy)', white: 'White', black: 'Black' },
  coalKinds: { 'anthracite-lump': 'Anthracite lump', bituminous: 'Bituminous', 'clean-briquette': 'Clean briquette', 'semi-coke': 'Semi-coke', 'washed-fine': 'Washed fine coal', other: 'Other' },
  uses: { civil: 'Civil', industrial: 'Industrial' },
  weightSources: { manual: 'Manual entry', scale: 'Weighbridge' },
  ledger: {
    title: 'Vehicle registration ledger', search: 'Plate / ID number / record number', from: 'From', to: 'To', open: 'Open', empty: 'No records',
    prev: 'Previous', next: 'Next', page: 'Page {{page}}',
  },
  users: { role: 'Role', credentialNumber: 'Credential number', add: 'Add user', displayName: 'Name' },
  common: { yes: 'Yes', no: 'No', cancel: 'Cancel', confirm: 'OK', close: 'Close', language: '中文', search: 'Search', loading: 'Loading…' },
  provincePicker: { title: 'Pick the province character' },
  validation: {
    required: 'Required', tooLong: 'Too long', weightInteger: 'Weights are whole kilograms', weightNegative: 'A weight cannot be negative',
    weightAbsurd: 'Over 200 t: please check', tareAboveGross: 'Tare cannot exceed gross', choice: 'Pick a valid option', boolean: 'Choose yes or no',
    phone: 'Invalid phone number', date: 'Dates are YYYY-MM-DD', dateRange: 'The end date is before the start date',
    username: 'Usernames are 3–32 letters, digits or _ . -', passwordShort: 'At least 8 characters', stationCode: '2–12 capital letters or digits',
    patternSeq: 'The pattern needs {seq:N}', patternToken: 'The pattern has an unknown placeholder', manualReason: 'A manual weight needs a reason',
    plate: {
      empty: 'Enter the plate', province: 'A plate starts with a province character', format: 'Not a GA 36 plate', trailer: 'A trailer plate ends in 挂',
    },
    idNumber: { format: 'An ID number has 18 characters', 'birth-date': 'The birth date in the ID number is invalid', checksum: 'The ID number check character is wrong' },
    invalid_type: 'Wrong type', unrecognized_keys: 'Unexpected field', too_big: 'Too large or too long', too_small: 'Too small or too short',
    invalid_value: 'Invalid value', invalid_format: 'Invalid format', custom: 'Invalid', invalid_union: 'Invalid',
  },
  errors: {
    invalidInput: 'Invalid input', unknownMethod: 'Unknown method: {{method}}', forbidden: 'Your role may not do this',
    sessionExpired: 'Session expired: log in again', badCredentials: 'Wrong username or password', accountLocked: 'Account locked: try again later',
    notSetUp: 'The checkpoint is not set up', alreadySetUp: 'The checkpoint is already set up', usernameTaken: 'Username {{username}} is taken',
    registrationNotFound: 'Registration not found', notCurrentRevision: 'Only the latest revision can be amended', internal: 'Internal error: contact the administrator',
    network: 'Cannot reach the local service',
  },
};
export default en;
