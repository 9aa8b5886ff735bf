package org.signspell.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The pipeline stages stay usable headless (CLI, servers, tests): only the ui package may touch JavaFX. */
@AnalyzeClasses(packages = "org.signspell", importOptions = ImportOption.DoNotIncludeTests.class)
class NoJavaFxOutsideUiTest {

    @ArchTest
    static final ArchRule pipelineStagesDoNotImportJavaFx = noClasses()
            .that().resideInAnyPackage("org.signspell.capture..", "org.signspell.hands..", "org.signspell.letters..",
                    "org.signspell.spelling..", "org.signspell.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp.ikonli..")
            .because("the engine and its data types are shared with the headless CLI");
}
