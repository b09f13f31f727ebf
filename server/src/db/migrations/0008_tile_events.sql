-- The events of one vector tile (server/src/queries/tiles.ts, docs/tiles.md "Cost").
-- Under row-level security PostgreSQL will not evaluate the geometry && operator (not LEAKPROOF)
-- ahead of the event_scope policy, so it cannot use the GiST index on event.geom and reads every
-- event of the month range instead. This definer function runs as the owner, whom the policy does
-- not bind, so the box filter can use the index; it enforces the scope itself with the very
-- condition of event_scope (migration 0005). Without `riskmap.scope` set it returns nothing.
--
-- PL/pgSQL with EXECUTE, not a SQL function: a SQL function's body is planned once with its
-- arguments as unknown parameters, and that generic plan guessed every month range to be tiny. It
-- ANDed the month index into every scan, reading every index entry of the range even for a z14
-- tile. Planned with the values, the box and the range each get their real estimate: the GiST
-- index for a small box, the month index for a short range over a wide box.
CREATE FUNCTION tile_events(bbox geometry, leaves text[], from_month date, to_month date)
RETURNS TABLE (id bigint, indicator text, occurred_at timestamptz, source text, geom geometry)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp AS $fn$
BEGIN
  RETURN QUERY EXECUTE $q$
    SELECT e.id, e.indicator, e.occurred_at, e.source, e.geom
    FROM event e
    WHERE e.geom && $1
      AND e.indicator = ANY ($2)
      AND e.month BETWEEN $3 AND $4
      AND e.township IN (SELECT riskmap_scope_regions())
  $q$ USING bbox, leaves, from_month, to_month;
END
$fn$;
REVOKE ALL ON FUNCTION tile_events(geometry, text[], date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tile_events(geometry, text[], date, date) TO riskmap_app;
