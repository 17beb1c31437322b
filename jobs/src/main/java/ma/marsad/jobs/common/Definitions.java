package ma.marsad.jobs.common;

/**
 * What the templates, models, KPIs and calendar in use hash to: a published warehouse built with others is rebuilt.
 *
 * @param fingerprint the hash recorded in each warehouse built
 */
public record Definitions(String fingerprint) {}
