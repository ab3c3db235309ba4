-- How a question ended up, for the deflection report (docs/metrics.md, "Outcomes").
--
-- The current definition, applied with CREATE OR REPLACE by migrations (see migrations/rule-files.ts). A
-- landed migration never changes: to change a rule here, edit this file and add a NEW migration that
-- re-applies it (applyRuleFiles), then record its checksum (npm run migrations:checksums).

-- The rule: exactly one outcome per question, from its facts as of the report's moment; the first case that
-- applies wins. classifyOutcomeOracle in @peerdesk/domain is its test oracle (tests/api/rule-oracles.spec.ts).
CREATE OR REPLACE FUNCTION report_outcome(facts report_question_facts) RETURNS text
LANGUAGE sql IMMUTABLE
AS $$
  SELECT CASE
           WHEN facts.accepted_at IS NOT NULL AND facts.answer_author_id = facts.author_id THEN 'SELF_SOLVED'
           WHEN facts.accepted_kind = 'STAFF' THEN 'STAFF_SOLVED'
           WHEN facts.accepted_kind = 'PEER' AND facts.first_escalated_at < facts.accepted_at THEN 'PEER_SOLVED_AFTER_ESCALATION'
           WHEN facts.accepted_kind = 'PEER' THEN 'PEER_SOLVED'
           -- An accepted answer (public, the asker's word) wins over a private resolution, whichever came first.
           WHEN facts.privately_resolved_at IS NOT NULL THEN 'STAFF_SOLVED_PRIVATELY'
           WHEN facts.staff_answers > 0 THEN 'ANSWERED_UNSOLVED_STAFF'
           WHEN facts.peer_answers > 0 THEN 'ANSWERED_UNSOLVED_PEER_ONLY'
           ELSE 'UNANSWERED'
         END
$$;
