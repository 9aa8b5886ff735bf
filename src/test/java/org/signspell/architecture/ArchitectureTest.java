package org.signspell.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the pipeline one-directional and the engine free of JavaFX, so it runs headless in the CLI. */
@AnalyzeClasses(packages = "org.signspell", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule engineNeverImportsJavaFx = noClasses()
            .that().resideInAnyPackage("org.signspell.capture..", "org.signspell.hands..",
                    "org.signspell.letters..", "org.signspell.spelling..", "org.signspell.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp.ikonli..")
            .because("the engine runs headless in the CLI and in tests; only org.signspell.ui may use JavaFX");

    @ArchTest
    static final ArchRule stagesNeverReachIntoTheUi = noClasses()
            .that().resideOutsideOfPackages("org.signspell.ui..", "org.signspell.cli..", "org.signspell")
            .should().dependOnClassesThat().resideInAnyPackage("org.signspell.ui..", "org.signspell.cli..")
            .because("results flow from the pipeline to its owners, never back");

    @ArchTest
    static final ArchRule captureKnowsNothingDownstream = noClasses()
            .that().resideInAPackage("org.signspell.capture..")
            .should().dependOnClassesThat().resideInAnyPackage("org.signspell.hands..", "org.signspell.letters..",
                    "org.signspell.spelling..", "org.signspell.engine..");

    @ArchTest
    static final ArchRule handsKnowNothingDownstream = noClasses()
            .that().resideInAPackage("org.signspell.hands..")
            .should().dependOnClassesThat().resideInAnyPackage("org.signspell.letters..",
                    "org.signspell.spelling..", "org.signspell.engine..");

    @ArchTest
    static final ArchRule lettersKnowNothingDownstream = noClasses()
            .that().resideInAPackage("org.signspell.letters..")
            .should().dependOnClassesThat().resideInAnyPackage("org.signspell.spelling..", "org.signspell.engine..");
}
