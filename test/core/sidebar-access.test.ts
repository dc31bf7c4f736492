import type { TeamRole } from '../../src/core/sidebar-access';
import {
  ACTION_ROLES,
  authorize,
  NOT_AUTHORIZED,
  type SidebarAction,
  TEAM_ROLES,
} from '../../src/core/sidebar-access';

const member = (email: string, ...roles: TeamRole[]) => ({ email, roles, name: email.split('@')[0]! });
const team = [
  member('ana.writer@example.org', 'writer'),
  member('ben.reviewer@example.org', 'reviewer'),
  member('cy.manager@example.org', 'manager'),
  member('ben.reviewer@example.org', 'manager'),
];

describe('authorize', () => {
  it('refuses anyone outside the team with the same message, naming nothing', () => {
    for (const email of ['rosa.candidate@example.com', '', '   ']) {
      expect(authorize(email, team, 'view')).toEqual({
        allowed: false,
        reason: NOT_AUTHORIZED,
        outsider: true,
      });
    }
  });
  it('matches emails regardless of case and spaces, and joins the roles of someone listed twice', () => {
    const access = authorize(' BEN.Reviewer@example.org', team, 'startSession');
    expect(access).toMatchObject({ allowed: true, member: { roles: ['reviewer', 'manager'] } });
  });
  it('allows an action when any of the person’s roles may do it', () => {
    expect(
      authorize('x@example.org', [member('x@example.org', 'reviewer', 'writer')], 'regenerateSection')
        .allowed,
    ).toBe(true);
  });
  it('refuses a listed person with no role, saying so', () => {
    expect(authorize('x@example.org', [member('x@example.org')], 'view')).toEqual({
      allowed: false,
      reason: 'Your entry in Settings has no role; ask a manager to add one.',
      outsider: false,
    });
  });
  it('follows ACTION_ROLES for every action and role, with a reason naming who may', () => {
    const single = [team[0]!, team[1]!, team[2]!];
    for (const action of Object.keys(ACTION_ROLES) as SidebarAction[]) {
      for (const role of TEAM_ROLES) {
        const who = single.find((m) => m.roles.includes(role))!;
        const access = authorize(who.email, single, action);
        expect([action, role, access.allowed]).toEqual([action, role, ACTION_ROLES[action].includes(role)]);
        if (!access.allowed)
          expect(access.reason).toMatch(new RegExp(`^Only .*can .*; you are a ${role}\\.$`));
      }
    }
    expect(authorize('ben.reviewer@example.org', single, 'regenerateSection')).toEqual({
      allowed: false,
      reason: 'Only writers and managers can regenerate a section; you are a reviewer.',
      outsider: false,
    });
  });
});
