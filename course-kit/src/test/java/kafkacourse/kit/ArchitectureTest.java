package kafkacourse.kit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kit's layers, as a newcomer should see them: {@code names} (a naming rule) and {@code cluster} at the bottom,
 * {@code junit}/{@code grading}/{@code room}/{@code display} on top of them, {@code cli} on top of everything; no
 * package cycles, and nothing below {@code cli} depends on the CLI.
 */
@DisplayName("강좌 도구의 패키지 구조")
class ArchitectureTest {

    private static final JavaClasses KIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kafkacourse.kit");

    @Test
    @DisplayName("패키지 사이에 순환 의존이 없다")
    void noPackageCycles() {
        slices().matching("kafkacourse.kit.(*)..").should().beFreeOfCycles().check(KIT);
    }

    @Test
    @DisplayName("클러스터와 이름 규칙은 JUnit·채점·노트북·CLI 를 모른다")
    void clusterAndNamesAreTheBottomLayer() {
        noClasses().that().resideInAnyPackage("kafkacourse.kit.cluster..", "kafkacourse.kit.names..")
                .should().dependOnClassesThat().resideInAnyPackage("kafkacourse.kit.junit..", "kafkacourse.kit.grading..",
                        "kafkacourse.kit.room..", "kafkacourse.kit.display..", "kafkacourse.kit.cli..")
                .check(KIT);
    }

    @Test
    @DisplayName("CLI 는 맨 위: 다른 패키지는 CLI 에 의존하지 않는다")
    void nothingDependsOnTheCli() {
        noClasses().that().resideOutsideOfPackage("kafkacourse.kit.cli..")
                .should().dependOnClassesThat().resideInAPackage("kafkacourse.kit.cli..")
                .check(KIT);
    }
}
