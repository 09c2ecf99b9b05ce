package dev.inboxdesk.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A remembered session belongs to the origin and service that issued it. */
class AccountsTest {
  final MemorySecretStore keyring = new MemorySecretStore(null);
  final Accounts accounts = new Accounts(SettingsStore.inMemory(), keyring);
  final Profile staging = Profile.create("Staging", Connection.Service.NOTIFICATIONS,
      "https://api.example.com/api/v1").withRememberMe(true);

  private void remember(Profile profile) {
    accounts.update(s -> s.withProfile(profile));
    keyring.write(profile.id(), Accounts.wrap(profile.service(), Accounts.origin(profile.baseUrl()), "refresh-1"));
  }

  @Test
  void anotherPathOnTheSameOriginKeepsTheSession() {
    remember(staging);

    boolean forgotten = accounts.saveProfile(new Profile(staging.id(), "Renamed", staging.service(),
        "https://API.example.com:443/api/v2", "", false, true));

    assertThat(forgotten).isFalse();
    assertThat(accounts.rememberedSecret(accounts.settings().profile(staging.id()).orElseThrow()))
        .contains("refresh-1");
  }

  @Test
  void anotherHostPortOrSchemeForgetsIt() {
    for (String moved : new String[] {"https://api.example.org/api/v1", "https://api.example.com:8443/api/v1",
        "http://api.example.com/api/v1"}) {
      remember(staging);

      boolean forgotten = accounts.saveProfile(new Profile(staging.id(), staging.name(), staging.service(), moved,
          "", true, true));

      assertThat(forgotten).as(moved).isTrue();
      assertThat(keyring.read(staging.id())).as(moved).isEmpty();
    }
  }

  @Test
  void anotherServiceForgetsIt() {
    remember(staging);

    assertThat(accounts.saveProfile(new Profile(staging.id(), staging.name(), Connection.Service.MESSAGES,
        staging.baseUrl(), "", false, true))).isTrue();
    assertThat(keyring.read(staging.id())).isEmpty();
  }

  @Test
  void aSessionKeptForAnotherOriginOrInTheOldFormIsNotHandedOutAndTheUserIsTold() {
    StringBuilder told = new StringBuilder();
    accounts.onNotice((service, text) -> told.append(text));
    accounts.update(s -> s.withProfile(staging));
    keyring.write(staging.id(), Accounts.wrap(staging.service(), "https://elsewhere.example:443", "refresh-1"));

    assertThat(accounts.rememberedSecret(staging)).isEmpty();
    assertThat(keyring.read(staging.id())).isEmpty();
    assertThat(told).contains("was forgotten");

    keyring.write(staging.id(), "a-bare-secret-from-an-older-version");
    assertThat(accounts.rememberedSecret(staging)).isEmpty();
    assertThat(keyring.read(staging.id())).isEmpty();
  }
}
