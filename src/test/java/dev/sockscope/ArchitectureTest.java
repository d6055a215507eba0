package dev.sockscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering rules of design.md, enforced on production code. */
@AnalyzeClasses(packages = "dev.sockscope", importOptions = ImportOption.DoNotIncludeTests.class)
final class ArchitectureTest {
    private ArchitectureTest() {
    }


    @ArchTest
    static final ArchRule javafxOnlyInUi = noClasses().that().resideOutsideOfPackages("dev.sockscope.ui..")
            .and().doNotHaveFullyQualifiedName("dev.sockscope.Main")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.fxmisc..", "org.kordamp..");

    @ArchTest
    static final ArchRule nettyOnlyInProxy = noClasses().that().resideOutsideOfPackage("dev.sockscope.proxy..")
            .should().dependOnClassesThat().resideInAPackage("io.netty..");

    @ArchTest
    static final ArchRule javaWebSocketOnlyInClient = noClasses().that().resideOutsideOfPackage("dev.sockscope.client..")
            .should().dependOnClassesThat().resideInAPackage("org.java_websocket..");

    @ArchTest
    static final ArchRule bouncyCastleOnlyInTls = noClasses().that().resideOutsideOfPackage("dev.sockscope.tls..")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..");

    @ArchTest
    static final ArchRule sqlOnlyInStore = noClasses().that().resideOutsideOfPackage("dev.sockscope.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..");

    @ArchTest
    static final ArchRule coreDependsOnNothingOfOurs = noClasses().that().resideInAPackage("dev.sockscope.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sockscope.codec..", "dev.sockscope.tls..",
                    "dev.sockscope.client..", "dev.sockscope.proxy..", "dev.sockscope.store..", "dev.sockscope.app..",
                    "dev.sockscope.ui..", "dev.sockscope.cli..", "dev.sockscope.check..", "dev.sockscope.intercept..",
                    "dev.sockscope.diff..", "dev.sockscope.replay..", "dev.sockscope.mock..");

    @ArchTest
    static final ArchRule diffAndReplayScriptsAreSansIo = noClasses()
            .that().resideInAnyPackage("dev.sockscope.diff..", "dev.sockscope.replay..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sockscope.codec..", "dev.sockscope.tls..",
                    "dev.sockscope.client..", "dev.sockscope.proxy..", "dev.sockscope.store..", "dev.sockscope.app..",
                    "dev.sockscope.ui..", "dev.sockscope.cli..", "dev.sockscope.check..", "dev.sockscope.mock..", "java.net..",
                    "java.nio.channels..", "java.sql..", "javafx..", "io.netty..");

    @ArchTest
    static final ArchRule interceptionRulesAreSansIo = noClasses().that().resideInAPackage("dev.sockscope.intercept..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sockscope.codec..", "dev.sockscope.tls..",
                    "dev.sockscope.client..", "dev.sockscope.proxy..", "dev.sockscope.store..", "dev.sockscope.app..",
                    "dev.sockscope.ui..", "dev.sockscope.cli..", "dev.sockscope.check..", "java.net..", "java.nio.channels..",
                    "java.sql..", "javafx..", "io.netty..");

    @ArchTest
    static final ArchRule uiAndCliReachTheRestThroughApp = noClasses()
            .that().resideInAnyPackage("dev.sockscope.ui..", "dev.sockscope.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sockscope.codec..", "dev.sockscope.tls..",
                    "dev.sockscope.client..", "dev.sockscope.proxy..", "dev.sockscope.store..", "dev.sockscope.check..",
                    "dev.sockscope.mock..");

    @ArchTest
    static final ArchRule uiAndCliStayApart = noClasses().that().resideInAPackage("dev.sockscope.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.sockscope.cli..");

    @ArchTest
    static final ArchRule lowerLayersNeverImportUpperOnes = noClasses()
            .that().resideInAnyPackage("dev.sockscope.codec..", "dev.sockscope.tls..", "dev.sockscope.client..",
                    "dev.sockscope.proxy..", "dev.sockscope.store..", "dev.sockscope.check..", "dev.sockscope.mock..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sockscope.app..", "dev.sockscope.ui..", "dev.sockscope.cli..");

    @ArchTest
    static final ArchRule systemOutOnlyInCli = noClasses().that().resideOutsideOfPackage("dev.sockscope.cli..")
            .and().doNotHaveFullyQualifiedName("dev.sockscope.Main")
            .should().accessField(System.class, "out");

    @ArchTest
    static final ArchRule systemErrOnlyInCli = noClasses().that().resideOutsideOfPackage("dev.sockscope.cli..")
            .and().doNotHaveFullyQualifiedName("dev.sockscope.Main")
            .should().accessField(System.class, "err");

    @ArchTest
    static final ArchRule storeAndProxyNeverUseTheClient = noClasses()
            .that().resideInAnyPackage("dev.sockscope.store..", "dev.sockscope.proxy..")
            .should().dependOnClassesThat().resideInAPackage("dev.sockscope.client..");

    @ArchTest
    static final ArchRule uiFeaturesDoNotDependOnEachOtherInCircles = slices().matching("dev.sockscope.ui.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule sharedViewModelsStandBelowTheFeatures = noClasses().that().resideInAPackage("dev.sockscope.ui.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sockscope.ui.connection..", "dev.sockscope.ui.handshake..",
                    "dev.sockscope.ui.certificate..", "dev.sockscope.ui.messages..", "dev.sockscope.ui.sessions..",
                    "dev.sockscope.ui.search..", "javafx.scene..");

    @ArchTest
    static final ArchRule codecStaysSansIo = noClasses().that().resideInAPackage("dev.sockscope.codec..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.channels..", "dev.sockscope.app..",
                    "dev.sockscope.client..", "dev.sockscope.store..", "dev.sockscope.tls..");

    @ArchTest
    static final ArchRule runLaterOnlyThroughTheGateway = noClasses().that().resideOutsideOfPackage("dev.sockscope.ui.fx..")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class);
}
