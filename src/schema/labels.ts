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
