package com.airdrops.monitoring.config;

import com.airdrops.monitoring.domain.model.alert.AlertRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The alert rules an agent runs: those of ALERT_RULES_FILE (the built-in file unless it is set or config/ has one)
 * and those of every {@code *.yaml} or {@code *.yml} file in ALERT_RULES_DIR, in name order, so that an operator adds rules to the
 * shipped ones without copying them. A rule name defined twice, in one file or across files, is a located error.
 * Pointing ALERT_RULES_FILE at a file of one's own (an empty one for none) switches the built-in rules off.
 */
public final class RuleFiles {
    private RuleFiles() {}

    public static List<AlertRule> load(FilesSection files, Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        List<AlertRule> rules = new ArrayList<>();
        Map<String, String> definedIn = new LinkedHashMap<>();
        for (ConfigFile file : files(files)) {
            try {
                for (AlertRule rule : AlertRulesFile.load(file, environment, definedIn)) {
                    rules.add(rule);
                    definedIn.putIfAbsent(rule.name(), file.location());
                }
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return List.copyOf(rules);
    }

    /** Where the rules come from, as the reload answer and check-config say it. */
    public static String describe(FilesSection files) {
        return files.alertRules().location() + extras(files);
    }

    /** The files of ALERT_RULES_DIR, as " and 2 files of DIR", or nothing when there are none. */
    public static String extras(FilesSection files) {
        int extra = files(files).size() - 1;
        return extra == 0 ? "" : " and " + extra + " file" + (extra == 1 ? "" : "s") + " of " + files.alertRulesDir();
    }

    private static boolean isYaml(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** ALERT_RULES_FILE, then the {@code *.yaml} and {@code *.yml} files of ALERT_RULES_DIR in name order. */
    static List<ConfigFile> files(FilesSection files) {
        List<ConfigFile> all = new ArrayList<>(List.of(files.alertRules()));
        Path dir = files.alertRulesDir();
        if (dir == null || !Files.isDirectory(dir)) {
            return all;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(path -> isYaml(path.getFileName().toString()) && Files.isRegularFile(path))
                    .sorted()
                    .map(ConfigFile::at)
                    .forEach(all::add);
        } catch (IOException e) {
            throw new ConfigException(List.of(dir + ": cannot list the rule files: " + e.getMessage()));
        }
        return all;
    }
}
