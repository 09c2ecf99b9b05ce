package dev.inboxdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inboxdesk.sandbox.Deployment;
import dev.inboxdesk.sandbox.FaultSettings;
import dev.inboxdesk.sandbox.SandboxOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What {@code inboxdesk sandbox}'s options turn into, without starting a sandbox. */
class SandboxCommandOptionsTest {

  private static SandboxOptions parse(String... args) {
    SandboxCommand command = new SandboxCommand();
    new CommandLine(command).parseArgs(args);
    return command.options();
  }

  @Test
  void noOptionsAreTheDefaults() {
    SandboxOptions options = parse();

    assertThat(options.deployment()).isEqualTo(Deployment.STANDARD);
    assertThat(options.faults()).isEqualTo(FaultSettings.NONE);
  }

  @Test
  void theDeploymentOptionsChooseTheVariant() {
    SandboxOptions options = parse("--minimal", "--kind-field", "type", "--ignore-filters", "--route-404", "nest",
        "--cookie-scheme", "https");

    assertThat(options.deployment()).isEqualTo(new Deployment(true, "type", true, "nest", "https"));
  }

  @Test
  void theBodyFaultOptionsSetTheRatesAndWhenTheyHappen() {
    FaultSettings faults = parse("--garbage-rate", "0.5", "--malformed-rate", "0.25", "--body-fault-before")
        .faults();

    assertThat(faults.garbageRate()).isEqualTo(0.5);
    assertThat(faults.malformedRate()).isEqualTo(0.25);
    assertThat(faults.bodyFaultAfterActing()).isFalse();
    assertThat(parse("--garbage-rate", "1").faults().bodyFaultAfterActing()).isTrue();
  }

  @Test
  void aValueOutOfRangeIsRefused() {
    assertThatThrownBy(() -> parse("--route-404", "html")).hasMessageContaining("route404 must be envelope or nest");
    assertThatThrownBy(() -> parse("--kind-field", "kind")).hasMessageContaining("kindField");
    assertThatThrownBy(() -> parse("--garbage-rate", "2")).hasMessageContaining("garbageRate");
  }
}
