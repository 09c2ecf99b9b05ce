package dev.inboxdesk.app.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything InboxDesk keeps between runs that is not a secret: profiles, which one each service
 * used last, and preferences. Written as readable JSON with a version field.
 *
 * @param version the file format's version
 * @param profiles the saved connections
 * @param lastUsed the profile id each service used last ({@code MESSAGES}, {@code NOTIFICATIONS})
 * @param undoWindowSeconds how long deletes can be undone
 * @param confirmDeletes whether deletes ask first
 * @param theme {@code LIGHT}, {@code DARK}, or {@code SYSTEM}
 * @param maxWaitSeconds the longest single wait for a server sat out (a longer one shows the row
 *     pending with the server's time instead); 0 in files written before it existed: the default
 */
public record Settings(int version, List<Profile> profiles, Map<String, String> lastUsed, int undoWindowSeconds,
    boolean confirmDeletes, String theme, int maxWaitSeconds) {

  /** Two minutes, as the command line's default. */
  public static final int DEFAULT_MAX_WAIT_SECONDS = 120;

  /** The format this build writes. */
  public static final int CURRENT_VERSION = 1;

  public Settings {
    profiles = List.copyOf(profiles == null ? List.of() : profiles);
    lastUsed = Map.copyOf(lastUsed == null ? Map.of() : lastUsed);
    theme = theme == null ? "SYSTEM" : theme;
    maxWaitSeconds = maxWaitSeconds <= 0 ? DEFAULT_MAX_WAIT_SECONDS : maxWaitSeconds;
  }

  public static Settings defaults() {
    return new Settings(CURRENT_VERSION, List.of(), Map.of(), 5, false, "SYSTEM", DEFAULT_MAX_WAIT_SECONDS);
  }

  /** The profile a service used last, if it still exists. */
  public Optional<Profile> lastUsed(Connection.Service service) {
    String id = lastUsed.get(service.name());
    return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public Optional<Profile> profile(String id) {
    return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** Adds or replaces a profile (by id). */
  public Settings withProfile(Profile profile) {
    List<Profile> updated = new ArrayList<>();
    boolean replaced = false;
    for (Profile existing : profiles) {
      if (existing.id().equals(profile.id())) {
        updated.add(profile);
        replaced = true;
      } else {
        updated.add(existing);
      }
    }
    if (!replaced) {
      updated.add(profile);
    }
    return new Settings(version, updated, lastUsed, undoWindowSeconds, confirmDeletes, theme, maxWaitSeconds);
  }

  public Settings withoutProfile(String id) {
    List<Profile> updated = profiles.stream().filter(p -> !p.id().equals(id)).toList();
    Map<String, String> used = new LinkedHashMap<>(lastUsed);
    used.values().removeIf(id::equals);
    return new Settings(version, updated, used, undoWindowSeconds, confirmDeletes, theme, maxWaitSeconds);
  }

  /** Marks a profile as the one its service uses; null goes back to the sandbox. */
  public Settings using(Connection.Service service, String profileId) {
    Map<String, String> used = new LinkedHashMap<>(lastUsed);
    if (profileId == null) {
      used.remove(service.name());
    } else {
      used.put(service.name(), profileId);
    }
    return new Settings(version, profiles, used, undoWindowSeconds, confirmDeletes, theme, maxWaitSeconds);
  }

  public Settings withPreferences(int undoSeconds, boolean confirm, String themeName) {
    return new Settings(version, profiles, lastUsed, undoSeconds, confirm, themeName, maxWaitSeconds);
  }

  public Settings withMaxWaitSeconds(int seconds) {
    return new Settings(version, profiles, lastUsed, undoWindowSeconds, confirmDeletes, theme, seconds);
  }
}
