package dev.inboxdesk.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javakeyring.BackendNotSupportedException;
import org.junit.jupiter.api.Test;

class KeyringSecretStoreTest {

  @Test
  void withoutAKeyringSecretsStayInMemoryAndTheUserIsTold() {
    SecretStore store = KeyringSecretStore.open(() -> {
      throw new BackendNotSupportedException("no Secret Service on this bus");
    });

    assertThat(store.persistent()).isFalse();
    assertThat(store.limitation()).contains("memory only", "Nothing is written to a file");
    store.write("profile-1", "secret");
    assertThat(store.read("profile-1")).contains("secret");
    store.delete("profile-1");
    assertThat(store.read("profile-1")).isEmpty();
  }
}
