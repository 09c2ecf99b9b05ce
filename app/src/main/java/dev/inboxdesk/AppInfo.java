package dev.inboxdesk;

/** Facts about the running build. */
public final class AppInfo {
  public static final String NAME = "InboxDesk";

  private AppInfo() {
  }

  /** The version from the jar's manifest, or {@code dev} when running from classes. */
  public static String version() {
    String version = AppInfo.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
