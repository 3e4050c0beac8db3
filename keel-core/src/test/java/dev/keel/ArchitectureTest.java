package dev.keel;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the data flow of DESIGN.md: discovery and configuration, then the syntax
 * tree, then per-file analysis (semantic model, metrics, the rule framework, the rule families),
 * then judging (which reads the project's scope and tiers), then reporting (which reads the judged
 * findings), with {@code audit} orchestrating all of them. Findings and severities are plain values
 * at the bottom. A wrong-way import or a package cycle fails the build here.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.keel");
  }

  @Test
  void eachPackageUsesOnlyThePackagesBelowIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("shared")
        .definedBy("dev.keel")
        .layer("finding")
        .definedBy("dev.keel.finding..")
        .layer("config")
        .definedBy("dev.keel.config..")
        .layer("discovery")
        .definedBy("dev.keel.project..")
        .layer("history")
        .definedBy("dev.keel.history..")
        .layer("syntax")
        .definedBy("dev.keel.python..")
        .layer("notebook")
        .definedBy("dev.keel.notebook..")
        .layer("semantic")
        .definedBy("dev.keel.semantic..")
        .layer("metrics")
        .definedBy("dev.keel.metrics..")
        .layer("coverage")
        .definedBy("dev.keel.coverage..")
        .layer("test lock")
        .definedBy("dev.keel.testlock..")
        .layer("rule framework")
        .definedBy("dev.keel.rule..")
        .layer("rule families")
        .definedBy("dev.keel.rules..")
        .layer("judge")
        .definedBy("dev.keel.judge..")
        .layer("imported")
        .definedBy("dev.keel.imported..")
        .layer("new code")
        .definedBy("dev.keel.newcode..")
        .layer("report")
        .definedBy("dev.keel.report..")
        .layer("debt")
        .definedBy("dev.keel.debt..")
        .layer("audit")
        .definedBy("dev.keel.audit..")
        .layer("cache")
        .definedBy("dev.keel.cache..")
        .whereLayer("shared")
        .mayNotAccessAnyLayer()
        .whereLayer("finding")
        .mayNotAccessAnyLayer()
        .whereLayer("syntax")
        .mayNotAccessAnyLayer()
        .whereLayer("notebook")
        .mayNotAccessAnyLayer()
        .whereLayer("config")
        .mayOnlyAccessLayers("shared", "finding")
        .whereLayer("discovery")
        .mayOnlyAccessLayers("shared", "finding", "config", "syntax")
        .whereLayer("history")
        .mayOnlyAccessLayers("shared")
        .whereLayer("semantic")
        .mayOnlyAccessLayers("syntax")
        .whereLayer("metrics")
        .mayOnlyAccessLayers("shared", "config", "discovery", "syntax")
        .whereLayer("coverage")
        .mayOnlyAccessLayers("shared", "config", "discovery", "syntax", "metrics")
        .whereLayer("test lock")
        .mayOnlyAccessLayers(
            "shared", "finding", "config", "discovery", "history", "syntax", "semantic")
        .whereLayer("rule framework")
        .mayOnlyAccessLayers(
            "shared",
            "finding",
            "config",
            "discovery",
            "syntax",
            "notebook",
            "semantic",
            "metrics",
            "coverage")
        .whereLayer("rule families")
        .mayOnlyAccessLayers(
            "shared",
            "finding",
            "config",
            "discovery",
            "syntax",
            "notebook",
            "semantic",
            "metrics",
            "coverage",
            "test lock",
            "rule framework")
        .whereLayer("rule families")
        .mayOnlyBeAccessedByLayers("audit")
        .whereLayer("judge")
        .mayOnlyAccessLayers("shared", "finding", "config", "discovery")
        .whereLayer("imported")
        .mayOnlyAccessLayers("finding", "config", "judge")
        .whereLayer("new code")
        .mayOnlyAccessLayers("finding", "judge", "syntax")
        .whereLayer("report")
        .mayOnlyAccessLayers("finding", "rule framework", "judge")
        .whereLayer("debt")
        .mayOnlyAccessLayers("finding", "judge", "rule framework")
        .whereLayer("cache")
        .mayOnlyAccessLayers("shared")
        .whereLayer("cache")
        .mayOnlyBeAccessedByLayers("audit")
        .whereLayer("audit")
        .mayNotBeAccessedByAnyLayer()
        .check(classes);
  }

  @Test
  void topLevelPackagesAreFreeOfCycles() {
    slices().matching("dev.keel.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void everyPackageIsFreeOfCycles() {
    slices().matching("dev.keel.(**)").should().beFreeOfCycles().check(classes);
  }
}
