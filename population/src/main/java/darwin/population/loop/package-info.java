/**
 * The generation loop: rank the agents' variants, pair mutating agents with targets they do not
 * own, propose and evaluate the offspring (proposals overlapping with training), select the next
 * population, and checkpoint — every step recorded in the run's ledger and agent memories, so that
 * a run killed at any instant resumes without losing or repeating an evaluation.
 */
package darwin.population.loop;
