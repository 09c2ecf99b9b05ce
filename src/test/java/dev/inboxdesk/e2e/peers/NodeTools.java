package dev.inboxdesk.e2e.peers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * Node and npm for the peers: finds them on the PATH, installs each peer's dependencies with
 * {@code npm ci} when its lockfile changed, and builds it when its sources changed. Both steps
 * leave a stamp (a hash of what they depended on) so that later runs skip them.
 */
final class NodeTools {
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
  private static final String INSTALL_STAMP = "node_modules/.inboxdesk-npm-ci.stamp";
  private static final String BUILD_STAMP = ".inboxdesk-build.stamp";
  private static final Map<PeerKind, Boolean> PREPARED = new ConcurrentHashMap<>();

  private NodeTools() {
  }

  /** The folder holding the peers: {@code -Dinboxdesk.peers}, else {@code peers} or {@code src/test/peers}. */
  static Path peersRoot() {
    String configured = System.getProperty("inboxdesk.peers");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path here = Path.of("peers");
    return (Files.isDirectory(here) ? here : Path.of("src", "test", "peers")).toAbsolutePath().normalize();
  }

  static Path folder(PeerKind kind) {
    return peersRoot().resolve(kind.folder);
  }

  /**
   * The {@code node} executable. Without Node: a test failure under CI (which has Node 20),
   * otherwise the test is skipped.
   */
  static String node() {
    return find("node");
  }

  static String npm() {
    return find(isWindows() ? "npm.cmd" : "npm");
  }

  private static String find(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, isWindows() && !program.endsWith(".cmd") ? program + ".exe" : program);
      if (!dir.isEmpty() && Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    String message = "the conformance peers need " + program + " (Node.js 20 or newer with npm) on the PATH";
    if (inCi()) {
      throw new AssertionError(message + "; CI must provide it");
    }
    throw new TestAbortedException(message + "; skipped outside CI");
  }

  static boolean inCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase().contains("win");
  }

  /** Installs and builds the peer if needed; once per JVM, and under a file lock across JVMs. */
  static void prepare(PeerKind kind) {
    if (PREPARED.containsKey(kind)) {
      return;
    }
    synchronized (NodeTools.class) {
      if (PREPARED.containsKey(kind)) {
        return;
      }
      Path dir = folder(kind);
      if (!Files.isRegularFile(dir.resolve("package-lock.json"))) {
        throw new IllegalStateException("no peer at " + dir);
      }
      Path lockFile = Path.of(System.getProperty("java.io.tmpdir"),
          "inboxdesk-peer-" + hash(List.of(dir.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 16) + ".lock");
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        install(kind, dir);
        build(kind, dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      PREPARED.put(kind, true);
    }
  }

  private static void install(PeerKind kind, Path dir) throws IOException {
    String want = hash(List.of(Files.readAllBytes(dir.resolve("package-lock.json")),
        version().getBytes(StandardCharsets.UTF_8)));
    Path stamp = dir.resolve(INSTALL_STAMP);
    if (Files.isRegularFile(stamp) && Files.readString(stamp).trim().equals(want)) {
      return;
    }
    long start = System.nanoTime();
    // --prefer-offline: what npm's cache holds is used without asking the registry again
    run(dir, INSTALL_TIMEOUT, List.of(npm(), "ci", "--no-audit", "--no-fund", "--prefer-offline"));
    Files.writeString(stamp, want);
    Timings.record(kind, "npm ci", System.nanoTime() - start);
  }

  private static void build(PeerKind kind, Path dir) throws IOException {
    List<byte[]> inputs = new ArrayList<>();
    for (String source : kind.sources) {
      Path root = dir.resolve(source);
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          inputs.add(dir.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
          inputs.add(Files.readAllBytes(file));
        }
      }
    }
    inputs.add(version().getBytes(StandardCharsets.UTF_8));
    String want = hash(inputs);
    Path output = dir.resolve(kind.buildOutput);
    Path stamp = output.resolve(BUILD_STAMP);
    if (Files.isRegularFile(stamp) && Files.readString(stamp).trim().equals(want)) {
      return;
    }
    long start = System.nanoTime();
    deleteTree(output);
    List<String> command = new ArrayList<>();
    command.add(node());
    command.addAll(kind.buildArgs);
    run(dir, BUILD_TIMEOUT, command);
    Files.createDirectories(output);
    Files.writeString(stamp, want);
    Timings.record(kind, "build", System.nanoTime() - start);
  }

  private static String version;

  private static synchronized String version() {
    if (version == null) {
      version = run(Path.of("."), Duration.ofSeconds(30), List.of(node(), "--version")).trim();
    }
    return version;
  }

  /** Runs a command to its end; its output goes into the failure message. */
  static String run(Path dir, Duration timeout, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    environment(builder.environment());
    Path log;
    try {
      log = Files.createTempFile("inboxdesk-peer", ".log");
      builder.redirectOutput(log.toFile());
      Process process = builder.start();
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          ProcessTree.stop(process);
          throw new IllegalStateException(command + " in " + dir + " took longer than " + timeout + ":\n"
              + tail(Files.readString(log)));
        }
      } catch (InterruptedException e) {
        ProcessTree.stop(process);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted: " + command, e);
      }
      String output = Files.readString(log);
      Files.deleteIfExists(log);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(command + " in " + dir + " failed with exit code " + process.exitValue()
            + ":\n" + tail(output));
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + command + " in " + dir, e);
    }
  }

  /** What every node and npm process of the harness gets: quiet, no telemetry, production. */
  static void environment(Map<String, String> env) {
    env.put("NEXT_TELEMETRY_DISABLED", "1");
    env.put("npm_config_update_notifier", "false");
    env.put("npm_config_fund", "false");
    env.put("npm_config_audit", "false");
  }

  static String tail(String text) {
    String[] lines = text.split("\n");
    int from = Math.max(0, lines.length - 60);
    return String.join("\n", List.of(lines).subList(from, lines.length));
  }

  private static String hash(List<byte[]> parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) 0);
        digest.update(part);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
