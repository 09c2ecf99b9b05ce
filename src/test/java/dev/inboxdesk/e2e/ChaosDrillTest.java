package dev.inboxdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.sandbox.Deployment;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The chaos drill with reconciliation: a seeded run of user operations through the view-models
 * against the sandbox with faults injected. Nothing the user deleted may survive, nothing else may
 * go, and the lists must agree with the server. The seed and size are printed for a rerun:
 * {@code -Dchaos.seed=… -Dchaos.variantSeed=… -Dchaos.operations=…}.
 */
class ChaosDrillTest {
  private static final long SEED = Long.getLong("chaos.seed", 20261122L);
  private static final int OPERATIONS = Integer.getInteger("chaos.operations", 2000);
  private static final int ITEMS_PER_SERVICE = Integer.getInteger("chaos.items", 800);

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void deletesSurviveFaultsAndNothingElseIsLost() {
    ChaosDrill.Report report;
    try (ChaosDrill drill = new ChaosDrill(SEED, ITEMS_PER_SERVICE)) {
      report = drill.run(OPERATIONS);
    }
    System.out.println(report);

    assertThat(report.mismatches()).as(report.toString()).isEmpty();
    // A drill that injected nothing or never rolled back proves nothing.
    assertThat(report.faultsInjected()).as("faults injected").isGreaterThan(OPERATIONS / 20);
    assertThat(report.rollbacks()).as("rollbacks").isPositive();
    assertThat(report.deletedOnServer().values()).allMatch(count -> count > 0);
  }

  private static final long VARIANT_SEED = Long.getLong("chaos.variantSeed", 20261129L);

  /**
   * The same drill against a deployment far from the seeds (minimal: no refresh, so an expired
   * token means signing in again; the kind in {@code type}; filters ignored, pages of 20; Nest's
   * default 404s), with success bodies also cut off or replaced before or after the server acted.
   */
  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void deletesSurviveBodyFaultsOnADeploymentUnlikeTheSeeds() {
    Deployment variant = Deployment.STANDARD.withMinimal(true).withKindField("type").withIgnoreFilters(true)
        .withRoute404("nest");
    ChaosDrill.Report report;
    try (ChaosDrill drill = new ChaosDrill(VARIANT_SEED, ITEMS_PER_SERVICE, variant, true)) {
      report = drill.run(OPERATIONS);
    }
    System.out.println("variant " + variant + ": " + report);

    assertThat(report.mismatches()).as(report.toString()).isEmpty();
    assertThat(report.faultsInjected()).as("faults injected").isGreaterThan(OPERATIONS / 20);
    assertThat(report.rollbacks()).as("rollbacks").isPositive();
    assertThat(report.deletedOnServer().values()).allMatch(count -> count > 0);
  }
}
