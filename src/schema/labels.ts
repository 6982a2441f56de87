/** The Japanese label of every front matter key: used in messages and in the JSON Schema descriptions. */
export const labels: Record<string, string> = {
  type: '文書の種類',
  committee: '会議名',
  documentKind: '文書の名前',
  fiscalYear: '年度',
  number: '回',
  date: '開催日',
  start: '開始時刻',
  end: '終了時刻',
  place: '場所',
  attendees: '出席者',
  group: 'グループ名',
  roleSeparator: '氏名と役職の区切り',
  orderNote: '並び順などの注記',
  headcount: '人数',
  subgroups: '局・部ごとの出席者',
  members: '出席者（1行）',
  lines: '出席者（複数行）',
  name: '氏名・名称',
  role: '役職',
  agenda: '議事',
  text: '議事の文',
  presenters: '説明者',
  closed: '非公開',
  materials: '資料',
  materialsPublic: '提出資料の公表',
  subNumbering: '枝番の形式',
  incidents: '事故',
  ref: '事故ファイル名',
  heading: '見出し',
  closingRemark: '結びの文',
  revisions: '修正履歴',
  note: '注記',
  title: '件名',
  operators: '事業者名',
  affectedUsers: '影響利用者数',
  affectedUsersNote: '影響利用者数の注記',
  occurrences: '発生',
  occurredAt: '発生日時',
  approximate: '「頃」を付ける',
  recoveredAt: '復旧日時',
  duration: '継続時間',
  durationApproximate: '「約」を付ける',
  label: 'ラベル',
  qualifier: '前置き（約・最大など）',
  value: '値',
  unit: '単位',
  suffix: '後置き（以上など）',
  remark: '補足',
  region: '影響地域',
  inquiries: '事業者への問合せ件数',
  inquiriesNote: '問合せ件数の注記',
  description: '障害内容',
  classification: '重大な事故に該当する電気通信役務の区分',
  classHeading: '区分の見出し',
  class: '区分',
  servicesHeading: '役務の見出し',
  services: '影響を与えた電気通信役務',
};

export function labelOf(key: string | number | undefined): string {
  if (key === undefined) return '';
  return typeof key === 'number' ? `${key + 1}番目` : (labels[key] ?? key);
}

/** Body sections of an incident, in the order they must appear. */
export const incidentSections = {
  cause: '発生原因',
  configuration: '機器構成図',
  prevention: '再発防止策',
  publicity: '情報周知',
  // The detailed report (report.hbs) only: free text around its structured parts.
  system: 'システム構成',
  normalFlow: '正常時の動作の流れ',
  failureFlow: '事故発生時の動作の流れ',
  usersOverTime: '影響利用者数の推移',
  response: '措置模様',
  contacts: '連絡体制',
  causesAndMeasures: '発生原因と再発防止策',
  measureDetails: '再発防止策の詳細',
  userResponse: '利用者対応状況',
} as const;
export type IncidentSectionKey = keyof typeof incidentSections;

export const publicitySubsections = {
  ownSite: '自社サイト',
  other: 'その他',
} as const;
export type PublicitySubsectionKey = keyof typeof publicitySubsections;
