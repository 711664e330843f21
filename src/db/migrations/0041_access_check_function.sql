-- The access check every page about a child runs (modules/access/child-record-access.ts), as a
-- function (issue 16). As a statement it was planned again on every page: on PGlite 1.7 ms of its
-- 2.3 ms was planning, on PostgreSQL 3-7 ms under load (PROFILE_EXPLAIN=1 npm run load:profile).
-- A PL/pgSQL function keeps the plan of its query for the connection's life. The facts and their
-- meaning are exactly those of the statement it replaces; policies/child-record.ts decides from them.
-- p_child is the person whose record is opened: a child's record belongs to the organisation of the
-- child's cases; an adult's (a parent, a carer) to that of the cases of the children they are related
-- to or live with.
CREATE OR REPLACE FUNCTION child_record_relationship(
  p_child uuid, p_actor uuid, p_organisation uuid, p_team uuid, p_session_key text, p_link_conference uuid
) RETURNS TABLE (
  orgs text, in_authority boolean, allocated boolean, in_team boolean, unallocated boolean,
  chairs boolean, invited boolean, attended boolean, granted boolean, by_link boolean
) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  with concerned as (
    -- Three ways to a case, each through its own index (as one OR, the planner read every case).
    select c.id, c.child_id, c.organisation_id, c.social_worker_id, c.team_manager_id, c.iro_id
    from cases c where c.child_id = p_child
    union
    select c.id, c.child_id, c.organisation_id, c.social_worker_id, c.team_manager_id, c.iro_id
    from relationships r join cases c on c.child_id = r.child_id where r.person_id = p_child
    union
    select c.id, c.child_id, c.organisation_id, c.social_worker_id, c.team_manager_id, c.iro_id
    from household_members m join cases c on c.household_id = m.household_id where m.person_id = p_child
  ),
  about as (select p_child as child_id union select child_id from concerned)
  select
    (select string_agg(distinct organisation_id::text, ',') from concerned),
    (select o.kind = 'local-authority' from organisations o where o.id = p_organisation),
    exists(select 1 from concerned where p_actor in (social_worker_id, team_manager_id, iro_id)),
    (p_team is not null and exists(
      select 1 from concerned c join users u on u.id in (c.social_worker_id, c.team_manager_id) where u.team_id = p_team
    )),
    not exists(select 1 from concerned where social_worker_id is not null or team_manager_id is not null),
    exists(
      select 1 from conferences f join conference_children cc on cc.conference_id = f.id
      where cc.child_id in (select child_id from about) and p_actor in (f.chair_id, f.iro_id)
    ),
    exists(
      select 1 from invitations i
      join conference_children cc on cc.conference_id = i.conference_id
      left join professionals p on p.id = i.professional_id
      where cc.child_id = p_child and i.state in ('sent', 'confirmed') and (i.user_id = p_actor or p.user_id = p_actor)
    ),
    exists(
      select 1 from meeting_attendance a join conference_children cc on cc.conference_id = a.conference_id
      where cc.child_id = p_child and a.user_id = p_actor
    ),
    (p_session_key is not null and exists(
      select 1 from break_glass_grants g
      where g.user_id = p_actor and g.session_key = p_session_key and g.child_id = p_child
    )),
    (p_link_conference is not null and exists(
      select 1 from conference_children cc where cc.conference_id = p_link_conference and cc.child_id = p_child
    ));
END;
$$;
