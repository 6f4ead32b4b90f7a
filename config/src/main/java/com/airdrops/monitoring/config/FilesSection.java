package com.airdrops.monitoring.config;

import java.nio.file.Path;

/**
 * The configuration files and the plugins folder: {@code alertRulesDir} holds rule files added to those of {@code alertRules} (every
 * {@code *.yaml}, in name order; none when it does not exist).
 */
public record FilesSection(
        ConfigFile alertRules, ConfigFile notifications, ConfigFile components, Path plugins, Path alertRulesDir) {}
