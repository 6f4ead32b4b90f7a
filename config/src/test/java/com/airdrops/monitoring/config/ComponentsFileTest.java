package com.airdrops.monitoring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.airdrops.monitoring.domain.model.component.ComponentDefinition;
import com.airdrops.monitoring.domain.model.component.ComponentSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentsFileTest {
    @TempDir
    Path dir;

    @Test
    void readsTheReadmeExample() throws IOException {
        Path file = write("""
                components:
                  - name: risk_manager
                    type: risk_manager
                    source: poll
                    url: http://127.0.0.1:9101/status
                    timeout_seconds: 2
                    stale_after_seconds: 120
                  - name: scheduler
                    type: scheduler
                    source: push
                  - name: gas
                    type: gas_price
                    config: { rpc_url: "${RPC_URL}" }
                """);

        List<ComponentDefinition> definitions =
                ComponentsFile.load(file, Map.of("RPC_URL", "http://127.0.0.1:8545"), Set.of("gas_price"));

        assertThat(definitions).hasSize(3);
        ComponentDefinition risk = definitions.get(0);
        assertThat(risk.source()).isEqualTo(ComponentSource.POLL);
        assertThat(risk.url()).contains(URI.create("http://127.0.0.1:9101/status"));
        assertThat(risk.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(risk.staleAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(definitions.get(1).source()).isEqualTo(ComponentSource.PUSH);
        assertThat(definitions.get(2).source()).isEqualTo(ComponentSource.PLUGIN);
        assertThat(definitions.get(2).config()).containsEntry("rpc_url", "http://127.0.0.1:8545");
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Path absent = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> ComponentsFile.load(absent, Map.of(), Set.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(absent + ": no such file");
    }

    @Test
    void aBinaryFileIsReportedAsNotTextInOneLine() throws IOException {
        Path binary = Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});
        assertThatThrownBy(() -> ComponentsFile.load(binary, Map.of(), Set.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(binary + ": not UTF-8 text")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void anEmptyFileMeansNoComponents() throws IOException {
        assertThat(ComponentsFile.load(write(""), Map.of(), Set.of())).isEmpty();
    }

    @Test
    void everyProblemNamesFileLineColumnAndField() throws IOException {
        Path file = write("""
                components:
                  - name: risk_manager
                    type: risk_mgr
                    source: poll
                    url: http://127.0.0.1:9101/status
                  - name: scheduler
                    type: scheduler
                    source: pull
                    tmeout_seconds: 2
                  - name: allocator
                    type: capital_allocator
                    source: poll
                    timeout_seconds: -1
                """);

        assertThatThrownBy(() -> ComponentsFile.load(file, Map.of(), Set.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        file
                                                + ":3:11: components[0].type: unknown type 'risk_mgr'; allowed: capital_allocator, generic, "
                                                + "risk_manager, scheduler (no plugin types found on the classpath or in plugins/)",
                                        file
                                                + ":9:21: components[1].tmeout_seconds: unknown field; allowed: config, name, source, "
                                                + "stale_after_seconds, timeout_seconds, type, url",
                                        file
                                                + ":8:13: components[1].source: unknown source 'pull'; allowed: poll, push",
                                        file + ":10:5: components[2]: a component with source: poll needs a url",
                                        file
                                                + ":13:22: components[2].timeout_seconds: expected a number from 0.1 to 300, got -1"));
    }

    @Test
    void aBotRoleMayAppearOnceAndNamesAreUnique() throws IOException {
        Path file = write("""
                components:
                  - { name: risk_a, type: risk_manager, source: push }
                  - { name: risk_b, type: risk_manager, source: push }
                  - { name: risk_a, type: generic, source: push }
                """);

        assertThatThrownBy(() -> ComponentsFile.load(file, Map.of(), Set.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        file
                                                + ":3:5: components[1]: a second component of type 'risk_manager': its metrics have no "
                                                + "component label, so each bot role may appear once",
                                        file + ":4:5: components[2]: duplicate component name 'risk_a'"));
    }

    @Test
    void yamlSyntaxErrorsAndMissingVariablesAreLocated() throws IOException {
        Path broken = write("components:\n  - name: [unclosed\n");
        assertThatThrownBy(() -> ComponentsFile.load(broken, Map.of(), Set.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .asString()
                                .startsWith(broken + ":2:")
                                .contains("invalid YAML: while parsing a flow sequence")
                                .doesNotContain("\n"));

        Path missingVariable = write("""
                components:
                  - name: wallet
                    type: generic
                    source: poll
                    url: "${WALLET_URL}"
                """);
        assertThatThrownBy(() -> ComponentsFile.load(missingVariable, Map.of(), Set.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .contains(missingVariable
                                        + ":5:10: components[0].url: environment variable WALLET_URL is not set"));
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "components", ".yaml");
        return Files.writeString(file, yaml);
    }
}
