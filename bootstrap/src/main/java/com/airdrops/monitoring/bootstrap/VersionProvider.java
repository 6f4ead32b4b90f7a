package com.airdrops.monitoring.bootstrap;

import picocli.CommandLine;

/** {@code --version}: the same version the start-up log names, and the JDK. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {line()};
    }

    /** What the agent is and runs on, as the start-up log's first line and {@code --version} name it. */
    static String line() {
        return "Airdrops Monitoring " + version() + " on Java " + Runtime.version();
    }

    /** The jar's version. */
    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "(version unknown: not run from the jar)" : version;
    }
}
