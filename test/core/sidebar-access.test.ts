import {
  ACTION_ROLES,
  authorize,
  NOT_AUTHORIZED,
  type SidebarAction,
  TEAM_ROLES,
} from '../../src/core/sidebar-access';

const team = [
  { email: 'ana.writer@example.org', role: 'writer' as const },
  { email: 'ben.reviewer@example.org', role: 'reviewer' as const },
  { email: 'cy.manager@example.org', role: 'manager' as const },
  { email: 'ben.reviewer@example.org', role: 'manager' as const },
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
  it('matches emails regardless of case and spaces, and takes the widest role of someone listed twice', () => {
    const access = authorize(' BEN.Reviewer@example.org', team, 'startSession');
    expect(access).toMatchObject({ allowed: true, member: { role: 'manager' } });
  });
  it('follows ACTION_ROLES for every action and role, with a reason naming who may', () => {
    const single = [team[0]!, team[1]!, team[2]!];
    for (const action of Object.keys(ACTION_ROLES) as SidebarAction[]) {
      for (const role of TEAM_ROLES) {
        const member = single.find((m) => m.role === role)!;
        const access = authorize(member.email, single, action);
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
