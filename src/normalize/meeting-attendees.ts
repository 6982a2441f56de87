import type { AttendeeGroupData, AttendeeSubgroupData } from '../schema/meeting.js';

/** One sub-group as printed: 「（総合通信基盤局）」, its lines, and 「（以上3名）」 when the data gives it. */
export interface AttendeeSubgroupView {
  group: string;
  lines: string[];
  headcount?: string;
}

/** One group as printed: 「＜構成員＞（五十音順、敬称略）」, its lines or sub-groups, and its headcount line. */
export interface AttendeeGroupView {
  group: string;
  lines: string[];
  subgroups: AttendeeSubgroupView[];
  headcount?: string;
}

/** 「（以上11名）」: only a headcount the data gives; the tool never counts names into a figure of its own. */
const headcountLine = (headcount: number | undefined) => (headcount === undefined ? {} : { headcount: `（以上${headcount}名）` });

function formatLines(group: AttendeeGroupData | AttendeeSubgroupData, inherited = ''): string[] {
  const separator = group.roleSeparator ?? inherited;
  const lines = group.lines ?? (group.members ? [group.members] : []);
  return lines.map((line) => line.map((m) => (m.role ? `${m.name}${separator}${m.role}` : m.name)).join('、'));
}

/** A sub-group takes its group's roleSeparator unless it gives its own. */
function formatSubgroup(subgroup: AttendeeSubgroupData, separator: string | undefined): AttendeeSubgroupView {
  return { group: `（${subgroup.group}）`, lines: formatLines(subgroup, separator), ...headcountLine(subgroup.headcount) };
}

export function formatAttendeeGroup(group: AttendeeGroupData): AttendeeGroupView {
  return {
    group: `＜${group.group}＞${group.orderNote ? `（${group.orderNote}）` : ''}`,
    lines: formatLines(group),
    subgroups: (group.subgroups ?? []).map((subgroup) => formatSubgroup(subgroup, group.roleSeparator)),
    ...headcountLine(group.headcount),
  };
}

/**
 * 「3 出席者（敬称略）」 as the seeds print it; only 「3 出席者」 when a group gives its own order note, so that the
 * heading never claims 敬称略 where the data says otherwise.
 */
export function attendeesHeading(groups: readonly AttendeeGroupData[]): string {
  return groups.some((g) => g.orderNote !== undefined) ? '3 出席者' : '3 出席者（敬称略）';
}
