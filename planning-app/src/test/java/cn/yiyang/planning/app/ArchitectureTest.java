package cn.yiyang.planning.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layering, checked on the compiled classes of all five modules:
 * planning-app → data-import → layers → geo-core and planning-app → demo-data → layers, and views never touch JDBC
 * or repositories.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.yiyang.planning");
    }

    @Test
    void geoCoreDependsOnJtsAndProj4jOnly() {
        noClasses()
                .that()
                .resideInAPackage("cn.yiyang.planning.geo..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "com.vaadin..",
                        "java.sql..",
                        "javax.sql..",
                        "org.h2..",
                        "org.h2gis..",
                        "org.postgresql..",
                        "cn.yiyang.planning.layers..",
                        "cn.yiyang.planning.importer..",
                        "cn.yiyang.planning.demo..",
                        "cn.yiyang.planning.app..")
                .check(classes);
    }

    @Test
    void layersDependOnGeoCoreOnly() {
        noClasses()
                .that()
                .resideInAPackage("cn.yiyang.planning.layers..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "com.vaadin..",
                        "cn.yiyang.planning.importer..",
                        "cn.yiyang.planning.demo..",
                        "cn.yiyang.planning.app..")
                .check(classes);
    }

    @Test
    void dataImportDoesNotKnowTheAppOrTheDemo() {
        noClasses()
                .that()
                .resideInAPackage("cn.yiyang.planning.importer..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "com.vaadin..",
                        "cn.yiyang.planning.demo..",
                        "cn.yiyang.planning.app..")
                .check(classes);
    }

    @Test
    void demoDataDependsOnLayersOnly() {
        noClasses()
                .that()
                .resideInAPackage("cn.yiyang.planning.demo..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "com.vaadin..",
                        "cn.yiyang.planning.importer..",
                        "cn.yiyang.planning.app..")
                .check(classes);
    }

    @Test
    void viewsCallServicesNeverJdbcOrStores() {
        noClasses()
                .that()
                .areAssignableTo(Component.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..",
                        "javax.sql..",
                        "cn.yiyang.planning.layers.store..",
                        "cn.yiyang.planning.layers.feature..",
                        "cn.yiyang.planning.layers.load..",
                        "cn.yiyang.planning.layers.register..")
                .check(classes);
    }

    /**
     * The import's packages depend one way (issue, format ← source ← mapping ← validate ← job ← cli): a rule both a
     * writer in job and a reader in source need lives below both ({@code importer.format}), never in one of them.
     */
    @Test
    void importerPackagesFormNoCycle() {
        slices().matching("cn.yiyang.planning.importer.(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }
}
