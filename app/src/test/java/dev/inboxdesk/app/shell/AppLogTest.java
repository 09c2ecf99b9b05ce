package dev.inboxdesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file: only the user can read it, from the first line to the last rotation. */
class AppLogTest {
  @TempDir
  Path home;
  String realHome;
  List<Handler> before;

  @BeforeEach
  void setUp() {
    Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "POSIX permissions (Windows keeps the profile folder private)");
    Assumptions.assumeTrue(System.getenv("XDG_DATA_HOME") == null, "the log goes under the home folder");
    realHome = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    before = List.of(Logger.getLogger("dev.inboxdesk").getHandlers());
  }

  @AfterEach
  void tearDown() {
    if (realHome == null) {
      return;
    }
    System.setProperty("user.home", realHome);
    Logger log = Logger.getLogger("dev.inboxdesk");
    for (Handler handler : log.getHandlers()) {
      if (!before.contains(handler)) {
        log.removeHandler(handler);
        handler.close();
      }
    }
  }

  private static String permissions(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void theLogAndItsFolderAreOnlyTheUsersOwn() throws Exception {
    Path folder = AppLog.install();
    Logger.getLogger("dev.inboxdesk.test").info("a line for the log");
    for (Handler handler : Logger.getLogger("dev.inboxdesk").getHandlers()) {
      handler.flush();
    }

    assertThat(folder).isEqualTo(home.resolve(".local/share/inboxdesk/logs"));
    assertThat(permissions(folder)).isEqualTo("rwx------");
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> all = files.toList();
      assertThat(all).isNotEmpty();
      for (Path file : all) {
        assertThat(permissions(file)).as(file.getFileName().toString()).isEqualTo("rw-------");
      }
    }
    assertThat(Files.readString(folder.resolve("inboxdesk0.log"))).contains("a line for the log");
  }

  @Test
  void rotatedLogsStayPrivate() throws Exception {
    Path folder = home.resolve("logs");
    AppLog.install(folder, 2_000, 3);
    Logger log = Logger.getLogger("dev.inboxdesk.test");
    for (int i = 0; i < 100; i++) {
      log.info("line " + i + " " + "x".repeat(80));
    }

    assertThat(folder.resolve("inboxdesk2.log")).exists();
    assertThat(folder.resolve("inboxdesk3.log")).doesNotExist();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        assertThat(permissions(file)).as(file.getFileName().toString()).isEqualTo("rw-------");
      }
    }
    assertThat(Files.size(folder.resolve("inboxdesk1.log"))).isBetween(2_000L, 2_300L);
    assertThat(Files.readString(folder.resolve("inboxdesk0.log"))).contains("line 99");
  }
}
