/**
 * Synthetic demo data: a believable Yiyang (益阳市) for demonstrations and tests, with the real
 * administrative codes and names and everything else generated.
 *
 * <p>{@link cn.yiyang.planning.demo.DemoCityGenerator} makes a
 * {@link cn.yiyang.planning.demo.DemoCity} (deterministic: the same seed and
 * {@link cn.yiyang.planning.demo.DemoScale} give the same features);
 * {@link cn.yiyang.planning.demo.DemoDataLoader} writes one into a store and returns a
 * {@link cn.yiyang.planning.demo.DemoLoadReport}.
 *
 * <pre>{@code
 * DemoLoadReport report = new DemoDataLoader(repository, LayerCatalogue.standard())
 *         .load(DemoScale.FULL, DemoCityGenerator.DEFAULT_SEED);
 * }</pre>
 *
 * <p>The data are SYNTHETIC: show {@link cn.yiyang.planning.demo.DemoCity#NOTICE} with them.
 * Internally the generator works in metres in a local projection ({@code Geo}), partitions the
 * sketched city outline into counties, townships and villages ({@code Partitioner}), and adds one
 * theme after another, each from its own seeded random stream ({@code Rng}).
 */
package cn.yiyang.planning.demo;
