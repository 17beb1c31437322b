/**
 * The demo landing zone: {@link ma.marsad.pipeline.demo.DemoLandingZone#generate} writes a reproducible set of
 * submissions for all eight reporting templates, with a few deliberately bad files and rows, so that {@code marsad
 * demo} can run the nightly job end to end on realistic data. {@link ma.marsad.pipeline.demo.DemoSummary} lists what
 * was written and what the job should do with each planted problem.
 */
package ma.marsad.pipeline.demo;
