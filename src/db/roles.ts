/**
 * PostgreSQL roles for production: an owner that runs migrations and owns every table (and so
 * the audit trail's triggers), and a runtime role for the application that may read and write
 * case data but may only INSERT and SELECT audit rows: no UPDATE, DELETE or TRUNCATE, no DDL, so
 * it can neither change history nor switch the append-only triggers off.
 * Run the output as a superuser once, after `bin/convene db migrate` has run as the owner.
 */
export interface RoleNames {
  database: string;
  owner: string;
  app: string;
}

const ident = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a plain PostgreSQL name: ${name}`);
  return name;
};

/** Grants for the runtime role on a database whose tables the owner has created. */
export function runtimeGrantsSql(names: RoleNames): string {
  const { database, owner, app } = { database: ident(names.database), owner: ident(names.owner), app: ident(names.app) };
  return `-- Convene: the runtime role ${app} may use data but not rewrite the audit trail (owner: ${owner}).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON DATABASE ${database} FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE ${database} TO ${app};
GRANT USAGE ON SCHEMA public TO ${app};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app};
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events FROM ${app};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app};
GRANT USAGE ON SCHEMA drizzle TO ${app};
GRANT SELECT ON drizzle.__drizzle_migrations TO ${app};
ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app};
ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app};
`;
}

/** The whole setup: both roles, the database owned by the owner, then (after migrating) the grants. */
export function rolesSetupSql(names: RoleNames): string {
  const { database, owner, app } = { database: ident(names.database), owner: ident(names.owner), app: ident(names.app) };
  return `-- 1. As a superuser: the two roles (set real passwords) and the database, owned by ${owner}.
CREATE ROLE ${owner} LOGIN PASSWORD 'change-me-owner' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE ROLE ${app} LOGIN PASSWORD 'change-me-app' NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
CREATE DATABASE ${database} OWNER ${owner};
-- 2. As ${owner}: DATABASE_URL=postgres://${owner}:…@host/${database} bin/convene db migrate
-- 3. As a superuser, connected to ${database}:
${runtimeGrantsSql(names)}-- 4. Run Convene as ${app}: DATABASE_URL=postgres://${app}:…@host/${database} npm start
`;
}
