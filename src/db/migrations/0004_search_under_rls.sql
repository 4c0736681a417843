-- Searches must be able to use their trigram indexes under row-level security.
--
-- With RLS, PostgreSQL evaluates a query's own conditions after the policy's, and only LEAKPROOF functions may be
-- used earlier, inside an index scan. LIKE and ILIKE are not marked leakproof in the catalogue (out of caution: any
-- function that can raise an error is presumed to leak), so every `full_name ilike '%smith%'` under RLS became a scan
-- of the organization's whole table (340 ms over 300,000 customers) although a trigram index could answer it.
--
-- Their only errors concern the pattern (an escape character at its end), which is the caller's own input, never a
-- row's value: evaluating them on another organization's rows cannot reveal anything about those rows. So they
-- are marked leakproof here. Only a superuser may do so; on a server where the migrating user is not one, this
-- migration changes nothing and searches stay correct, only slower (docs/performance.md).
do $$
begin
  if exists (select 1 from pg_roles where rolname = current_user and rolsuper) then
    alter function pg_catalog.texticlike(text, text) leakproof;
    alter function pg_catalog.textlike(text, text) leakproof;
  end if;
end $$;
