import * as v from 'valibot';
import { passwordProblem } from './password';
import { ROLES, type Role } from './roles';

// Deliberately loose: one @, no spaces, a dot in the domain. Whether it receives mail is the
// owner's business; what matters here is that it is one unambiguous sign-in name.
export const Email = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(254),
  v.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address'),
);
export const Password = v.pipe(
  v.string(),
  v.check((p) => passwordProblem(p) === undefined, 'must have 10–256 characters'),
);
export const Name = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(128));
export const RoleSchema = v.picklist(ROLES as Role[]);
export const SiteId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be a site id'));
export const Uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
