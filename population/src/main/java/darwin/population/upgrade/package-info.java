/**
 * What an approved upgrade request does to a run: the {@link darwin.population.upgrade.Upgrade}
 * it stands for, read from the request and the value a person gave with it
 * ({@link darwin.population.upgrade.UpgradeReader}), and how it changes a member's variant
 * ({@link darwin.population.upgrade.Upgrader}). A request that cannot take effect says why, in a
 * {@link darwin.population.upgrade.UpgradeException}, before anything changes. A dataset or a
 * library is read from its approval and listed in a variant's manifest through core's
 * {@link darwin.core.ResourceManifest} port: the manifest's format is the trainer's.
 */
package darwin.population.upgrade;
