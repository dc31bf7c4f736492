/**
 * Who may do what from the Docs sidebar, as data. The sidebar greys out what a role may not do, and every
 * server function checks again, because the page is only a convenience: anyone who can open the Doc (the
 * candidate, as a commenter) can call the server functions directly.
 */
import { normalizeLine } from './text';

export type TeamRole = 'writer' | 'reviewer' | 'manager';

export const TEAM_ROLES: readonly TeamRole[] = ['writer', 'reviewer', 'manager'];

export interface TeamMemberRef {
  readonly email: string;
  readonly role: TeamRole;
  readonly name?: string;
}

export type SidebarAction =
  | 'view'
  | 'checkLetter'
  | 'startSession'
  | 'closeSession'
  | 'changeStatus'
  | 'regenerateSection'
  | 'exportPdf';

/**
 * Sessions and regeneration rewrite what the candidate sees or what the writer wrote, so they stay with
 * the writers (and managers, who stand in for an absent writer); the reviewer reads, checks, exports and
 * moves the order along (which transitions a role may make is the order state machine's business).
 */
export const ACTION_ROLES: Readonly<Record<SidebarAction, readonly TeamRole[]>> = {
  view: ['writer', 'reviewer', 'manager'],
  checkLetter: ['writer', 'reviewer', 'manager'],
  startSession: ['writer', 'manager'],
  closeSession: ['writer', 'manager'],
  changeStatus: ['writer', 'reviewer', 'manager'],
  regenerateSection: ['writer', 'manager'],
  exportPdf: ['writer', 'reviewer', 'manager'],
};

export const ACTION_LABEL: Readonly<Record<SidebarAction, string>> = {
  view: 'open the order',
  checkLetter: 'check the letter',
  startSession: 'start an editing session',
  closeSession: 'close an editing session',
  changeStatus: 'change the status',
  regenerateSection: 'regenerate a section',
  exportPdf: 'export the PDF',
};

/** The one message anyone outside the team sees, whatever they asked for: it names no order and no person. */
export const NOT_AUTHORIZED = 'Not authorized: CEAD is available to the drafting team only.';

export type Access =
  | { readonly allowed: true; readonly member: TeamMemberRef }
  | { readonly allowed: false; readonly reason: string; readonly outsider: boolean };

const fold = (email: string) => normalizeLine(email).toLowerCase();

/** The team member with this email. A person listed twice takes the widest role (manager > writer > reviewer). */
export function findMember(email: string, team: readonly TeamMemberRef[]): TeamMemberRef | undefined {
  const key = fold(email);
  if (key === '') return undefined;
  const rank: Record<TeamRole, number> = { manager: 3, writer: 2, reviewer: 1 };
  return team.filter((m) => fold(m.email) === key).sort((a, b) => rank[b.role] - rank[a.role])[0];
}

export function authorize(email: string, team: readonly TeamMemberRef[], action: SidebarAction): Access {
  const member = findMember(email, team);
  if (!member) return { allowed: false, reason: NOT_AUTHORIZED, outsider: true };
  const roles = ACTION_ROLES[action];
  if (roles.includes(member.role)) return { allowed: true, member };
  const who = roles.map((r) => `${r}s`).join(' and ');
  return {
    allowed: false,
    reason: `Only ${who} can ${ACTION_LABEL[action]}; you are a ${member.role}.`,
    outsider: false,
  };
}
