package dev.inboxdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inboxdesk.app.accounts.Connection;
import dev.inboxdesk.app.accounts.MemorySecretStore;
import dev.inboxdesk.app.accounts.OnDemandSecretStore;
import dev.inboxdesk.app.accounts.Profile;
import dev.inboxdesk.app.accounts.SecretStore;
import dev.inboxdesk.app.accounts.Settings;
import dev.inboxdesk.app.accounts.SettingsStore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StartupTest {
  private final AtomicInteger keyringOpened = new AtomicInteger();
  private final Supplier<SecretStore> keyring = () -> {
    keyringOpened.incrementAndGet();
    return new MemorySecretStore("test");
  };

  @Test
  void aStartOnTheSandboxAloneLeavesTheKeyringShut() {
    OnDemandSecretStore secrets = Startup.secrets(new SettingsStore.Loaded(Settings.defaults(), null, null), keyring);

    assertThat(secrets.isOpen()).isFalse();
    assertThat(keyringOpened).hasValue(0);
  }

  @Test
  void aStartWithProfilesOpensItForTheirRememberedSessions() {
    Settings withProfile = Settings.defaults().withProfile(Profile.create("Staging", Connection.Service.NOTIFICATIONS,
        "https://api.example.com/api/v1"));

    OnDemandSecretStore secrets = Startup.secrets(new SettingsStore.Loaded(withProfile, null, null), keyring);

    assertThat(secrets.isOpen()).isTrue();
    assertThat(keyringOpened).hasValue(1);
  }

  @Test
  void anUnreadableSettingsFileCountsAsNoProfiles() {
    OnDemandSecretStore secrets = Startup.secrets(new SettingsStore.Loaded(null, "unreadable", null), keyring);

    assertThat(secrets.isOpen()).isFalse();
  }
}
