package dev.inboxdesk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walls of the house (docs/ARCHITECTURE.md), checked on the compiled classes so that they
 * keep holding: a wrong import fails the build with the classes and the line that broke it.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.inboxdesk");
  }

  @Test
  void theLibraryKnowsNoApp() {
    noClasses().that().resideInAPackage("dev.inboxdesk.client..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.inboxdesk.app..", "dev.inboxdesk.cli..", "dev.inboxdesk.sandbox..", "javafx..")
        .check(classes);
  }

  @Test
  void everythingElseUsesOnlyTheLibrarysPublicPackage() {
    noClasses().that().resideOutsideOfPackage("dev.inboxdesk.client..")
        .should().dependOnClassesThat().resideInAPackage("dev.inboxdesk.client.internal..")
        .check(classes);
  }

  @Test
  void theSandboxKnowsNeitherTheClientNorJavaFx() {
    noClasses().that().resideInAPackage("dev.inboxdesk.sandbox..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.inboxdesk.client..", "dev.inboxdesk.app..", "dev.inboxdesk.cli..", "javafx..")
        .check(classes);
  }

  @Test
  void theCommandLineKnowsNoJavaFxAndNoWindowCode() {
    noClasses().that().resideInAPackage("dev.inboxdesk.cli..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.inboxdesk.app..", "javafx..")
        .check(classes);
  }

  @Test
  void whatTheWindowAndTheCommandLineShareKnowsNeither() {
    noClasses().that().resideInAnyPackage("dev.inboxdesk.history..", "dev.inboxdesk.wire..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.inboxdesk.app..", "dev.inboxdesk.cli..", "javafx..")
        .check(classes);
  }

  @Test
  void onlyViewsTouchTheSceneGraph() {
    noClasses().that().resideInAPackage("dev.inboxdesk.app..").and(areNotViews())
        .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..")
        .check(classes);
  }

  @Test
  void featurePackagesDoNotImportEachOtherInCircles() {
    slices().matching("dev.inboxdesk.app.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theSharedPackagesKnowNoFeature() {
    noClasses().that().resideInAPackage("dev.inboxdesk.app.common..")
        .should().dependOnClassesThat(resideInAPackage("dev.inboxdesk.app..")
            .and(not(resideInAPackage("dev.inboxdesk.app.common.."))))
        .check(classes);
    noClasses().that().resideInAPackage("dev.inboxdesk.app.list..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "dev.inboxdesk.app.inbox..", "dev.inboxdesk.app.notifications..", "dev.inboxdesk.app.accounts..",
            "dev.inboxdesk.app.inspector..", "dev.inboxdesk.app.sandboxpanel..", "dev.inboxdesk.app.shell..")
        .check(classes);
  }

  @Test
  void onlyTheStartUpKnowsTheShell() {
    noClasses().that().resideInAPackage("dev.inboxdesk.app..").and().resideOutsideOfPackage("dev.inboxdesk.app.shell..")
        .should().dependOnClassesThat().resideInAPackage("dev.inboxdesk.app.shell..")
        .check(classes);
  }

  /** Views, dialogs, cells, panels and menus own nodes; so do the start-up classes that own the stage. */
  private static DescribedPredicate<JavaClass> areNotViews() {
    return DescribedPredicate.describe("are not views", type -> {
      String outer = type.getName().replaceFirst("\\$.*", "");
      String simple = outer.substring(outer.lastIndexOf('.') + 1);
      return !(simple.endsWith("View") || simple.endsWith("Dialog") || simple.endsWith("Cell")
          || simple.endsWith("Panel") || simple.endsWith("Menu") || simple.equals("InboxDeskApp") || simple.equals("SmokeTest"));
    });
  }
}
