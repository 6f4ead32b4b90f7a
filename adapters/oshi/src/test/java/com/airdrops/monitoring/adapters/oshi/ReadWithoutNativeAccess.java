package com.airdrops.monitoring.adapters.oshi;

import java.nio.file.Path;

/** Run in a JVM of its own by {@link OshiSystemProbeTest}: reads the host once and says whether JNA was loaded. */
final class ReadWithoutNativeAccess {
    private ReadWithoutNativeAccess() {}

    public static void main(String[] args) {
        OshiSystemProbe.preload();
        new OshiSystemProbe(new OshiProbeSettings(Path.of("/"))).read();
        System.out.println("jna.loaded=" + System.getProperty("jna.loaded"));
    }
}
