/**
 * Who may do what from the Docs sidebar, as data. The sidebar greys out what a role may not do, and every
 * server function checks again, because the page is only a convenience: anyone who can open the Doc (the
 * candidate, as a commenter) can call the server functions directly.
 */
import { normalizeLine } from './text';

export type TeamRole = 'writer' | 'reviewer' | 'manager';

export const TEAM_ROLES: readonly TeamRole[] = ['writer', 'reviewer', 'manager'];

/** A team member as the Settings sheet lists them (one person may hold several roles). */
export interface TeamMemberRef {
  readonly email: string;
  readonly roles: readonly TeamRole[];
  readonly name?: string;
}

export type SidebarAction =
  | 'view'
  | 'checkLetter'
  | 'startSession'
  | 'closeSession'
  | 'changeStatus'
  | 'regenerateSection'
  | 'suggestRewrite'
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
  suggestRewrite: ['writer', 'manager'],
  exportPdf: ['writer', 'reviewer', 'manager'],
};

export const ACTION_LABEL: Readonly<Record<SidebarAction, string>> = {
  view: 'open the order',
  checkLetter: 'check the letter',
  startSession: 'start an editing session',
  closeSession: 'close an editing session',
  changeStatus: 'change the status',
  regenerateSection: 'regenerate a section',
  suggestRewrite: 'ask a model to suggest a rewrite',
  exportPdf: 'export the PDF',
};

/** The one message anyone outside the team sees, whatever they asked for: it names no order and no person. */
export const NOT_AUTHORIZED = 'Not authorized: CEAD is available to the drafting team only.';

export type Access =
  | { readonly allowed: true; readonly member: TeamMemberRef }
  | { readonly allowed: false; readonly reason: string; readonly outsider: boolean };

const fold = (email: string) => normalizeLine(email).toLowerCase();

/** The team member with this email, with every role they hold (a person listed twice holds both rows' roles). */
export function findMember(email: string, team: readonly TeamMemberRef[]): TeamMemberRef | undefined {
  const key = fold(email);
  if (key === '') return undefined;
  const rows = team.filter((m) => fold(m.email) === key);
  const first = rows[0];
  if (!first) return undefined;
  const roles = TEAM_ROLES.filter((r) => rows.some((m) => m.roles.includes(r)));
  return { ...first, roles };
}

/** `a writer`, `a writer and a reviewer`. */
export function describeRoles(roles: readonly TeamRole[]): string {
  return roles.map((r) => `a ${r}`).join(' and ');
}

export function authorize(email: string, team: readonly TeamMemberRef[], action: SidebarAction): Access {
  const member = findMember(email, team);
  if (!member) return { allowed: false, reason: NOT_AUTHORIZED, outsider: true };
  const roles = ACTION_ROLES[action];
  if (member.roles.length === 0) {
    return {
      allowed: false,
      reason: 'Your entry in Settings has no role; ask a manager to add one.',
      outsider: false,
    };
  }
  if (member.roles.some((r) => roles.includes(r))) return { allowed: true, member };
  const who = roles.map((r) => `${r}s`).join(' and ');
  return {
    allowed: false,
    reason: `Only ${who} can ${ACTION_LABEL[action]}; you are ${describeRoles(member.roles)}.`,
    outsider: false,
  };
}
