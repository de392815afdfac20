/**
 * The matching algorithm's version. Bump it whenever a change can move a score, so that a stored screening
 * result says which rules produced it (and a re-run with another version is recognisably different).
 */
export const MATCH_ALGORITHM = "autorisk-match-4";

/** The default threshold: a score at or above it is reported as a match (see score-entity.ts for its meaning). */
export const DEFAULT_THRESHOLD = 0.7;
