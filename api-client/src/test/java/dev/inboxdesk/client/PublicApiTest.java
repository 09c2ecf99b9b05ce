package dev.inboxdesk.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's surface, compared with a committed list, so that a new export or public type shows
 * up in review. After an intended change, rewrite the list with {@code -Dinboxdesk.updateApi=true}.
 */
class PublicApiTest {
  private static final Path LIST = Path.of("src/test/resources/public-api.txt");

  @Test
  void theModuleExportsOnlyThePublicPackage() throws IOException, URISyntaxException {
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(classes().resolve("module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }

    assertThat(module.name()).isEqualTo("dev.inboxdesk.client");
    assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::isQualified)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("dev.inboxdesk.client", false));
    assertThat(module.opens()).isEmpty();
  }

  @Test
  void thePublicTypesAreTheCommittedList() throws Exception {
    List<String> actual = publicTypes();
    if (Boolean.getBoolean("inboxdesk.updateApi")) {
      Files.write(LIST, actual, StandardCharsets.UTF_8);
    }

    List<String> committed = Files.readAllLines(LIST, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank()).collect(Collectors.toList());
    assertThat(actual).as("public types of dev.inboxdesk.client; update %s if the change is meant", LIST)
        .containsExactlyElementsOf(committed);
  }

  private static List<String> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
    Path packageDir = classes().resolve("dev/inboxdesk/client");
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.list(packageDir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().collect(Collectors.toList())) {
        String simple = file.getFileName().toString().replace(".class", "");
        Class<?> type = Class.forName("dev.inboxdesk.client." + simple, false, PublicApiTest.class.getClassLoader());
        if (isVisible(type)) {
          names.add(kind(type) + " " + type.getName().replace('$', '.'));
        }
      }
    }
    names.sort(null);
    return names;
  }

  /** Where the main classes were loaded from (target/classes, or the jar's location). */
  private static Path classes() throws URISyntaxException {
    return Path.of(ClientConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** Public, and every enclosing class public too. */
  private static boolean isVisible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static String kind(Class<?> type) {
    if (type.isAnnotation()) {
      return "@interface";
    }
    if (type.isInterface()) {
      return "interface";
    }
    if (type.isEnum()) {
      return "enum";
    }
    if (type.isRecord()) {
      return "record";
    }
    return "class";
  }
}
