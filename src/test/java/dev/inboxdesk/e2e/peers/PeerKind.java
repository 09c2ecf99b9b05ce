package dev.inboxdesk.e2e.peers;

import java.util.List;

/**
 * The two peers: real servers on the real frameworks, kept under {@code src/test/peers/}, each in
 * its own folder with its own {@code package.json} and lockfile.
 */
public enum PeerKind {
  /** The anonymous-messages service: Next.js 16 (App Router) with NextAuth 4, run by {@code server.js}. */
  MESSAGES("messages", "", List.of("app", "lib", "next.config.js", "package-lock.json"), ".next",
      List.of("node_modules/next/dist/bin/next", "build"), List.of("server.js")),
  /** The notifications API: NestJS 11 with @nestjs/throttler, compiled by tsc, run from {@code dist/}. */
  NOTIFICATIONS("notifications", "/api/v1", List.of("src", "tsconfig.json", "package-lock.json"), "dist",
      List.of("node_modules/typescript/bin/tsc", "-p", "tsconfig.json"), List.of("dist/main.js"));

  final String folder;
  final String apiPath;
  final List<String> sources;
  final String buildOutput;
  final List<String> buildArgs;
  final List<String> startArgs;

  PeerKind(String folder, String apiPath, List<String> sources, String buildOutput, List<String> buildArgs,
      List<String> startArgs) {
    this.folder = folder;
    this.apiPath = apiPath;
    this.sources = sources;
    this.buildOutput = buildOutput;
    this.buildArgs = buildArgs;
    this.startArgs = startArgs;
  }

  /** The path the API's routes live under, appended to the origin: {@code ""} or {@code "/api/v1"}. */
  public String apiPath() {
    return apiPath;
  }
}
