/**
 * Figures measured more than once, and how sure they are: a {@link darwin.core.stats.Sample} of
 * replicates, the {@link darwin.core.stats.Noise} of a measurement (a standard deviation with its
 * degrees of freedom, pooled over everything measured), and the {@link darwin.core.stats.Interval}
 * of a difference.
 *
 * <p>Fitness figures are compared on a log scale (the held-out loss is the log of the perplexity;
 * MFU is compared as its log), where the host's and the seed's noise are roughly the same size for
 * every variant: a standard deviation there is a relative one, and the seed's replicates tell the
 * noise of every other variant. Student's t quantiles come from Apache Commons Statistics.
 */
package darwin.core.stats;
