package com.airdrops.monitoring.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code console} block of the README as one bash session from the repository's root and compares what
 * each {@code $} command prints with the lines the README shows under it. In the README's lines, {@code ...} stands
 * for text the comparison skips: within a line any text, on a line of its own any number of lines. Build commands
 * ({@code mvn ...}) are skipped: this test runs after the build. The port 8000 is replaced by a free one.
 */
class ReadmeTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String MARKER = "@@readme-command@@";
    private static final Pattern FENCE = Pattern.compile("(?m)^```console\\n(.*?)^```\\n", Pattern.DOTALL);

    @TempDir
    Path home;

    @TestFactory
    Stream<DynamicTest> everyConsoleBlockPrintsWhatTheReadmeShows() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<DynamicTest> tests = new ArrayList<>();
        var matcher = FENCE.matcher(readme);
        while (matcher.find()) {
            int line = (int) readme.substring(0, matcher.start()).lines().count() + 1;
            String block = matcher.group(1);
            tests.add(DynamicTest.dynamicTest("README.md:" + line, () -> run(block, line)));
        }
        assertThat(tests).as("console blocks in the README").hasSizeGreaterThanOrEqualTo(3);
        return tests.stream();
    }

    private void run(String block, int line) throws Exception {
        int port = CleanAgentProcess.freePort();
        List<Command> commands = Command.parse(block, port);
        StringBuilder script = new StringBuilder("set +e\n");
        for (Command command : commands) {
            script.append("printf '\\n%s\\n' '").append(MARKER).append("'\n");
            script.append(command.skipped() ? ":" : command.text()).append("\n");
        }
        script.append("printf '\\n%s\\n' '").append(MARKER).append("'\n");
        script.append("kill $(jobs -p) 2>/dev/null; wait\n");

        // timeout ends the whole session, background agent included, should a command hang.
        ProcessBuilder builder = new ProcessBuilder("timeout", "--kill-after=5", "150", "bash", "-c", script.toString())
                .directory(ROOT.toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        CleanAgentProcess.withoutAgentSettings(environment);
        environment.put("HOME", home.toString());
        environment.put("TMPDIR", home.toString());
        environment.put("METRICS_HTTP_PORT", String.valueOf(port));
        Process process = builder.start();
        byte[] bytes = process.getInputStream().readAllBytes();
        process.waitFor(10, TimeUnit.SECONDS);
        String output = new String(bytes, StandardCharsets.UTF_8);
        String[] parts = output.split("\\n?" + MARKER + "\\n", -1);
        assertThat(parts).as("output of README.md:%d\n%s", line, output).hasSize(commands.size() + 2);
        for (int i = 0; i < commands.size(); i++) {
            Command command = commands.get(i);
            if (command.skipped()) {
                continue;
            }
            List<String> actual = parts[i + 1]
                    .lines()
                    .map(String::stripTrailing)
                    .filter(text -> !text.isEmpty())
                    .toList();
            assertThat(Expected.matches(command.expected(), actual))
                    .as(
                            "README.md:%d: '$ %s'\nexpected:\n%s\nbut printed:\n%s",
                            line, command.text(), String.join("\n", command.expected()), String.join("\n", actual))
                    .isTrue();
        }
    }

    /** One {@code $} line (with its {@code \} continuations) and the lines shown under it. */
    record Command(String text, List<String> expected) {
        boolean skipped() {
            return text.startsWith("mvn ");
        }

        static List<Command> parse(String block, int port) {
            List<Command> commands = new ArrayList<>();
            List<String> lines = block.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String text = lines.get(i);
                if (!text.startsWith("$ ")) {
                    throw new IllegalArgumentException("a console block must start with a '$ ' line: " + text);
                }
                StringBuilder command = new StringBuilder(text.substring(2));
                while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
                    command.append('\n').append(lines.get(++i));
                }
                List<String> expected = new ArrayList<>();
                while (i + 1 < lines.size() && !lines.get(i + 1).startsWith("$ ")) {
                    expected.add(lines.get(++i).replace("8000", String.valueOf(port)));
                }
                commands.add(new Command(command.toString().replace("8000", String.valueOf(port)), expected));
            }
            return commands;
        }
    }

    /** Compares printed lines with the README's, where {@code ...} skips text. */
    static final class Expected {
        private Expected() {}

        static boolean matches(List<String> expected, List<String> actual) {
            return matches(expected, 0, actual, 0);
        }

        private static boolean matches(List<String> expected, int e, List<String> actual, int a) {
            if (e == expected.size()) {
                return a == actual.size();
            }
            String pattern = expected.get(e).stripTrailing();
            if (pattern.equals("...")) {
                for (int skip = a; skip <= actual.size(); skip++) {
                    if (matches(expected, e + 1, actual, skip)) {
                        return true;
                    }
                }
                return false;
            }
            return a < actual.size()
                    && line(pattern).matcher(actual.get(a)).matches()
                    && matches(expected, e + 1, actual, a + 1);
        }

        static Pattern line(String pattern) {
            StringBuilder regex = new StringBuilder();
            String[] literal = pattern.split(Pattern.quote("..."), -1);
            for (int i = 0; i < literal.length; i++) {
                regex.append(Pattern.quote(literal[i]));
                if (i < literal.length - 1) {
                    regex.append(".*");
                }
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }
    }
}
