import type { Actor, RoleId } from '../policies/roles.js';

interface NavItem {
  text: string;
  href: string;
  roles: RoleId[] | 'all';
}

// Later areas add their entries here as their pages arrive.
const ITEMS: NavItem[] = [
  { text: 'My work', href: '/', roles: 'all' },
  { text: 'Search', href: '/people/search', roles: ['social-worker', 'team-manager', 'service-manager', 'chair', 'business-support', 'register-officer'] },
  { text: 'My conferences', href: '/my-conferences', roles: ['agency-practitioner'] },
  { text: 'Deadlines', href: '/deadlines/calculator', roles: 'all' },
  { text: 'Rules', href: '/rules', roles: 'all' },
  { text: 'To authorise', href: '/decisions-to-convene', roles: ['team-manager', 'service-manager'] },
  { text: 'Late bookings', href: '/out-of-timescale', roles: ['service-manager'] },
  { text: 'Census', href: '/census', roles: ['service-manager', 'register-officer'] },
  { text: 'Performance', href: '/performance', roles: ['service-manager', 'team-manager', 'chair', 'register-officer'] },
  { text: 'Escalations', href: '/escalations', roles: ['chair', 'service-manager', 'team-manager'] },
  { text: 'Take an enquiry', href: '/enquiries/new', roles: ['enquirer', 'register-officer'] },
  { text: 'Enquiries', href: '/enquiries', roles: ['register-officer'] },
  { text: 'Register', href: '/register', roles: ['register-officer', 'service-manager'] },
  { text: 'Moves', href: '/transfers', roles: ['register-officer'] },
  { text: 'Letters to post', href: '/letters', roles: ['business-support'] },
  { text: 'Agencies', href: '/agencies', roles: ['business-support', 'administrator'] },
  { text: 'Users', href: '/admin/users', roles: ['administrator'] },
  { text: 'Teams', href: '/admin/teams', roles: ['administrator'] },
  { text: 'Calendar', href: '/admin/calendar', roles: ['administrator'] },
  { text: 'Outbox', href: '/admin/outbox', roles: ['administrator'] },
  { text: 'Recognised callers', href: '/admin/recognised-callers', roles: ['administrator', 'register-officer'] },
  { text: 'Jobs', href: '/admin/jobs', roles: ['administrator'] },
  { text: 'Retention', href: '/records/retention', roles: ['administrator', 'register-officer'] },
  { text: 'Retention schedule', href: '/admin/retention-schedule', roles: ['administrator'] },
  { text: 'Audit', href: '/audit', roles: ['auditor'] },
  { text: 'Subject access', href: '/subject-access', roles: ['auditor'] },
  { text: 'Your account', href: '/account', roles: 'all' },
];

export function navigationFor(actor: Actor | null, currentUrl: string) {
  if (!actor) return [{ text: 'Sign in', href: '/sign-in', active: currentUrl.startsWith('/sign-in') }];
  // A report link's holder (issue 17) has one report and nowhere else to go: the menu would lead only to refusals.
  if (actor.reportLink) return [];
  const path = currentUrl.split('?')[0] ?? '/';
  return ITEMS.filter((i) => i.roles === 'all' || i.roles.some((r) => actor.roles.includes(r))).map((i) => ({
    text: i.text,
    href: i.href,
    active: i.href === '/' ? path === '/' : path.startsWith(i.href),
  }));
}
